/**
 * Pillow's BICUBIC resampling coefficients (libImaging/Resample.c, `precompute_coeffs` and
 * `normalize_coeffs_8bpc`), reproduced operation for operation so that results are bit-identical.
 */

/** Fixed-point fraction bits of the weights: 32 - 8 - 2, as in Pillow. */
export const PRECISION_BITS = 22;
/** Every sum starts at one half, so that the final right shift rounds. */
export const ROUNDING = 1 << (PRECISION_BITS - 1);

/** Taps of a run of consecutive outputs along one axis. */
export interface Taps {
  /** Number of outputs described (output `first + o` is entry `o`). */
  readonly length: number;
  /** First input index of each output's window. */
  readonly start: Int32Array;
  /** Window length of each output. */
  readonly count: Int32Array;
  /** Fixed-point weights, `stride` slots per output, the first `count[o]` used. */
  readonly weights: Int32Array;
  readonly stride: number;
}

const A = -0.5;

function bicubic(x: number): number {
  if (x < 0) x = -x;
  if (x < 1) return ((A + 2) * x - (A + 3)) * x * x + 1;
  if (x < 2) return (((x - 5) * x + 8) * x - 4) * A;
  return 0;
}

/** Taps for outputs `first .. end - 1` of resizing `inSize` samples to `outSize` (only those are computed). */
export function bicubicTaps(inSize: number, outSize: number, first = 0, end = outSize): Taps {
  const scale = inSize / outSize;
  const filterscale = Math.max(scale, 1);
  const support = 2 * filterscale;
  const stride = Math.ceil(support) * 2 + 1;
  const length = end - first;
  const start = new Int32Array(length);
  const count = new Int32Array(length);
  const weights = new Int32Array(length * stride);
  const k = new Float64Array(stride);
  const ss = 1 / filterscale;
  for (let o = 0; o < length; o++) {
    const center = (first + o + 0.5) * scale;
    const xmin = Math.max(Math.trunc(center - support + 0.5), 0);
    const n = Math.min(Math.trunc(center + support + 0.5), inSize) - xmin;
    let ww = 0;
    for (let x = 0; x < n; x++) {
      k[x] = bicubic((x + xmin - center + 0.5) * ss);
      ww += k[x];
    }
    for (let x = 0; x < n; x++) {
      const w = ww !== 0 ? k[x] / ww : k[x];
      weights[o * stride + x] = Math.trunc(
        w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS),
      );
    }
    start[o] = xmin;
    count[o] = n;
  }
  return { length, start, count, weights, stride };
}

/** The same taps indexed from the other end of the input axis (a mirrored axis). */
export function mirrorTaps(taps: Taps, inSize: number): Taps {
  const { length, start, count, weights, stride } = taps;
  const mirrored = new Int32Array(weights.length);
  const mirroredStart = new Int32Array(length);
  for (let o = 0; o < length; o++) {
    mirroredStart[o] = inSize - start[o] - count[o];
    for (let t = 0; t < count[o]; t++) mirrored[o * stride + t] = weights[o * stride + count[o] - 1 - t];
  }
  return { length, start: mirroredStart, count, weights: mirrored, stride };
}

/** The input range `[lo, hi)` that any output reads. */
export function tapSpan(taps: Taps): { lo: number; hi: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (let o = 0; o < taps.length; o++) {
    lo = Math.min(lo, taps.start[o]);
    hi = Math.max(hi, taps.start[o] + taps.count[o]);
  }
  return { lo, hi };
}

export function tapsBytes(taps: Taps): number {
  return taps.start.byteLength + taps.count.byteLength + taps.weights.byteLength;
}
