import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { addLabelEmbeddings } from "../../src/cli/label-embeddings";
import { nodeRuntime } from "../../src/cli/runtime";
import { ClipEngine } from "../../src/model/engine";
import { directoryStore } from "../../src/model/package/directory-store.node";
import { packPackage } from "../../src/packing/pack";
import { writeSyntheticPackage } from "../../src/synthetic";

const root = resolve(import.meta.dirname, "../..");
const shared = resolve(root, "../shared");
const models = resolve(root, ".cache/models");

/** Inputs whose Node outputs the workerd tests must reproduce exactly. */
export const REFERENCE_IMAGES = [
  "fixtures/images/natural/HappyFish.jpg",
  "fixtures/images/formats/chelsea_exif_orientation6.jpg",
  "fixtures/images/natural/chelsea.png",
  "fixtures/images/formats/chelsea_lossy.webp",
];
export const REFERENCE_TEXTS = ["a photo of a skin rash", "a photo of normal skin", "这个痣最近变大了"];

/**
 * Runs once in Node before the tests: generates the tiny synthetic packages (embedded weights and
 * external data) into .cache/models, and records the Node engine's outputs for the workerd/Node
 * equality test. Without ../shared (no tokenizer) there is nothing to generate: those tests skip.
 */
export default async function setup(): Promise<void> {
  await bundleWorker("wrangler.text.toml", ".cache/text-worker");
  await bundleWorker("wrangler.vision-tail.toml", ".cache/vision-tail-worker");
  const tokenizerDir = resolve(shared, "clip-vit-base-patch32");
  if (!existsSync(tokenizerDir)) {
    console.warn("global setup: ../shared is absent; model tests will skip");
    return;
  }
  await mkdir(models, { recursive: true });
  await writeSyntheticPackage({ size: "tiny", tokenizerDir, outDir: resolve(models, "tiny") });
  await writeSyntheticPackage({
    size: "tiny",
    tokenizerDir,
    outDir: resolve(models, "tiny-external"),
    externalData: true,
  });
  // tiny as `dermedge model install` leaves it: with the default prompts' embeddings precomputed.
  await cp(resolve(models, "tiny"), resolve(models, "tiny-labelled"), { recursive: true });
  await addLabelEmbeddings(resolve(models, "tiny-labelled"));
  // tiny as `dermedge model pack` leaves it: ORT format, the vision tower in two stages.
  await packPackage(resolve(models, "tiny"), resolve(models, "tiny-packed"));
  await writeNodeReference();
}

/**
 * vitest.config.ts runs the Workers the main one binds to as auxiliary workers, which must be plain JS.
 * Built aside and moved in file by file (each rename atomic), so a test run started meanwhile by someone
 * else on this tree never finds the folder missing.
 */
async function bundleWorker(config: string, out: string): Promise<void> {
  const outDir = resolve(root, out);
  const building = `${outDir}.build-${process.pid}`;
  const wrangler = resolve(root, "node_modules/wrangler/bin/wrangler.js");
  const args = [wrangler, "deploy", "--dry-run", "--outdir", building, "-c", config];
  await promisify(execFile)(process.execPath, args, { cwd: root });
  await mkdir(outDir, { recursive: true });
  const built = await readdir(building);
  for (const name of built) await rename(resolve(building, name), resolve(outDir, name));
  for (const name of await readdir(outDir)) {
    if (!built.includes(name)) await rm(resolve(outDir, name), { force: true });
  }
  await rm(building, { recursive: true, force: true });
}

async function writeNodeReference(): Promise<void> {
  const engine = await ClipEngine.open(directoryStore(resolve(models, "tiny")), await nodeRuntime());
  const images: Record<string, number[]> = {};
  for (const path of REFERENCE_IMAGES) {
    const { embedding } = await engine.embedImage(new Uint8Array(await readFile(resolve(shared, path))));
    images[path] = Array.from(embedding);
  }
  const texts = (await engine.embedTexts(REFERENCE_TEXTS)).map((e) => Array.from(e));
  await writeFile(
    resolve(root, ".cache/node-reference.json"),
    JSON.stringify({ revision: engine.info.revision, images, texts }),
  );
}
