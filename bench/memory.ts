/**
 * `npm run bench:memory`: what each isolate of the Worker holds when it runs the `base` synthetic
 * package (real ViT-B/32 shapes and int8 quantisation) in workerd. Generates and packs the package,
 * installs each design's package in local R2, starts the Workers in Miniflare (a new isolate each),
 * classifies one 4032x3024 JPEG cold then warm, and prints the memory accounting of every isolate
 * (src/model/memory.ts, read through GET /debug/memory).
 */
import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Miniflare } from "miniflare";
import type { MemoryReport } from "../src/model/memory";
import type { ModelManifest } from "../src/model/package/manifest";
import { packPackage } from "../src/packing/pack";
import { writeSyntheticPackage } from "../src/synthetic";
import { bundleWorker } from "./bundle";

const root = resolve(import.meta.dirname, "..");
const work = resolve(root, ".cache/bench");
const tokenizerDir = resolve(root, "../shared/clip-vit-base-patch32");
const photoPath = resolve(root, "../shared/fixtures/images/formats/phone_4032x3024.jpg");
const GOAL = 110e6;

interface Design {
  name: string;
  dir: string;
  mode: "local" | "split";
}

async function preparePackages(): Promise<Design[]> {
  const base = resolve(work, "base");
  const external = resolve(work, "base-external");
  const whole = resolve(work, "base-whole");
  const packed = resolve(work, "base-packed");
  for (const dir of [base, external, whole, packed]) await rm(dir, { recursive: true, force: true });
  step("generating the base synthetic package (embedded and external data)");
  await writeSyntheticPackage({ size: "base", tokenizerDir, outDir: base });
  await writeSyntheticPackage({ size: "base", tokenizerDir, outDir: external, externalData: true });
  step("packing: ORT format, whole vision tower / vision tower cut in two");
  await packPackage(base, whole, { splitAfterLayer: null });
  await packPackage(base, packed);
  return [
    { name: "A. .onnx, weights inside", dir: base, mode: "local" },
    { name: "B. .onnx + external data", dir: external, mode: "local" },
    { name: "C. heap-direct .ort, whole", dir: whole, mode: "local" },
    { name: "D. heap-direct .ort, split", dir: packed, mode: "split" },
  ];
}

async function bundles() {
  step("bundling the Workers (wrangler deploy --dry-run)");
  const out = resolve(work, "bundles");
  return {
    vision: await bundleWorker(
      "bench-vision",
      resolve(root, "bench/workers/vision.ts"),
      resolve(out, "vision"),
    ),
    tail: await bundleWorker(
      "vision-tail",
      resolve(root, "src/workers/vision-tail/index.ts"),
      resolve(out, "tail"),
    ),
    text: await bundleWorker("text", resolve(root, "src/workers/text/index.ts"), resolve(out, "text")),
  };
}

async function worker(name: string, scriptPath: string, bindings: Record<string, string>, services = {}) {
  // Listed by hand: Miniflare cannot follow the dynamic imports inside onnxruntime-web's bundle.
  const dir = dirname(scriptPath);
  const wasm = (await readdir(dir)).filter((f) => f.endsWith(".wasm"));
  return {
    name,
    modulesRoot: dir,
    modules: [
      { type: "ESModule" as const, path: scriptPath },
      ...wasm.map((f) => ({ type: "CompiledWasm" as const, path: resolve(dir, f) })),
    ],
    compatibilityDate: "2026-04-20",
    r2Buckets: { MODELS: "dermedge-models" },
    bindings: { MODEL_PREFIX: "models/active", DEBUG_MEMORY: "1", ...bindings },
    serviceBindings: services,
  };
}

/**
 * Puts a package in the local bucket as `dermedge model install` does (every file, the manifest last),
 * then reads every object back once from here: local R2 answered the first read of a freshly put 64 MB
 * object in about 6 s (about 0.3 s afterwards), a local-storage effect that must not count as cold start.
 */
async function install(mf: Miniflare, dir: string): Promise<ModelManifest> {
  // Miniflare's own typings clash with the DOM library's: only these two methods are needed.
  const bucket = (await mf.getR2Bucket("MODELS")) as unknown as {
    put(key: string, value: Uint8Array): Promise<unknown>;
    get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
  };
  const manifest: ModelManifest = JSON.parse(await readFile(resolve(dir, "manifest.json"), "utf8"));
  const paths = [...manifest.files.map((f) => f.path), "manifest.json"];
  for (const path of paths) {
    await bucket.put(`models/active/${path}`, new Uint8Array(await readFile(resolve(dir, path))));
  }
  for (const path of paths) {
    const object = await bucket.get(`models/active/${path}`);
    if (!object) throw new Error(`local R2 lost ${path}`);
    await object.arrayBuffer();
  }
  return manifest;
}

interface Row {
  isolate: string;
  design: string;
  modelBytes: number;
  wasmAfterCreation: number;
  coldPeak: number;
  warmPeak: number;
  coldMs?: number;
  warmMs?: number;
  /** The image tower's share of the warm request (every stage, the service binding hop included). */
  encodeMs?: number;
}

async function runDesign(design: Design, scripts: Awaited<ReturnType<typeof bundles>>, photo: Uint8Array) {
  const mf = new Miniflare({
    workers: [
      await worker(
        "vision",
        scripts.vision,
        { VISION_MODE: design.mode },
        { VISION_TAIL: "vision-tail", TEXT_ENCODER: "text" },
      ),
      await worker("vision-tail", scripts.tail, {}),
      await worker("text", scripts.text, {}),
    ],
  });
  try {
    step("  installing the package in local R2");
    const manifest = await install(mf, design.dir);
    const size = (path: string) => manifest.files.find((f) => f.path === path)!.size;
    const towerBytes = (t: { file: string; externalData: string[] }) =>
      size(t.file) + t.externalData.reduce((s, p) => s + size(p), 0);
    const stages = manifest.vision.stages ?? [manifest.vision];
    const isolates = {
      vision: {
        name: "vision",
        bytes:
          design.mode === "split" ? towerBytes(stages[0]) : stages.reduce((s, t) => s + towerBytes(t), 0),
      },
      ...(design.mode === "split" ? { tail: { name: "vision-tail", bytes: towerBytes(stages[1]) } } : {}),
      text: { name: "text", bytes: towerBytes(manifest.text) },
    };
    const fetcher = async (name: string) =>
      (await mf.getWorker(name)) as unknown as { fetch(url: string, init?: RequestInit): Promise<Response> };
    const memory = async (name: string): Promise<MemoryReport> => {
      const res = await (await fetcher(name)).fetch("http://x/debug/memory");
      return (await res.json()) as MemoryReport;
    };
    const classify = async () => {
      const started = performance.now();
      const res = await mf.dispatchFetch("http://x/classify", { method: "POST", body: photo });
      const body = (await res.json()) as { timings: { encodeMs: number }; message?: string };
      if (!res.ok) throw new Error(`${design.name}: classify answered ${res.status}: ${body.message}`);
      return { ms: performance.now() - started, encodeMs: body.timings.encodeMs };
    };
    step("  classifying (cold)");
    const { ms: coldMs } = await classify();
    const cold = Object.fromEntries(
      await Promise.all(Object.values(isolates).map(async (i) => [i.name, await memory(i.name)])),
    );
    for (const i of Object.values(isolates))
      await (await fetcher(i.name)).fetch("http://x/debug/memory/reset-peak", { method: "POST" });
    const { ms: warmMs, encodeMs } = await classify();
    const rows: Row[] = [];
    for (const [key, i] of Object.entries(isolates)) {
      const warm = await memory(i.name);
      rows.push({
        isolate: i.name,
        design: design.name,
        modelBytes: i.bytes,
        wasmAfterCreation: cold[i.name].wasmBytes,
        coldPeak: cold[i.name].peakBytes,
        warmPeak: warm.peakBytes,
        ...(key === "vision" ? { coldMs, warmMs, encodeMs } : {}),
      });
    }
    return rows;
  } finally {
    await mf.dispose();
  }
}

const mb = (n: number) => (n / 1e6).toFixed(1);

function printTable(rows: Row[]): void {
  const header = [
    "design",
    "isolate",
    "model MB",
    "WASM after creation MB",
    "peak cold (creation incl.) MB",
    "peak warm MB",
    "heap/model",
    "cold ms",
    "warm ms",
    "warm encode ms",
    "<=110 MB",
  ];
  const lines = rows.map((r) => [
    r.design,
    r.isolate,
    mb(r.modelBytes),
    mb(r.wasmAfterCreation),
    mb(r.coldPeak),
    mb(r.warmPeak),
    (r.wasmAfterCreation / r.modelBytes).toFixed(2),
    r.coldMs === undefined ? "" : r.coldMs.toFixed(0),
    r.warmMs === undefined ? "" : r.warmMs.toFixed(0),
    r.encodeMs === undefined ? "" : r.encodeMs.toFixed(0),
    Math.max(r.coldPeak, r.warmPeak) <= GOAL ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(format(header));
  console.log(format(widths.map((w) => "-".repeat(w))));
  for (const l of lines) console.log(format(l));
}

function step(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  if (!existsSync(tokenizerDir) || !existsSync(photoPath)) {
    throw new Error(
      "bench:memory needs ../shared (the CLIP tokenizer and fixtures/images/formats/phone_4032x3024.jpg)",
    );
  }
  const designs = await preparePackages();
  const scripts = await bundles();
  const photo = new Uint8Array(await readFile(photoPath));
  const only = process.argv.slice(2);
  const rows: Row[] = [];
  for (const design of designs.filter((d) => only.length === 0 || only.some((o) => d.name.startsWith(o)))) {
    step(`running ${design.name} in workerd`);
    rows.push(...(await runDesign(design, scripts, photo)));
  }
  console.log(
    `\nPer isolate, ${(photo.length / 1e6).toFixed(1)} MB 4032x3024 JPEG; memory from src/model/memory.ts (WASM linear memory + ArrayBuffers the engine holds); goal <= 110 MB per isolate.`,
  );
  console.log(
    "The text isolate runs the same package's text graph in every design; cold = new isolates -> first answer (model from local R2), warm = the next request; both include decoding the 12 MP JPEG.\n",
  );
  printTable(rows);
}

await main();
