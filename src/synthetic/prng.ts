/**
 * mulberry32: a tiny seeded generator. Weights only need to be reproducible and well spread, not
 * cryptographic, and it fills the ~150 MB of the `base` towers in well under a second.
 */
export class Rng {
  private state: number;

  /** `stream` separates independent sequences drawn from one seed (one per tower). */
  constructor(seed: number, stream = 0) {
    this.state = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  }

  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /**
   * `n` quantised values, uniform over the 2^bits integers centred on 0 and stored as
   * `(v + zeroPoint) & 0xff`: bits 7 with zero point 64 is reduce_range uint8, with 0 it is int8.
   */
  quantized(n: number, bits: 7 | 8, zeroPoint: number): Uint8Array {
    const out = new Uint8Array(n);
    const mask = (1 << bits) - 1;
    const shift = zeroPoint - (1 << (bits - 1));
    for (let i = 0; i < n; i += 4) {
      const r = this.nextUint32();
      out[i] = ((r & mask) + shift) & 0xff;
      out[i + 1] = (((r >>> 8) & mask) + shift) & 0xff;
      out[i + 2] = (((r >>> 16) & mask) + shift) & 0xff;
      out[i + 3] = (((r >>> 24) & mask) + shift) & 0xff;
    }
    return out;
  }

  /** Uniform floats with mean 0 and standard deviation `std`. */
  floats(n: number, std: number): Float32Array {
    const half = std * Math.sqrt(3);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = (this.next() * 2 - 1) * half;
    return out;
  }
}

/** Standard deviation of `Rng.quantized` values before scaling: uniform over 2^bits integers. */
export function quantizedStd(bits: 7 | 8): number {
  return Math.sqrt((4 ** bits - 1) / 12);
}
