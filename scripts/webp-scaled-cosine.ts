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
import sharp from "sharp";
import { decodeScale } from "../src/image/decode";
import { CLIP_PREPROCESSOR } from "../src/image/index";
import { nodeWebpModule } from "../src/image/webp/wasm-node";
import { draftFixtures, scaledVsExact, shared, visionTower } from "./lib/scaled-vs-exact";

const tower = await visionTower(process.argv[2]);
const options = { webpModule: nodeWebpModule };
if (tower.name) console.log(`model ${tower.name}`);
console.log("fixture                         coding    scale  max  mean   cosine");
for (const [name, { source }] of Object.entries(await draftFixtures())) {
  // Upright pixels, so the WebP (which has no EXIF here) shows what the JPEG shows.
  const upright = sharp(await readFile(resolve(shared, "images", source))).rotate();
  for (const lossless of [false, true]) {
    const webp = new Uint8Array(
      await upright
        .clone()
        .webp(lossless ? { lossless } : { quality: 85 })
        .toBuffer(),
    );
    const { max, mean, cosine, header } = await scaledVsExact(webp, tower, options);
    const scale = decodeScale(header, { draft: 2 * CLIP_PREPROCESSOR.size });
    console.log(
      `${name.padEnd(32)}${(lossless ? "lossless" : "lossy").padEnd(10)}${`1/${scale}`.padEnd(6)}${String(max).padStart(4)}  ${mean}  ${cosine}`,
    );
  }
}
