import { PRECISION_BITS, ROUNDING, type Taps } from "./resample-taps";

/**
 * Resamples one line of RGB pixels (Pillow's 8-bit pass): `src` holds input pixels `base ..`, each output
 * pixel goes to `dest[offset + o * step ..]`. A Uint8ClampedArray destination clips to 0..255 like Pillow.
 */
export function resampleLine(
  src: Uint8Array | Uint8ClampedArray,
  base: number,
  taps: Taps,
  dest: Uint8ClampedArray,
  offset: number,
  step: number,
): void {
  const { length, start, count, weights, stride } = taps;
  for (let o = 0; o < length; o++) {
    let r = ROUNDING;
    let g = ROUNDING;
    let b = ROUNDING;
    let p = (start[o] - base) * 3;
    const k0 = o * stride;
    const k1 = k0 + count[o];
    for (let k = k0; k < k1; k++, p += 3) {
      const w = weights[k];
      r += src[p] * w;
      g += src[p + 1] * w;
      b += src[p + 2] * w;
    }
    const d = offset + o * step;
    dest[d] = r >> PRECISION_BITS;
    dest[d + 1] = g >> PRECISION_BITS;
    dest[d + 2] = b >> PRECISION_BITS;
  }
}

/**
 * resampleLine for two lines at once (`src` and `src2`, the same taps): each weight is loaded once for
 * both, and the loop runs half as often, which makes it about a fifth cheaper per line.
 */
export function resampleLinePair(
  src: Uint8Array | Uint8ClampedArray,
  src2: Uint8Array | Uint8ClampedArray,
  base: number,
  taps: Taps,
  dest: Uint8ClampedArray,
  dest2: Uint8ClampedArray,
): void {
  const { length, start, count, weights, stride } = taps;
  for (let o = 0; o < length; o++) {
    let r = ROUNDING;
    let g = ROUNDING;
    let b = ROUNDING;
    let r2 = ROUNDING;
    let g2 = ROUNDING;
    let b2 = ROUNDING;
    let p = (start[o] - base) * 3;
    const k0 = o * stride;
    const k1 = k0 + count[o];
    for (let k = k0; k < k1; k++, p += 3) {
      const w = weights[k];
      r += src[p] * w;
      g += src[p + 1] * w;
      b += src[p + 2] * w;
      r2 += src2[p] * w;
      g2 += src2[p + 1] * w;
      b2 += src2[p + 2] * w;
    }
    const d = o * 3;
    dest[d] = r >> PRECISION_BITS;
    dest[d + 1] = g >> PRECISION_BITS;
    dest[d + 2] = b >> PRECISION_BITS;
    dest2[d] = r2 >> PRECISION_BITS;
    dest2[d + 1] = g2 >> PRECISION_BITS;
    dest2[d + 2] = b2 >> PRECISION_BITS;
  }
}
