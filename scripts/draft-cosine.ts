/**
 * What decoding at a reduced JPEG scale (the default) does to the image embedding: for each of Pillow's
 * draft fixtures, the vision tower's cosine between the crop from the scaled decode and the crop from
 * the full decode, with their max/mean absolute difference in levels.
 *
 *   npx tsx scripts/draft-cosine.ts MODEL_DIR      (a `dermedge model synthetic --size base` package)
 *
 * Both crops are ours (bit-exact with Pillow's in ../shared/fixtures/reference/{draft/crop,preprocess}).
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as ort from "onnxruntime-node";
import { CLIP_PREPROCESSOR, prepareImage } from "../src/image/index";

const model = process.argv[2];
if (!model) throw new Error("usage: npx tsx scripts/draft-cosine.ts MODEL_DIR");
const shared = resolve(import.meta.dirname, "../../shared/fixtures");
const index = JSON.parse(await readFile(resolve(shared, "reference/draft/index.json"), "utf8")) as Record<
  string,
  { source: string; scale: string }
>;
const manifest = JSON.parse(await readFile(resolve(model, "manifest.json"), "utf8"));
const session = await ort.InferenceSession.create(resolve(model, manifest.vision.file));

async function embed(pixels: Float32Array): Promise<Float32Array> {
  const input = new ort.Tensor("float32", pixels, [1, 3, 224, 224]);
  const out = await session.run({ [manifest.vision.input]: input });
  return out[manifest.vision.output].data as Float32Array;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

console.log(`model ${manifest.id} ${manifest.revision}`);
console.log("fixture                         scale  max  mean   cosine");
for (const [name, { source, scale }] of Object.entries(index)) {
  const bytes = new Uint8Array(await readFile(resolve(shared, "images", source)));
  const scaled = await prepareImage(bytes, CLIP_PREPROCESSOR);
  const exact = await prepareImage(bytes, CLIP_PREPROCESSOR, { exact: true });
  let max = 0;
  let sum = 0;
  for (let i = 0; i < scaled.crop.length; i++) {
    const d = Math.abs(scaled.crop[i] - exact.crop[i]);
    max = Math.max(max, d);
    sum += d;
  }
  const c = cosine(await embed(scaled.pixels), await embed(exact.pixels));
  console.log(
    `${name.padEnd(32)}${scale.padEnd(6)}${String(max).padStart(4)}  ${(sum / scaled.crop.length).toFixed(3)}  ${c.toFixed(6)}`,
  );
}
