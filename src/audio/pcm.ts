import { freeNow } from "../lib/bytes";
import { AudioError } from "./errors";
import { Resampler } from "./resample";

export const WHISPER_RATE = 16000;

/** Where a decoder puts its mono output, block by block, at its own rate. */
export interface PcmSink {
  /** Says how many samples will come, when the container tells: the output is then allocated once. */
  expect?(samples: number, rate: number): void;
  /** Copies `mono` and keeps no reference to it: the caller may free it at once. */
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
  /** The 16 kHz output so far: `output[0, length)`, grown by half again when full unless foretold. */
  private output = new Float32Array(0);
  private length = 0;

  constructor(private readonly maxSeconds: number) {}

  expect(samples: number, rate: number): void {
    const outputs = Math.ceil((Math.min(samples, this.maxSeconds * rate) * WHISPER_RATE) / rate);
    if (outputs > this.output.length) this.grow(outputs);
  }

  push(mono: Float32Array, rate: number): void {
    if (!this.resampler) {
      this.rate = rate;
      this.resampler = new Resampler(rate, WHISPER_RATE);
    } else if (rate !== this.rate) {
      throw new AudioError("corrupt", "The sample rate changes inside the file.");
    }
    this.inputSamples += mono.length;
    if (this.inputSamples > this.maxSeconds * rate) throw tooLong(this.maxSeconds);
    const resampled = this.resampler.push(mono);
    this.append(resampled);
    freeNow(resampled); // copied into the output; a 90 s note's blocks would otherwise wait for a collection
  }

  /** Seconds received so far. */
  get seconds(): number {
    return this.rate ? this.inputSamples / this.rate : 0;
  }

  finish(): Float32Array {
    if (this.resampler) this.append(this.resampler.flush());
    // An exact forecast leaves no spare room; otherwise copy, so that the spare room is not kept alive.
    const out = this.length === this.output.length ? this.output : this.output.slice(0, this.length);
    if (out !== this.output) freeNow(this.output);
    this.output = new Float32Array(0);
    return out;
  }

  private append(block: Float32Array): void {
    if (this.length + block.length > this.output.length)
      this.grow(Math.max(this.length + block.length, Math.ceil(this.output.length * 1.5), WHISPER_RATE));
    this.output.set(block, this.length);
    this.length += block.length;
  }

  private grow(capacity: number): void {
    const next = new Float32Array(capacity);
    next.set(this.output.subarray(0, this.length));
    freeNow(this.output);
    this.output = next;
  }
}

export const tooLong = (maxSeconds: number) =>
  new AudioError("too_long", `The recording is longer than ${maxSeconds} seconds.`);

/** Pushes a block of ours and frees it at once (the sink copied it): a long note makes no garbage. */
export function pushFreeing(out: PcmSink, mono: Float32Array, rate: number): void {
  out.push(mono, rate);
  freeNow(mono); // a view of a decoder's channel (downmix of one) is left to freeAll
}

/** A decoder's output, copied out of its WASM heap for us: freed once pushed. */
export function freeAll(channels: Float32Array[]): void {
  for (const channel of channels) freeNow(channel);
}

/** The mean of the channels, scaled by `gain`: what a mono recording of the same sound would hold. */
export function downmix(channels: Float32Array[], length: number, gain = 1): Float32Array {
  if (channels.length === 1 && gain === 1) return channels[0].subarray(0, length);
  const out = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i++) out[i] += channel[i];
  const scale = gain / channels.length;
  for (let i = 0; i < length; i++) out[i] *= scale;
  return out;
}
