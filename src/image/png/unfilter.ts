import { corruptPng } from "./errors";

/**
 * Reverses a scanline's filter in place. `prev` is the previous unfiltered line of the same pass
 * (all zeros for the first); `bpp` is bytes per complete pixel, at least 1.
 */
export function unfilter(type: number, line: Uint8Array, prev: Uint8Array, bpp: number): void {
  const n = line.length;
  switch (type) {
    case 0:
      return;
    case 1:
      for (let i = bpp; i < n; i++) line[i] += line[i - bpp];
      return;
    case 2:
      for (let i = 0; i < n; i++) line[i] += prev[i];
      return;
    case 3:
      for (let i = 0; i < bpp; i++) line[i] += prev[i] >> 1;
      for (let i = bpp; i < n; i++) line[i] += (line[i - bpp] + prev[i]) >> 1;
      return;
    case 4:
      for (let i = 0; i < bpp; i++) line[i] += prev[i];
      for (let i = bpp; i < n; i++) line[i] += paeth(line[i - bpp], prev[i], prev[i - bpp]);
      return;
    default:
      throw corruptPng(`unknown scanline filter type ${type}`);
  }
}

function paeth(a: number, b: number, c: number): number {
  const pa = Math.abs(b - c);
  const pb = Math.abs(a - c);
  const pc = Math.abs(a + b - 2 * c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
