import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import sharp from "sharp";
import { TEST_IMAGES, type TestImage } from "./test-images";

/** mulberry32: the same pictures on every machine. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** RGB pixels: skin tone with soft shading, a brown oval spot, fine noise (texture the blur check sees). */
function skinPatch(width: number, height: number, seed: number): Uint8Array {
  const next = random(seed);
  const rgb = new Uint8Array(width * height * 3);
  const [skin, brown] = [
    [225, 175, 145],
    [130, 80, 60],
  ];
  const [cx, cy, rx, ry] = [width * 0.55, height * 0.45, width * 0.16, height * 0.2];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shade = 0.85 + 0.15 * Math.sin((x / width) * Math.PI) * Math.cos((y / height - 0.5) * 2);
      const spot = Math.sqrt(Math.max(0, 1 - ((x - cx) / rx) ** 2 - ((y - cy) / ry) ** 2));
      const noise = (next() - 0.5) * 24;
      for (let c = 0; c < 3; c++) {
        const v = (skin[c] * (1 - spot) + brown[c] * spot) * shade + noise;
        rgb[(y * width + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(v)));
      }
    }
  }
  return rgb;
}

/** RGB pixels: a blue sky fading to the horizon over noisy green grass. */
function landscape(width: number, height: number, seed: number): Uint8Array {
  const next = random(seed);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const sky = y < height * 0.55;
    const t = y / height;
    for (let x = 0; x < width; x++) {
      const noise = (next() - 0.5) * (sky ? 6 : 40);
      const colour = sky ? [90 + 120 * t, 150 + 80 * t, 235] : [60, 140 - 40 * t, 40];
      for (let c = 0; c < 3; c++) {
        rgb[(y * width + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(colour[c] + noise)));
      }
    }
  }
  return rgb;
}

/** RGB pixels: smooth shading with faint noise, so large images stay small files (under MAX_BODY_BYTES). */
function smooth(width: number, height: number): Uint8Array {
  const next = random(11);
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, y = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      const n = next() * 4;
      rgb[i] = 200 + (x / width) * 40 + n;
      rgb[i + 1] = 150 + (y / height) * 40 + n;
      rgb[i + 2] = 130 + n;
    }
  }
  return rgb;
}

const raw = (rgb: Uint8Array, width: number, height: number) =>
  sharp(rgb, { raw: { width, height, channels: 3 } });

async function encodeAll(): Promise<Record<TestImage, Uint8Array>> {
  const pixels = skinPatch(400, 300, 1);
  const photo = await raw(pixels, 400, 300).jpeg({ quality: 90 }).toBuffer();
  const noise = random(7);
  return {
    photo,
    // Stored rotated a quarter turn anticlockwise; orientation 6 turns it back.
    exif6: await raw(pixels, 400, 300)
      .rotate(270)
      .jpeg({ quality: 90 })
      .toBuffer()
      .then((b) => sharp(b).withMetadata({ orientation: 6 }).jpeg({ quality: 90 }).toBuffer()),
    portrait: await raw(skinPatch(300, 400, 2), 300, 400)
      .jpeg({ quality: 85, progressive: true })
      .toBuffer(),
    phone: await sharp(photo).resize(4032, 3024).jpeg({ quality: 85 }).toBuffer(),
    exifGps: await raw(pixels, 400, 300)
      .jpeg({ quality: 90 })
      .withExif({
        IFD0: { ImageDescription: "CANARY-DESCRIPTION", Make: "CanaryMake", Model: "CanaryModel" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "51/1 30/1 1234/100",
          GPSLongitudeRef: "W",
          GPSLongitude: "0/1 7/1 3999/100",
        },
      })
      .toBuffer(),
    photoPng: await raw(pixels, 400, 300).png().toBuffer(),
    photoWebp: await raw(pixels, 400, 300).webp({ quality: 80 }).toBuffer(),
    photoWebpLossless: await raw(pixels, 400, 300).webp({ lossless: true }).toBuffer(),
    scene: await raw(landscape(400, 300, 5), 400, 300)
      .png()
      .toBuffer(),
    tiny: await raw(skinPatch(64, 40, 3), 64, 40)
      .png()
      .toBuffer(),
    worstProgressive: await raw(smooth(4032, 3024), 4032, 3024)
      .jpeg({ quality: 85, progressive: true, chromaSubsampling: "4:2:0" })
      .toBuffer(),
    worstWebp: await raw(smooth(3000, 2000), 3000, 2000).webp({ lossless: true }).toBuffer(),
    worstPng: await raw(smooth(3000, 3000), 3000, 3000)
      .png({ progressive: true, compressionLevel: 9 })
      .toBuffer(),
    gif: await raw(skinPatch(16, 16, 4), 16, 16)
      .gif()
      .toBuffer(),
    heic: new Uint8Array([
      ...[0, 0, 0, 0x18],
      ...new TextEncoder().encode("ftypheic"),
      ...[0, 0, 0, 0],
      ...new TextEncoder().encode("mif1heic"),
      ...new Uint8Array(40),
    ]),
    random: Uint8Array.from({ length: 4096 }, () => Math.floor(noise() * 256)),
    text: new TextEncoder().encode("This is a text file, not a PNG image.\n"),
    empty: new Uint8Array(0),
    truncated: photo.subarray(0, photo.length >> 1),
  };
}

/** Writes every test image under `dir` (each file whole: written aside, then renamed into place). */
export async function writeTestImages(dir: string): Promise<void> {
  const images = await encodeAll();
  for (const [key, bytes] of Object.entries(images)) {
    const path = resolve(dir, TEST_IMAGES[key as TestImage]);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.${process.pid}`, bytes);
    await rename(`${path}.${process.pid}`, path);
  }
}
