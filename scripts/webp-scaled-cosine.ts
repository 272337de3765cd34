/**
 * What decoding a WebP at the draft scale (the default: libwebp's rescaler to 1/2, 1/4 or 1/8, as JPEG's
 * draft) does to the 224 crop and the image embedding: the draft fixtures' photos re-encoded as lossy
 * (quality 85) and lossless WebP, each prepared scaled and exact (decoded whole, as Pillow does), with
 * the crops' max/mean absolute difference in levels and, given a model, the vision tower's cosine.
 *
 *   npx tsx scripts/webp-scaled-cosine.ts [MODEL_DIR]    (a `dermedge model synthetic --size base` package)
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as ort from "onnxruntime-node";
import sharp from "sharp";
import { decodeScale } from "../src/image/decode";
import { CLIP_PREPROCESSOR, prepareImage } from "../src/image/index";
import { nodeWebpModule } from "../src/image/webp/wasm-node";

const model = process.argv[2];
const shared = resolve(import.meta.dirname, "../../shared/fixtures");
const index = JSON.parse(await readFile(resolve(shared, "reference/draft/index.json"), "utf8")) as Record<
  string,
  { source: string; scale: string }
>;
const manifest = model && JSON.parse(await readFile(resolve(model, "manifest.json"), "utf8"));
const session = model && (await ort.InferenceSession.create(resolve(model, manifest.vision.file)));

async function embed(pixels: Float32Array): Promise<Float32Array | undefined> {
  if (!session) return undefined;
  const input = new ort.Tensor("float32", pixels, [1, 3, 224, 224]);
  const out = await session.run({ [manifest.vision.input]: input });
  return out[manifest.vision.output].data as Float32Array;
}

function cosine(a: Float32Array | undefined, b: Float32Array | undefined): string {
  if (!a || !b) return "-";
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return (dot / Math.sqrt(na * nb)).toFixed(6);
}

const options = { webpModule: nodeWebpModule };
if (manifest) console.log(`model ${manifest.id} ${manifest.revision}`);
console.log("fixture                         coding    scale  max  mean   cosine");
for (const [name, { source }] of Object.entries(index)) {
  // Upright pixels, so the WebP (which has no EXIF here) shows what the JPEG shows.
  const upright = sharp(await readFile(resolve(shared, "images", source))).rotate();
  for (const lossless of [false, true]) {
    const webp = new Uint8Array(
      await upright
        .clone()
        .webp(lossless ? { lossless } : { quality: 85 })
        .toBuffer(),
    );
    const scaled = await prepareImage(webp, CLIP_PREPROCESSOR, options);
    const exact = await prepareImage(webp, CLIP_PREPROCESSOR, { ...options, exact: true });
    const scale = decodeScale(scaled.header, { draft: 2 * CLIP_PREPROCESSOR.size });
    let max = 0;
    let sum = 0;
    for (let i = 0; i < scaled.crop.length; i++) {
      const d = Math.abs(scaled.crop[i] - exact.crop[i]);
      max = Math.max(max, d);
      sum += d;
    }
    const c = cosine(await embed(scaled.pixels), await embed(exact.pixels));
    console.log(
      `${name.padEnd(32)}${(lossless ? "lossless" : "lossy").padEnd(10)}${`1/${scale}`.padEnd(6)}${String(max).padStart(4)}  ${(sum / scaled.crop.length).toFixed(3)}  ${c}`,
    );
  }
}
