import { freeNow } from "../lib/bytes";
import { AudioError } from "./errors";

/**
 * Rational-ratio resampling (L/M, the rates' ratio in lowest terms) through a polyphase FIR: a
 * Kaiser-windowed sinc designed at the upsampled rate L·in.
 *
 * The filter, relative to the lower Nyquist frequency f = min(in, out) / 2:
 * - pass band up to 0.875 f (7 kHz for a 16 kHz output), stop band from f (8 kHz): nothing above the
 *   output's Nyquist frequency folds back into it;
 * - 80 dB stop-band attenuation (Kaiser β = 7.857), which reaches Whisper's own floor: its features keep
 *   8 decades (80 dB) of power below the loudest bin;
 * - cut-off (-6 dB) half way, at 0.9375 f (7.5 kHz);
 * - (80 - 7.95) / (2.285 · 2π · 0.125 f / (L·in)) taps at the upsampled rate: 241 at 48 kHz → 16 kHz,
 *   i.e. 243 input samples (5 ms) per output sample; 2K + 1 per phase in general.
 * Each phase is scaled to a DC gain of exactly 1.
 */
export const STOP_BAND_DB = 80;
const PASS_EDGE = 0.875;
const KAISER_BETA = 0.1102 * (STOP_BAND_DB - 8.7);
/** Past this many phases (a ratio like 16000/44101) the table would be megabytes: such rates are refused. */
const MAX_PHASES = 1024;

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

/** The zeroth-order modified Bessel function of the first kind, by its power series. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; term > 1e-12 * sum; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

interface Filter {
  up: number;
  down: number;
  /** Half the taps of one phase: output n reads inputs floor(n·M/L) - K ... + K. */
  half: number;
  /** Phase p's taps at p·(2K+1): weights of inputs jc - K ... jc + K. */
  taps: Float64Array;
}

export function designFilter(inRate: number, outRate: number): Filter {
  if (!Number.isInteger(inRate) || !Number.isInteger(outRate) || inRate <= 0 || outRate <= 0)
    throw new AudioError("unsupported_format", `A sample rate of ${inRate} Hz.`);
  const g = gcd(inRate, outRate);
  const up = outRate / g;
  const down = inRate / g;
  if (up > MAX_PHASES)
    throw new AudioError("unsupported_format", `A sample rate of ${inRate} Hz is not supported.`);
  const highRate = up * inRate;
  const nyquist = Math.min(inRate, outRate) / 2;
  const transition = (1 - PASS_EDGE) * nyquist;
  const cutoff = (PASS_EDGE * nyquist + nyquist) / 2 / highRate; // cycles per upsampled sample
  const width = (STOP_BAND_DB - 7.95) / (2.285 * 2 * Math.PI * (transition / highRate)); // taps, upsampled
  const halfWidth = width / 2;
  const half = Math.ceil(halfWidth / up);
  const span = 2 * half + 1;
  const taps = new Float64Array(up * span);
  const i0Beta = besselI0(KAISER_BETA);
  for (let p = 0; p < up; p++) {
    let sum = 0;
    for (let i = 0; i < span; i++) {
      const t = p + (half - i) * up; // distance in upsampled samples from the output instant
      const u = t / halfWidth;
      if (Math.abs(u) >= 1) continue;
      const x = 2 * cutoff * t;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const w = (2 * cutoff * sinc * besselI0(KAISER_BETA * Math.sqrt(1 - u * u))) / i0Beta;
      taps[p * span + i] = w;
      sum += w;
    }
    for (let i = 0; i < span; i++) taps[p * span + i] /= sum;
  }
  return { up, down, half, taps };
}

/** Streaming resampler: push blocks of input, take the output ready so far; flush at the end. */
export class Resampler {
  private readonly filter: Filter | undefined;
  /** Input samples from absolute index `start` on that later outputs still need: `store[0, length)`,
   * reused from block to block (grown when a block does not fit), so a long note makes little garbage. */
  private store = new Float32Array(0);
  private length = 0;
  private start = 0;
  private received = 0;
  private next = 0;

  constructor(inRate: number, outRate: number) {
    this.filter = inRate === outRate ? undefined : designFilter(inRate, outRate);
  }

  push(input: Float32Array): Float32Array {
    if (!this.filter) return input.slice();
    if (this.length + input.length > this.store.length) {
      const bigger = new Float32Array(Math.max(2 * this.store.length, this.length + input.length));
      bigger.set(this.store.subarray(0, this.length));
      freeNow(this.store);
      this.store = bigger;
    }
    this.store.set(input, this.length);
    this.length += input.length;
    this.received += input.length;
    return this.run(false);
  }

  flush(): Float32Array {
    return this.filter ? this.run(true) : new Float32Array(0);
  }

  private run(final: boolean): Float32Array {
    const { up, down, half, taps } = this.filter!;
    const span = 2 * half + 1;
    const available = this.start + this.length;
    // Outputs whose inputs have all arrived (or, at the end, every output up to the input's duration).
    const last = final
      ? Math.ceil((this.received * up) / down)
      : Math.floor(((available - half) * up) / down);
    const count = Math.max(0, last - this.next);
    const out = new Float32Array(count);
    const x = this.store;
    const length = this.length;
    for (let o = 0; o < count; o++) {
      const n = this.next + o;
      const centre = Math.floor((n * down) / up);
      const phase = n * down - centre * up;
      const first = centre - half - this.start; // buffer index of the first tap's input
      const from = Math.max(0, -first);
      const to = Math.min(span, length - first);
      const base = phase * span;
      let acc = 0;
      for (let i = from; i < to; i++) acc += taps[base + i] * x[first + i];
      out[o] = acc;
    }
    this.next += count;
    // Keep what the next output's taps reach back to.
    const keepFrom = Math.floor((this.next * down) / up) - half;
    const drop = Math.min(Math.max(0, keepFrom - this.start), length);
    if (drop) {
      x.copyWithin(0, drop, length);
      this.length -= drop;
      this.start += drop;
    }
    return out;
  }
}

/** Resamples a whole signal at once. */
export function resample(samples: Float32Array, inRate: number, outRate: number): Float32Array {
  const r = new Resampler(inRate, outRate);
  const a = r.push(samples);
  const b = r.flush();
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
