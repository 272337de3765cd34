import { PRECISION_BITS, ROUNDING, type Taps } from "./resample-taps";

/** Resamples across a stream of lines: line `i` arrives once, in any order, and is scattered into outputs. */
export interface LineStreamResampler {
  /** Whether any output reads input line `index`. */
  wants(index: number): boolean;
  /** Adds input line `index` (`lineLength` bytes) to the outputs whose window holds it. */
  push(index: number, line: Uint8Array | Uint8ClampedArray): void;
  /** Whether every output line is complete. */
  done(): boolean;
  readonly bytesHeld: number;
}

/**
 * Pillow's pass along the stream axis, done by scattering: each output line sums in an Int32 accumulator
 * (the same integer sum Pillow computes, so the order does not matter) and is clipped into
 * `dest[o * destStride ..]` when its last input line has arrived. Windows are monotone, so at most
 * `slots` outputs are open at a time and output `o` can use slot `o % slots`.
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
  for (let o = 0; o < length; o++) {
    for (let i = start[o]; i < start[o] + count[o]; i++) {
      if (firstOut[i] < 0) firstOut[i] = o;
      lastOut[i] = o;
    }
  }
  let slots = 1;
  for (let i = 0; i < inSize; i++) slots = Math.max(slots, lastOut[i] - firstOut[i] + 1);
  const acc = new Int32Array(slots * lineLength);
  const pending = Int32Array.from(count);
  let open = length;

  function push(index: number, line: Uint8Array | Uint8ClampedArray): void {
    for (let o = firstOut[index]; o <= lastOut[index]; o++) {
      const a = (o % slots) * lineLength;
      if (pending[o] === count[o]) acc.fill(ROUNDING, a, a + lineLength);
      const w = weights[o * stride + index - start[o]];
      if (w !== 0) for (let j = 0; j < lineLength; j++) acc[a + j] += line[j] * w;
      if (--pending[o] > 0) continue;
      const d = o * destStride;
      for (let j = 0; j < lineLength; j++) dest[d + j] = acc[a + j] >> PRECISION_BITS;
      open--;
    }
  }

  return {
    wants: (index) => firstOut[index] >= 0,
    push,
    done: () => open === 0,
    bytesHeld: firstOut.byteLength + lastOut.byteLength + acc.byteLength + pending.byteLength,
  };
}
