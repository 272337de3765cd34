import type { QualityReport, RgbImage } from "../../src/clinical";

export const goodPhoto: QualityReport = {
  ok: true,
  problems: [],
  measurements: { meanLuminance: 140, clippedFraction: 0, laplacianVariance: 200, shortEdge: 1080 },
};

export const skinPhoto = {
  skin: 0.9,
  object: 0.02,
  animal: 0.02,
  document: 0.02,
  screenshot: 0.02,
  food: 0.01,
  landscape: 0.01,
};

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so property tests are reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A grey image whose luminance at (x, y) is `f(x, y)`, clamped to 0..255. */
export function greyImage(width: number, height: number, f: (x: number, y: number) => number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      data.fill(
        Math.max(0, Math.min(255, Math.round(f(x, y)))),
        (y * width + x) * 3,
        (y * width + x) * 3 + 3,
      );
  }
  return { width, height, data };
}
