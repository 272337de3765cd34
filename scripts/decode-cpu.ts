/**
 * CPU time of decode + preprocess for 49 MP JPEGs (8064x6048, the size MAX_IMAGE_PIXELS must be set
 * against): smooth baseline, noisy baseline and noisy progressive, with the default scaled decode and
 * with `exact`. Made here with sharp (the phone fixture of ../shared scaled up, or a gradient without it).
 *
 *   npx tsx scripts/decode-cpu.ts [runs]
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import sharp from "sharp";
import { CLIP_PREPROCESSOR, prepareImage } from "../src/image/index";

const runs = Number(process.argv[2] ?? 3);
const width = 8064;
const height = 6048;
const phone = resolve(import.meta.dirname, "../../shared/fixtures/images/formats/phone_4032x3024.jpg");

async function pixels(noise: number): Promise<Buffer> {
  const source = existsSync(phone)
    ? sharp(phone)
    : sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 220, g: 170, b: 140 } } });
  const rgb = await source
    .resize(width, height, { kernel: "cubic", fit: "fill" })
    .removeAlpha()
    .raw()
    .toBuffer();
  let seed = 1;
  for (let i = 0; noise > 0 && i < rgb.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    rgb[i] = Math.max(0, Math.min(255, rgb[i] + ((seed >>> 24) % (2 * noise + 1)) - noise));
  }
  return rgb;
}

async function cpuMs(bytes: Uint8Array, exact: boolean): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    await prepareImage(bytes, CLIP_PREPROCESSOR, { exact, maxPixels: width * height });
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return Math.min(...times);
}

const smooth = await pixels(0);
const noisy = await pixels(40);
const raw = (rgb: Buffer) => sharp(rgb, { raw: { width, height, channels: 3 } });
const cases: [string, Buffer][] = [
  ["smooth baseline q90", await raw(smooth).jpeg({ quality: 90 }).toBuffer()],
  ["noisy baseline q75", await raw(noisy).jpeg({ quality: 75 }).toBuffer()],
  ["noisy progressive q75", await raw(noisy).jpeg({ quality: 75, progressive: true }).toBuffer()],
];
console.log(`${width}x${height} JPEG, CPU ms (least of ${runs}): scaled (default) | exact`);
for (const [name, jpeg] of cases) {
  const bytes = new Uint8Array(jpeg);
  const mb = (bytes.length / 1e6).toFixed(1);
  console.log(
    `${name.padEnd(24)} ${mb.padStart(5)} MB  ${(await cpuMs(bytes, false)).toFixed(0).padStart(6)} | ${(await cpuMs(bytes, true)).toFixed(0)}`,
  );
}
