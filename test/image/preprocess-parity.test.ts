import { afterAll, describe, expect, it } from "vitest";
import { decodeImage, readImageHeader } from "../../src/image/decode";
import { createPreprocessor } from "../../src/image/preprocess";
import webpWasm from "../../src/image/webp/wasm-worker";
import { readHostFile } from "../support/host-files";

// The PNGs in ../shared/fixtures/reference/preprocess/ (workerd cannot list a folder): HF CLIPImageProcessor's
// 224x224 crops made with Pillow 9.4. Skin images are named `class__file`.
// biome-ignore format: a compact list
const REFERENCES = [
  "HappyFish", "akiec__ISIC_0026083", "apple", "astronaut", "astronaut_444", "astronaut_gray",
  "astronaut_progressive", "baboon", "bcc__ISIC_0027175", "bkl__ISIC_0024412", "brick", "building",
  "butterfly", "camera", "chelsea", "chelsea_exif_orientation6", "chelsea_lossless", "chelsea_lossy",
  "chelsea_palette", "chelsea_portrait", "chelsea_rgba", "chelsea_tiny_64x40", "coffee", "coins",
  "df__ISIC_0025903", "fruits", "grass", "hubble_deep_field", "mel__ISIC_0025248", "messi5", "moon",
  "motorcycle_left", "nv__ISIC_0024354", "orange", "phone_4032x3024", "retina", "rocket", "smarties",
  "squirrel_cls", "starry_night", "vasc__ISIC_0025596",
];
const SOURCE_FOLDERS = ["natural", "formats", "skin"];
const SOURCE_EXTENSIONS = ["jpg", "png", "webp"];
const SIZE = 224;
const options = { webpModule: async () => webpWasm };

async function findSource(name: string): Promise<{ path: string; bytes: Uint8Array } | null> {
  for (const folder of SOURCE_FOLDERS) {
    for (const ext of SOURCE_EXTENSIONS) {
      const path = `fixtures/images/${folder}/${name}.${ext}`;
      const bytes = await readHostFile("shared", path);
      if (bytes) return { path, bytes };
    }
  }
  return null;
}

async function decodeReference(png: Uint8Array): Promise<Uint8Array> {
  const pixels = new Uint8Array(SIZE * SIZE * 3);
  const header = await decodeImage(png, (y, rgb) => pixels.set(rgb.subarray(0, SIZE * 3), y * SIZE * 3));
  expect([header.width, header.height]).toEqual([SIZE, SIZE]);
  return pixels;
}

interface Figures {
  name: string;
  meanAbs: number;
  within8: number;
  maxAbs: number;
}

const results: Figures[] = [];

describe("preprocessing matches HF CLIPImageProcessor + Pillow on the reference crops", () => {
  it.for(REFERENCES)("%s", async (name, { skip }) => {
    const png = await readHostFile("shared", `fixtures/reference/preprocess/${name}.png`);
    if (!png) return skip(`../shared/fixtures/reference/preprocess/${name}.png is absent (no ../shared)`);
    const source = await findSource(name);
    if (!source) throw new Error(`no source image for reference ${name} in ${SOURCE_FOLDERS.join(", ")}`);

    const header = readImageHeader(source.bytes);
    const pre = createPreprocessor(header, { size: SIZE });
    await decodeImage(source.bytes, pre.sink, options);
    const crop = pre.finish();
    const reference = await decodeReference(png);

    let sum = 0;
    let within = 0;
    let maxAbs = 0;
    for (let i = 0; i < crop.length; i++) {
      const d = Math.abs(crop[i] - reference[i]);
      sum += d;
      if (d <= 8) within++;
      maxAbs = Math.max(maxAbs, d);
    }
    const figures = {
      name: `${name} (${source.path.split("/")[2]})`,
      meanAbs: sum / crop.length,
      within8: within / crop.length,
      maxAbs,
    };
    results.push(figures);
    expect(figures.meanAbs, name).toBeLessThanOrEqual(1.0);
    expect(figures.within8, name).toBeGreaterThanOrEqual(0.99);
  });
});

afterAll(() => {
  if (results.length === 0) return;
  const rows = results.map(
    (r) =>
      `${r.name.padEnd(40)} ${r.meanAbs.toFixed(4).padStart(7)} ${(100 * r.within8).toFixed(3).padStart(8)}% ${String(r.maxAbs).padStart(4)}`,
  );
  const worst = results.reduce((a, b) => (b.meanAbs > a.meanAbs ? b : a));
  console.log(
    [`${"image".padEnd(40)} meanAbs  within8  max`, ...rows].join("\n") +
      `\nworst: ${worst.name} mean ${worst.meanAbs.toFixed(4)}, ${(100 * worst.within8).toFixed(3)}% within 8`,
  );
});
