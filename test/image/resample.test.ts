import { describe, expect, it } from "vitest";
import { createPreprocessor } from "../../src/image/preprocess";
import { type CropRect, createStreamingResize } from "../../src/image/resample";
import { bicubicTaps } from "../../src/image/resample-taps";
import type { Orientation } from "../../src/image/types";

/** Stored-image formula shared with the Pillow script that made the figures below (wraps test clipping). */
function syntheticRow(width: number, y: number, row: Uint8Array): Uint8Array {
  for (let x = 0; x < width; x++) {
    const base = x * 37 + y * 91 + ((x >> 3) ^ (y >> 2)) * 97 + ((x * y) >> 5);
    for (let c = 0; c < 3; c++) row[x * 3 + c] = (base + c * 53) & 255;
  }
  return row;
}

/** Streams the synthetic image row by row, one reused buffer, like a decoder. */
function streamSynthetic(width: number, height: number, sink: (y: number, rgb: Uint8Array) => void): void {
  const row = new Uint8Array(width * 3);
  for (let y = 0; y < height; y++) sink(y, syntheticRow(width, y, row));
}

function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

type Pixel = [x: number, y: number, r: number, g: number, b: number];

function pixels(rgb: Uint8Array, width: number, at: Pixel[]): Pixel[] {
  return at.map(([x, y]) => [x, y, ...rgb.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)] as Pixel);
}

interface PillowCase {
  w: number;
  h: number;
  o: Orientation;
  fnv: number;
  px: Pixel[];
}

// Pillow 9.4: exif_transpose(synthetic(w, h) with orientation o).resize((ow, oh), BICUBIC) — FNV-1a of the
// RGB bytes and four pixels.
// biome-ignore format: one case per line
const PILLOW_RESIZE: (PillowCase & { ow: number; oh: number })[] = [
  { w: 37, h: 23, o: 1, ow: 19, oh: 11, fnv: 3372646767, px: [[0, 0, 82, 123, 150], [18, 0, 140, 142, 137], [9, 3, 108, 121, 139], [18, 10, 135, 126, 150]] },
  { w: 500, h: 333, o: 1, ow: 224, oh: 149, fnv: 886771049, px: [[0, 0, 88, 129, 142], [223, 0, 123, 126, 124], [112, 49, 127, 127, 126], [223, 148, 146, 157, 121]] },
  { w: 1000, h: 750, o: 1, ow: 298, oh: 224, fnv: 3606296883, px: [[0, 0, 103, 129, 131], [297, 0, 117, 123, 136], [149, 74, 141, 128, 135], [297, 223, 128, 112, 130]] },
  { w: 101, h: 67, o: 1, ow: 224, oh: 149, fnv: 3475049954, px: [[0, 0, 0, 41, 94], [223, 0, 0, 47, 100], [112, 49, 107, 118, 197], [223, 148, 73, 150, 203]] },
  { w: 64, h: 40, o: 1, ow: 358, oh: 224, fnv: 1392468060, px: [[0, 0, 0, 38, 91], [357, 0, 221, 255, 37], [179, 74, 184, 81, 92], [357, 223, 161, 214, 255]] },
  { w: 2, h: 3, o: 1, ow: 9, oh: 7, fnv: 3612940895, px: [[0, 0, 0, 40, 93], [8, 0, 32, 85, 138], [4, 2, 64, 125, 187], [8, 6, 232, 0, 57]] },
  { w: 1, h: 1, o: 1, ow: 5, oh: 3, fnv: 2909680542, px: [[0, 0, 0, 53, 106], [4, 0, 0, 53, 106], [2, 1, 0, 53, 106], [4, 2, 0, 53, 106]] },
  { w: 300, h: 200, o: 1, ow: 300, oh: 87, fnv: 1927324297, px: [[0, 0, 71, 132, 132], [299, 0, 91, 144, 84], [150, 29, 83, 142, 168], [299, 86, 119, 73, 135]] },
  { w: 300, h: 200, o: 1, ow: 131, oh: 200, fnv: 2638509026, px: [[0, 0, 26, 79, 132], [130, 0, 80, 82, 135], [65, 66, 131, 52, 114], [130, 199, 170, 122, 62]] },
  { w: 300, h: 200, o: 1, ow: 131, oh: 411, fnv: 744785096, px: [[0, 0, 18, 70, 128], [130, 0, 76, 73, 134], [65, 137, 119, 89, 138], [130, 410, 179, 122, 52]] },
  { w: 451, h: 300, o: 6, ow: 224, oh: 336, fnv: 3108512423, px: [[0, 0, 119, 117, 191], [223, 0, 24, 82, 150], [112, 112, 92, 109, 147], [223, 335, 79, 148, 141]] },
  { w: 333, h: 217, o: 3, ow: 150, oh: 97, fnv: 3092064289, px: [[0, 0, 113, 139, 151], [149, 0, 119, 157, 166], [75, 32, 104, 119, 163], [149, 96, 88, 129, 142]] },
  { w: 333, h: 217, o: 8, ow: 97, oh: 150, fnv: 3100556375, px: [[0, 0, 136, 146, 132], [96, 0, 113, 140, 151], [48, 50, 93, 111, 134], [96, 149, 119, 157, 166]] },
  { w: 4032, h: 3024, o: 1, ow: 298, oh: 224, fnv: 2110123150, px: [[0, 0, 126, 128, 128], [297, 0, 123, 128, 124], [149, 74, 126, 123, 125], [297, 223, 130, 129, 114]] },
  { w: 4032, h: 3024, o: 6, ow: 224, oh: 298, fnv: 641082500, px: [[0, 0, 127, 128, 127], [223, 0, 127, 128, 128], [112, 99, 128, 127, 129], [223, 297, 123, 129, 125]] },
];

// The same script: HF's shortest edge 224 + centre crop 224 on exif_transpose(synthetic(w, h)).
// biome-ignore format: one case per line
const PILLOW_PREPROCESS: PillowCase[] = [
  { w: 4032, h: 3024, o: 1, fnv: 1109498489, px: [[0, 0, 125, 128, 133], [223, 0, 127, 127, 130], [112, 74, 126, 123, 125], [223, 223, 134, 126, 117]] },
  { w: 4032, h: 3024, o: 6, fnv: 2075052451, px: [[0, 0, 127, 128, 131], [223, 0, 125, 128, 133], [112, 74, 130, 129, 129], [223, 223, 127, 127, 130]] },
  { w: 64, h: 40, o: 1, fnv: 2494189587, px: [[0, 0, 122, 55, 106], [223, 0, 202, 255, 0], [112, 74, 184, 81, 92], [223, 223, 37, 124, 175]] },
  { w: 333, h: 500, o: 8, fnv: 4161383930, px: [[0, 0, 243, 14, 86], [223, 0, 143, 110, 110], [112, 74, 145, 171, 125], [223, 223, 120, 189, 195]] },
  { w: 500, h: 333, o: 7, fnv: 2538948887, px: [[0, 0, 23, 84, 148], [223, 0, 139, 113, 115], [112, 74, 158, 157, 140], [223, 223, 163, 122, 103]] },
];

describe("bicubic resize is bit-identical to Pillow 9.4", () => {
  it.each(PILLOW_RESIZE)("$w x $h orientation $o -> $ow x $oh", ({ w, h, o, ow, oh, fnv, px }) => {
    const resize = createStreamingResize({ width: w, height: h, orientation: o }, { width: ow, height: oh });
    streamSynthetic(w, h, resize.sink);
    const out = resize.finish();
    expect(out.length).toBe(ow * oh * 3);
    expect(pixels(out, ow, px)).toEqual(px);
    expect(fnv1a(out)).toBe(fnv);
  });

  it.each(PILLOW_PREPROCESS)("CLIP crop of $w x $h orientation $o", ({ w, h, o, fnv, px }) => {
    const pre = createPreprocessor({ format: "jpeg", width: w, height: h, orientation: o }, { size: 224 });
    streamSynthetic(w, h, pre.sink);
    const crop = pre.finish();
    expect(pixels(crop, 224, px)).toEqual(px);
    expect(fnv1a(crop)).toBe(fnv);
  });
});

/** Oriented pixel (x, y) comes from stored (sx, sy): the definitions of PIL.ImageOps.exif_transpose. */
const SOURCE: Record<Orientation, (x: number, y: number, w: number, h: number) => [number, number]> = {
  1: (x, y) => [x, y],
  2: (x, y, w) => [w - 1 - x, y],
  3: (x, y, w, h) => [w - 1 - x, h - 1 - y],
  4: (x, y, _w, h) => [x, h - 1 - y],
  5: (x, y) => [y, x],
  6: (x, y, _w, h) => [y, h - 1 - x],
  7: (x, y, w, h) => [w - 1 - y, h - 1 - x],
  8: (x, y, w) => [w - 1 - y, x],
};

/** Brute force: materialise the oriented image, resize it the Pillow way with a full intermediate, crop. */
function referenceResize(
  stored: Uint8Array,
  w: number,
  h: number,
  o: Orientation,
  size: { width: number; height: number },
  crop: CropRect,
): Uint8Array {
  const [W, H] = o >= 5 ? [h, w] : [w, h];
  const oriented = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const [sx, sy] = SOURCE[o](x, y, w, h);
      oriented.set(stored.subarray((sy * w + sx) * 3, (sy * w + sx) * 3 + 3), (y * W + x) * 3);
    }
  }
  const clip = (sum: number) => Math.min(255, Math.max(0, Math.floor(sum / 2 ** 22)));
  const pass = (
    src: Uint8Array,
    n: number,
    inSize: number,
    outSize: number,
    at: (i: number, j: number) => number,
  ) => {
    const taps = bicubicTaps(inSize, outSize);
    const out = new Uint8Array(n * outSize * 3);
    for (let j = 0; j < n; j++) {
      for (let o2 = 0; o2 < outSize; o2++) {
        for (let c = 0; c < 3; c++) {
          let sum = 2 ** 21;
          for (let t = 0; t < taps.count[o2]; t++) {
            sum += taps.weights[o2 * taps.stride + t] * src[at(taps.start[o2] + t, j) * 3 + c];
          }
          out[(j * outSize + o2) * 3 + c] = clip(sum);
        }
      }
    }
    return out;
  };
  // Horizontal: rows j of width W -> width; stored as [y][x]. Vertical: columns j -> height; stored as [x][y].
  const horizontal = pass(oriented, H, W, size.width, (i, j) => j * W + i);
  const vertical = pass(horizontal, size.width, H, size.height, (i, j) => i * size.width + j);
  const out = new Uint8Array(crop.width * crop.height * 3);
  for (let y = 0; y < crop.height; y++) {
    for (let x = 0; x < crop.width; x++) {
      const from = ((crop.left + x) * size.height + crop.top + y) * 3;
      out.set(vertical.subarray(from, from + 3), (y * crop.width + x) * 3);
    }
  }
  return out;
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe("streaming with EXIF orientation equals resizing the materialised oriented image", () => {
  const orientations: Orientation[] = [1, 2, 3, 4, 5, 6, 7, 8];
  // [stored w, h, oriented target w, h]: down, up, mixed, one axis unchanged, tiny.
  const shapes = [
    [67, 45, 23, 31],
    [45, 67, 29, 13],
    [13, 9, 41, 27],
    [31, 17, 9, 40],
    [29, 19, 19, 11],
    [3, 5, 7, 2],
    [1, 7, 3, 5],
  ];
  it.each(orientations)("orientation %i", (o) => {
    const random = mulberry32(o);
    for (const [w, h, tw, th] of shapes) {
      const stored = new Uint8Array(w * h * 3).map(() => random() * 256);
      const size = { width: tw, height: th };
      const left = Math.floor(random() * tw);
      const top = Math.floor(random() * th);
      const inner = { left, top, width: 1 + Math.floor(random() * (tw - left)), height: th - top };
      for (const crop of [{ left: 0, top: 0, ...size }, inner]) {
        const resize = createStreamingResize({ width: w, height: h, orientation: o }, size, crop);
        for (let y = 0; y < h; y++) resize.sink(y, stored.slice(y * w * 3, (y + 1) * w * 3));
        expect(resize.finish(), `${w}x${h} -> ${tw}x${th} crop ${JSON.stringify(crop)}`).toEqual(
          referenceResize(stored, w, h, o, size, crop),
        );
      }
    }
  });
});

describe("a 4032x3024 photo is preprocessed without holding it", () => {
  it.each([1, 6] as Orientation[])("orientation %i holds at most 3 MB", (orientation) => {
    const pre = createPreprocessor({ format: "jpeg", width: 4032, height: 3024, orientation }, { size: 224 });
    let ms = 0; // time in the preprocessor only, not in making the rows
    streamSynthetic(4032, 3024, (y, rgb) => {
      const started = performance.now();
      pre.sink(y, rgb);
      ms += performance.now() - started;
    });
    const started = performance.now();
    pre.finish();
    ms += performance.now() - started;
    console.log(`4032x3024 orientation ${orientation}: bytesHeld ${pre.bytesHeld}, ${ms.toFixed(0)} ms`);
    expect(pre.bytesHeld).toBeLessThanOrEqual(3_000_000);
  });
});
