import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { nodeRuntime } from "../../src/cli/runtime";
import { ClipEngine } from "../../src/model/engine";
import { directoryStore } from "../../src/model/package/directory-store.node";
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
  await writeNodeReference();
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
