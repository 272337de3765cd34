import { PRECISION_BITS, ROUNDING, type Taps } from "./resample-taps";

/** Resamples across a stream of lines: line `i` arrives once, in increasing order, and completes outputs. */
export interface LineStreamResampler {
  /** Whether any output reads input line `index`. */
  wants(index: number): boolean;
  /** Adds input line `index` (`lineLength` bytes); outputs whose window it ends are computed. */
  push(index: number, line: Uint8Array | Uint8ClampedArray): void;
  /** Whether every output line is complete. */
  done(): boolean;
  readonly bytesHeld: number;
}

/**
 * Pillow's pass along the stream axis: each output line is the integer sum Pillow computes, clipped
 * into `dest[o * destStride ..]` once the last input line of its window has arrived. Input lines are
 * kept in a ring of the widest window's size (a window is the latest lines when it completes), and each
 * output sums four lines per pass over its accumulator: scattering each line into the outputs read and
 * wrote the accumulator once per tap, which cost more than the multiplications. The accumulator is
 * Float64 (its sums are exact integers, far below 2^53): V8 then needs no int32 overflow checks.
 */
export function createLineStreamResampler(
  taps: Taps,
  inSize: number,
  lineLength: number,
  dest: Uint8ClampedArray,
  destStride: number,
): LineStreamResampler {
  const { length, start, count, weights, stride } = taps;
  const firstOut = new Int32Array(inSize).fill(-1);
  const lastOut = new Int32Array(inSize).fill(-2);
  let slots = 1;
  for (let o = 0; o < length; o++) {
    slots = Math.max(slots, count[o]);
    for (let i = start[o]; i < start[o] + count[o]; i++) {
      if (firstOut[i] < 0) firstOut[i] = o;
      lastOut[i] = o;
    }
  }
  const ring = Array.from({ length: slots }, () => new Uint8Array(lineLength));
  const acc = new Float64Array(lineLength);
  let open = length;

  /** Output `o` from the ring: its taps four at a time (weights past its count are zero). */
  function output(o: number): void {
    const first = start[o];
    const n = count[o];
    const k = o * stride;
    const tap = (t: number) => (t < n ? weights[k + t] : 0);
    const line = (t: number) => ring[(first + Math.min(t, n - 1)) % slots];
    acc.fill(ROUNDING);
    for (let t = 0; t < n; t += 4) {
      const [w0, w1, w2, w3] = [tap(t), tap(t + 1), tap(t + 2), tap(t + 3)];
      const [a, b, c, d] = [line(t), line(t + 1), line(t + 2), line(t + 3)];
      for (let j = 0; j < lineLength; j++) {
        acc[j] += a[j] * w0 + b[j] * w1 + c[j] * w2 + d[j] * w3;
      }
    }
    const at = o * destStride;
    for (let j = 0; j < lineLength; j++) dest[at + j] = acc[j] >> PRECISION_BITS;
    open--;
  }

  function push(index: number, line: Uint8Array | Uint8ClampedArray): void {
    if (firstOut[index] < 0) return;
    ring[index % slots].set(line.subarray(0, lineLength));
    // Windows are contiguous, so an output is complete at the last line of its window.
    for (let o = firstOut[index]; o <= lastOut[index]; o++) {
      if (start[o] + count[o] - 1 === index) output(o);
    }
  }

  return {
    wants: (index) => firstOut[index] >= 0,
    push,
    done: () => open === 0,
    bytesHeld: firstOut.byteLength + lastOut.byteLength + slots * lineLength + acc.byteLength,
  };
}
