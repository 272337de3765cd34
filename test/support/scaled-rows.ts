import { expect } from "vitest";
import type { DecodeScale, ImageDecoder } from "../../src/image/types";

/**
 * The rows a decoder sends at `scale`, checked as they come: each ceil(width / scale) pixels wide, each
 * row once and in order; returned as one RGB image.
 */
export async function decodeScaledRows(
  decoder: ImageDecoder,
  bytes: Uint8Array,
  scale: DecodeScale,
): Promise<{ rgb: Uint8Array; width: number; height: number }> {
  const header = decoder.readHeader(bytes);
  const width = Math.ceil(header.width / scale);
  const height = Math.ceil(header.height / scale);
  const rgb = new Uint8Array(width * height * 3);
  const rows: number[] = [];
  await decoder.decode(
    bytes,
    header,
    (y, row) => {
      expect(row.length).toBe(width * 3);
      rows.push(y);
      rgb.set(row, y * width * 3);
    },
    scale,
  );
  expect(rows).toEqual([...Array(height).keys()]);
  return { rgb, width, height };
}

/**
 * A full decode averaged over `scale` x `scale` boxes (edge boxes hold fewer pixels), unrounded: what a
 * box-filter reduction computes, and what an area-averaging rescaler approximates.
 */
export function boxMeans(rgb: Uint8Array, width: number, height: number, scale: number): Float64Array {
  const w = Math.ceil(width / scale);
  const h = Math.ceil(height / scale);
  const sum = new Float64Array(w * h * 3);
  const count = new Float64Array(w * h);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = Math.floor(y / scale) * w + Math.floor(x / scale);
      count[o]++;
      for (let c = 0; c < 3; c++) sum[o * 3 + c] += rgb[(y * width + x) * 3 + c];
    }
  }
  return sum.map((v, i) => v / count[Math.floor(i / 3)]);
}
