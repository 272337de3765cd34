/**
 * WebP decoding's memory and time, scaled (the default: libwebp's rescaler at the draft scale) against
 * exact (decoded whole): for 6 and 12 MP versions of two ../shared photos, lossy (quality 85) and
 * lossless, the WASM memory each decode reached, what is reserved for it (decodeBytes, also the cap on
 * that memory), and the median time of 5 decodes, as a ratio to the exact decode of the same file.
 *
 *   npx tsx scripts/webp-memory.ts
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import sharp from "sharp";
import { decodeBytes, decodeScale, readImageHeader } from "../src/image/decode";
import { decodeRgbRows } from "../src/image/webp/libwebp";
import { nodeWebpModule } from "../src/image/webp/wasm-node";

const shared = resolve(import.meta.dirname, "../../shared/fixtures/images");
const module = await nodeWebpModule();
const MiB = 2 ** 20;
const mib = (bytes: number) => (bytes / MiB).toFixed(1).padStart(5);

function decode(webp: Uint8Array, scale: number) {
  const header = readImageHeader(webp);
  const draft = scale === 1 ? {} : { draft: 448 };
  const s = decodeScale(header, draft);
  const cap = decodeBytes(webp, header, draft);
  const times: number[] = [];
  let reached = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const w = Math.ceil(header.width / s);
    const h = Math.ceil(header.height / s);
    reached = decodeRgbRows(module, webp, w, h, () => {}, cap).wasmBytes;
    times.push(performance.now() - start);
  }
  return { scale: s, cap, reached, ms: times.sort((a, b) => a - b)[2] };
}

console.log(
  "photo                 coding    file MiB | exact: reached reserved     ms | scaled: reached reserved  time/exact",
);
for (const source of ["scaled/big_444_4000x3600.jpg", "natural/astronaut.png"]) {
  for (const [width, height] of [
    [3000, 2000],
    [4032, 3024],
  ]) {
    const image = sharp(await readFile(resolve(shared, source))).resize(width, height, { fit: "fill" });
    for (const lossless of [false, true]) {
      const webp = new Uint8Array(
        await image
          .clone()
          .webp(lossless ? { lossless } : { quality: 85 })
          .toBuffer(),
      );
      const exact = decode(webp, 1);
      const scaled = decode(webp, 2);
      const name = `${source.split("/")[1].split(".")[0].slice(0, 12)} ${width}x${height}`;
      console.log(
        `${name.padEnd(23)}${(lossless ? "lossless" : "lossy").padEnd(9)}${mib(webp.length)}    |    ${mib(exact.reached)}    ${mib(exact.cap)} ${exact.ms.toFixed(0).padStart(6)} | 1/${scaled.scale} ${mib(scaled.reached)}    ${mib(scaled.cap)}   ${(scaled.ms / exact.ms).toFixed(2)}`,
      );
    }
  }
}
