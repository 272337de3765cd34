/**
 * STAND-IN for the audio front-end built on branch `audio` (same interface): WAV only, linear
 * resampling, a direct DFT. Replaced by that branch's module when it is merged.
 */
export type AudioFormat = "ogg-opus" | "wav" | "mp3";
export type AudioErrorCode = "unsupported_format" | "corrupt" | "too_long" | "empty";

export class AudioError extends Error {
  constructor(
    readonly code: AudioErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AudioError";
  }
}

export const SAMPLE_RATE = 16000;
const WINDOW_SAMPLES = 30 * SAMPLE_RATE;
const N_FFT = 400;
const HOP = 160;
const MELS = 80;
const FRAMES = 3000;

export function sniffAudio(bytes: Uint8Array): AudioFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WAVE") return "wav";
  if (bytes.length >= 4 && ascii(0, 4) === "OggS") return "ogg-opus";
  if (bytes.length >= 3 && (ascii(0, 3) === "ID3" || (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)))
    return "mp3";
  return undefined;
}

export async function decodeAudio(
  bytes: Uint8Array,
  opts: { maxSeconds?: number } = {},
): Promise<{ samples: Float32Array; seconds: number; format: AudioFormat }> {
  if (bytes.length === 0) throw new AudioError("empty", "the audio has 0 bytes");
  const format = sniffAudio(bytes);
  if (format !== "wav")
    throw new AudioError("unsupported_format", `${format ?? "unknown"} audio is not supported`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let fmt: { channels: number; rate: number; bits: number; tag: number } | undefined;
  while (offset + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === "fmt " && size >= 16 && body + 16 <= bytes.length) {
      fmt = {
        tag: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === "data") {
      if (
        !fmt ||
        fmt.channels < 1 ||
        fmt.rate < 1000 ||
        !((fmt.tag === 1 && fmt.bits === 16) || (fmt.tag === 3 && fmt.bits === 32))
      ) {
        throw new AudioError("corrupt", "the WAV file has no supported PCM format chunk");
      }
      const frameBytes = (fmt.bits / 8) * fmt.channels;
      const frames = Math.floor(Math.min(size, bytes.length - body) / frameBytes);
      if (frames === 0) throw new AudioError("empty", "the WAV file has no samples");
      const seconds = frames / fmt.rate;
      if (opts.maxSeconds !== undefined && seconds > opts.maxSeconds) {
        throw new AudioError(
          "too_long",
          `the audio lasts ${seconds.toFixed(1)} s, over ${opts.maxSeconds} s`,
        );
      }
      const mono = new Float32Array(frames);
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        for (let c = 0; c < fmt.channels; c++) {
          const at = body + i * frameBytes + (c * fmt.bits) / 8;
          sum += fmt.bits === 16 ? view.getInt16(at, true) / 32768 : view.getFloat32(at, true);
        }
        mono[i] = sum / fmt.channels;
      }
      return { samples: resampleLinear(mono, fmt.rate), seconds, format };
    }
    offset = body + size + (size & 1);
  }
  throw new AudioError("corrupt", "the WAV file has no data chunk");
}

function resampleLinear(samples: Float32Array, rate: number): Float32Array {
  if (rate === SAMPLE_RATE) return samples;
  const out = new Float32Array(Math.floor((samples.length * SAMPLE_RATE) / rate));
  for (let i = 0; i < out.length; i++) {
    const x = (i * rate) / SAMPLE_RATE;
    const j = Math.floor(x);
    const a = samples[j] ?? 0;
    out[i] = a + ((samples[j + 1] ?? a) - a) * (x - j);
  }
  return out;
}

export function windows30s(samples16k: Float32Array): Float32Array[] {
  const out: Float32Array[] = [];
  for (let start = 0; start < samples16k.length; start += WINDOW_SAMPLES) {
    out.push(samples16k.subarray(start, start + WINDOW_SAMPLES));
  }
  return out.length > 0 ? out : [new Float32Array(0)];
}

let tables: { cos: Float64Array; sin: Float64Array; window: Float64Array; mel: Float64Array } | undefined;

function slaneyMel(hz: number): number {
  return hz < 1000 ? (3 * hz) / 200 : 15 + Math.log(hz / 1000) / (Math.log(6.4) / 27);
}
function slaneyHz(mel: number): number {
  return mel < 15 ? (200 * mel) / 3 : 1000 * Math.exp((Math.log(6.4) / 27) * (mel - 15));
}

function buildTables() {
  const bins = N_FFT / 2 + 1;
  const cos = new Float64Array(bins * N_FFT);
  const sin = new Float64Array(bins * N_FFT);
  for (let k = 0; k < bins; k++)
    for (let n = 0; n < N_FFT; n++) {
      cos[k * N_FFT + n] = Math.cos((2 * Math.PI * k * n) / N_FFT);
      sin[k * N_FFT + n] = Math.sin((2 * Math.PI * k * n) / N_FFT);
    }
  const window = Float64Array.from(
    { length: N_FFT },
    (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / N_FFT),
  );
  const top = slaneyMel(SAMPLE_RATE / 2);
  const hz = Array.from({ length: MELS + 2 }, (_, i) => slaneyHz((top * i) / (MELS + 1)));
  const mel = new Float64Array(MELS * bins);
  for (let m = 0; m < MELS; m++) {
    const norm = 2 / (hz[m + 2] - hz[m]);
    for (let k = 0; k < bins; k++) {
      const f = (k * SAMPLE_RATE) / N_FFT;
      const lower = (f - hz[m]) / (hz[m + 1] - hz[m]);
      const upper = (hz[m + 2] - f) / (hz[m + 2] - hz[m + 1]);
      mel[m * bins + k] = Math.max(0, Math.min(lower, upper)) * norm;
    }
  }
  return { cos, sin, window, mel };
}

/** Whisper's log-mel features of one 30 s window (padded with zeros): 80 x 3000, row-major. */
export function logMelSpectrogram(samples16k: Float32Array): Float32Array {
  tables ??= buildTables();
  const { cos, sin, window, mel } = tables;
  const bins = N_FFT / 2 + 1;
  const padded = new Float64Array(WINDOW_SAMPLES + N_FFT);
  const audio = new Float64Array(WINDOW_SAMPLES);
  audio.set(samples16k.subarray(0, WINDOW_SAMPLES));
  padded.set(audio, N_FFT / 2);
  for (let i = 1; i <= N_FFT / 2; i++) {
    padded[N_FFT / 2 - i] = audio[i];
    padded[N_FFT / 2 + WINDOW_SAMPLES - 1 + i] = audio[WINDOW_SAMPLES - 1 - i];
  }
  const out = new Float32Array(MELS * FRAMES);
  const frame = new Float64Array(N_FFT);
  const power = new Float64Array(bins);
  let max = -Infinity;
  for (let t = 0; t < FRAMES; t++) {
    for (let n = 0; n < N_FFT; n++) frame[n] = padded[t * HOP + n] * window[n];
    for (let k = 0; k < bins; k++) {
      let re = 0;
      let im = 0;
      const row = k * N_FFT;
      for (let n = 0; n < N_FFT; n++) {
        re += frame[n] * cos[row + n];
        im += frame[n] * sin[row + n];
      }
      power[k] = re * re + im * im;
    }
    for (let m = 0; m < MELS; m++) {
      let sum = 0;
      for (let k = 0; k < bins; k++) sum += mel[m * bins + k] * power[k];
      const value = Math.log10(Math.max(sum, 1e-10));
      out[m * FRAMES + t] = value;
      if (value > max) max = value;
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = (Math.max(out[i], max - 8) + 4) / 4;
  return out;
}
