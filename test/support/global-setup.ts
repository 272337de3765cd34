import { execFile } from "node:child_process";
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { writeApiAssets } from "../../scripts/api-assets";
import { DEFAULT_MAX_SECONDS } from "../../src/audio/limits";
import { adapt } from "../../src/cli/commands/adapt";
import { writeSyntheticPhotoSet } from "../../src/cli/commands/synthetic-photos";
import { addLabelEmbeddings } from "../../src/cli/label-embeddings";
import { nodeRuntime } from "../../src/cli/runtime";
import { nodeWasm } from "../../src/lib/node-wasm.node";
import { ClipEngine } from "../../src/model/engine";
import { directoryStore } from "../../src/model/package/directory-store.node";
import { SpeechEngine } from "../../src/model/speech/engine";
import { packPackage } from "../../src/packing/pack";
import { CLIP_ASSETS_DIR, readUpstream, writeSyntheticPackage } from "../../src/synthetic";
import { writeSyntheticWhisper } from "../../src/synthetic/whisper/package";
import { TEST_IMAGES } from "./test-images";
import { writeTestImages } from "./test-images.node";
import { note } from "./voice-notes";

const root = resolve(import.meta.dirname, "../..");
const cache = resolve(root, ".cache");
const models = resolve(cache, "models");

/** Inputs (.cache/images) whose Node outputs the workerd tests must reproduce exactly. */
export const REFERENCE_IMAGES = [
  TEST_IMAGES.photo,
  TEST_IMAGES.exif6,
  TEST_IMAGES.photoPng,
  TEST_IMAGES.photoWebp,
];
export const REFERENCE_TEXTS = ["a photo of a skin rash", "a photo of normal skin", "这个痣最近变大了"];

/**
 * Runs once in Node before the tests, from the repository alone (no ../shared): writes the repository's
 * CLIP tokenizer to .cache/clip-tokenizer, the test photos to .cache/images, the tiny synthetic packages
 * (embedded weights, external data, with label embeddings, packed) to .cache/models, and records the
 * Node engine's outputs for the workerd/Node equality test.
 */
export default async function setup(): Promise<void> {
  await writeApiAssets(); // wrangler.toml's [assets] directory: the pool and wrangler dev need it
  await bundleWorker("wrangler.text.toml", ".cache/text-worker");
  await bundleWorker("wrangler.vision-tail.toml", ".cache/vision-tail-worker");
  await bundleWorker("wrangler.speech.toml", ".cache/speech-worker");
  await bundleWorker("wrangler.speech-decoder.toml", ".cache/speech-decoder-worker");
  await writeTestImages(resolve(cache, "images"));
  await mkdir(resolve(cache, "clip-tokenizer"), { recursive: true });
  for (const name of ["tokenizer.json", "tokenizer_config.json"]) {
    // Written aside and renamed, so a test run started meanwhile on this tree reads it whole.
    const path = resolve(cache, "clip-tokenizer", name);
    await writeFile(`${path}.${process.pid}`, await readUpstream(CLIP_ASSETS_DIR, name));
    await rename(`${path}.${process.pid}`, path);
  }
  await mkdir(models, { recursive: true });
  await writeSyntheticPackage({ size: "tiny", outDir: resolve(models, "tiny") });
  await writeSyntheticPackage({ size: "tiny", outDir: resolve(models, "tiny-external"), externalData: true });
  // tiny as `dermedge model install` leaves it: with the default prompts' embeddings precomputed.
  await cp(resolve(models, "tiny"), resolve(models, "tiny-labelled"), { recursive: true });
  await addLabelEmbeddings(resolve(models, "tiny-labelled"));
  // tiny as `dermedge model pack` leaves it: ORT format, the vision tower in two stages.
  await packPackage(resolve(models, "tiny"), resolve(models, "tiny-packed"));
  // The Whisper-shaped speech package of the speech tests (small dims, the real vocabulary size and ids).
  await writeSyntheticWhisper({ size: "test", outDir: resolve(models, "whisper-test") });
  await writeAdaptFixtures();
  await writeNodeReference();
  await writeSpeechReference();
}

/** Catalogue ids the adapt fixtures' classes are named after (the photos differ by construction only). */
export const ADAPT_CLASSES = ["acne", "eczema", "psoriasis"];

/**
 * Separable class folders for `dermedge adapt` (.cache/photos/adapt-train, 12 a class) and photos it never
 * sees (adapt-eval, 6 a class), and tiny-labelled with a head trained on the first (.cache/models/tiny-head).
 */
async function writeAdaptFixtures(): Promise<void> {
  const photos = resolve(cache, "photos");
  await writeSyntheticPhotoSet(resolve(photos, "adapt-train"), { classes: ADAPT_CLASSES, perClass: 12 });
  await writeSyntheticPhotoSet(resolve(photos, "adapt-eval"), {
    classes: ADAPT_CLASSES,
    perClass: 6,
    first: 1000,
  });
  await rm(resolve(models, "tiny-head"), { recursive: true, force: true });
  const log = console.log;
  console.log = () => {}; // adapt's summary is for people; the tests read head.json
  try {
    await adapt([
      resolve(photos, "adapt-train"),
      "--model",
      resolve(models, "tiny-labelled"),
      "--out",
      resolve(models, "tiny-head"),
    ]);
  } finally {
    console.log = log;
  }
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
    const { embedding } = await engine.embedImage(
      new Uint8Array(await readFile(resolve(cache, "images", path))),
    );
    images[path] = Array.from(embedding);
  }
  const texts = (await engine.embedTexts(REFERENCE_TEXTS)).map((e) => Array.from(e));
  await writeFile(
    resolve(cache, "node-reference.json"),
    JSON.stringify({ revision: engine.info.revision, images, texts }),
  );
}

/**
 * What Node hears in the voice tests' 3 s note (whisper-test, in one process on onnxruntime-web's WASM,
 * as `dermedge transcribe`): the speech Workers, split over two isolates and freeing each step's tensors
 * as they go, must hear the same (.cache/speech-reference.json).
 */
async function writeSpeechReference(): Promise<void> {
  const engine = await SpeechEngine.open(directoryStore(resolve(models, "whisper-test")), {
    ortWasm: await nodeWasm("onnxruntime-web/ort-wasm-simd-threaded.wasm"),
  });
  const heard = await engine.transcribeAudio(note(3), { language: "en", maxSeconds: DEFAULT_MAX_SECONDS });
  await writeFile(
    resolve(cache, "speech-reference.json"),
    JSON.stringify({ note3en: { text: heard.text, tokenIds: heard.tokenIds } }),
  );
}
