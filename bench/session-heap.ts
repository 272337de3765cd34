/**
 * WASM heap of ORT-web after creating each tower's session for the `base` synthetic package, weights
 * embedded in the .onnx vs as external data. One fresh Node process per measurement (WASM memory never
 * shrinks, so two sessions in one process would add up). Run: npx tsx bench/session-heap.ts
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { nodeRuntime } from "../src/cli/runtime";
import { ortHeapBytes, useOrtWasm } from "../src/model/backends/onnx";
import { directoryStore } from "../src/model/package/directory-store.node";
import { readManifest, readVerified } from "../src/model/package/load";
import { writeSyntheticPackage } from "../src/synthetic";

const root = resolve(import.meta.dirname, "..");
const tokenizerDir = process.env.DERMEDGE_TOKENIZER ?? resolve(root, "../shared/clip-vit-base-patch32");
const MB = 1e6;

async function measure(dir: string, tower: "vision" | "text"): Promise<void> {
  const store = directoryStore(dir);
  const manifest = await readManifest(store);
  const spec = manifest[tower];
  const ort = useOrtWasm((await nodeRuntime()).ortWasm);
  const model = await readVerified(store, manifest, spec.file);
  const externalData = await Promise.all(
    spec.externalData.map(async (p) => ({
      path: p.split("/").pop()!,
      data: await readVerified(store, manifest, p),
    })),
  );
  const bytes = model.length + externalData.reduce((s, e) => s + e.data.length, 0);
  await ort.InferenceSession.create(model, { executionProviders: ["wasm"], externalData });
  const heap = ortHeapBytes();
  console.log(JSON.stringify({ tower, bytes, heap }));
}

async function main(): Promise<void> {
  const [, , dir, tower] = process.argv;
  if (dir && tower) return measure(dir, tower as "vision" | "text");
  const rows: string[] = [];
  for (const external of [false, true]) {
    const dir = resolve(root, `.cache/models/base${external ? "-external" : ""}`);
    if (!existsSync(resolve(dir, "manifest.json"))) {
      await writeSyntheticPackage({ size: "base", tokenizerDir, outDir: dir, externalData: external });
    }
    for (const tower of ["vision", "text"]) {
      const out = execFileSync("npx", ["tsx", import.meta.filename, dir, tower], { encoding: "utf8" });
      const { bytes, heap } = JSON.parse(out.trim().split("\n").pop()!);
      rows.push(
        `${tower.padEnd(7)} ${(external ? "external data" : "embedded").padEnd(14)} ${(bytes / MB).toFixed(1).padStart(7)} MB ${(heap / MB).toFixed(1).padStart(8)} MB ${(heap / bytes).toFixed(2).padStart(6)}x`,
      );
    }
  }
  console.log(`tower   weights        model bytes  WASM heap  heap/model`);
  console.log(rows.join("\n"));
}

await main();
