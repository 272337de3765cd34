import { AudioError } from "./errors";
import { Resampler } from "./resample";

export const WHISPER_RATE = 16000;

/** Where a decoder puts its mono output, block by block, at its own rate. */
export interface PcmSink {
  push(mono: Float32Array, rate: number): void;
}

/**
 * Gathers a decoder's mono output at its own rate, resampled to 16 kHz as it comes, so a 48 kHz note
 * never sits in memory whole. Refuses (too_long) as soon as more than `maxSeconds` arrived.
 */
export class Pcm16k implements PcmSink {
  private resampler: Resampler | undefined;
  private rate = 0;
  private inputSamples = 0;
  private chunks: Float32Array[] = [];

  constructor(private readonly maxSeconds: number) {}

  push(mono: Float32Array, rate: number): void {
    if (!this.resampler) {
      this.rate = rate;
      this.resampler = new Resampler(rate, WHISPER_RATE);
    } else if (rate !== this.rate) {
      throw new AudioError("corrupt", "The sample rate changes inside the file.");
    }
    this.inputSamples += mono.length;
    if (this.inputSamples > this.maxSeconds * rate) throw tooLong(this.maxSeconds);
    const out = this.resampler.push(mono);
    if (out.length) this.chunks.push(out);
  }

  /** Seconds received so far. */
  get seconds(): number {
    return this.rate ? this.inputSamples / this.rate : 0;
  }

  finish(): Float32Array {
    if (!this.resampler) return new Float32Array(0);
    this.chunks.push(this.resampler.flush());
    const out = new Float32Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks = [];
    return out;
  }
}

export const tooLong = (maxSeconds: number) =>
  new AudioError("too_long", `The recording is longer than ${maxSeconds} seconds.`);

/** The mean of the channels, scaled by `gain`: what a mono recording of the same sound would hold. */
export function downmix(channels: Float32Array[], length: number, gain = 1): Float32Array {
  if (channels.length === 1 && gain === 1) return channels[0].subarray(0, length);
  const out = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i++) out[i] += channel[i];
  const scale = gain / channels.length;
  for (let i = 0; i < length; i++) out[i] *= scale;
  return out;
}
