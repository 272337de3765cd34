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
import { draftFixtures, scaledVsExact, shared, visionTower } from "./lib/scaled-vs-exact";

const model = process.argv[2];
if (!model) throw new Error("usage: npx tsx scripts/draft-cosine.ts MODEL_DIR");
const tower = await visionTower(model);

console.log(`model ${tower.name}`);
console.log("fixture                         scale  max  mean   cosine");
for (const [name, { source, scale }] of Object.entries(await draftFixtures())) {
  const bytes = new Uint8Array(await readFile(resolve(shared, "images", source)));
  const { max, mean, cosine } = await scaledVsExact(bytes, tower);
  console.log(`${name.padEnd(32)}${scale.padEnd(6)}${String(max).padStart(4)}  ${mean}  ${cosine}`);
}
