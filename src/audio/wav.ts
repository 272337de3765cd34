import { AudioError } from "./errors";
import { type PcmSink, pushFreeing, tooLong } from "./pcm";

const PCM = 1;
const IEEE_FLOAT = 3;
const EXTENSIBLE = 0xfffe;

export interface WavFormat {
  encoding: "int" | "float";
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** The sample data (views of the file). */
  data: Uint8Array;
}

const corrupt = (why: string) => new AudioError("corrupt", `The WAV file is damaged: ${why}.`);
const fourcc = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/**
 * The RIFF/WAVE chunks we need: `fmt ` (PCM 8/16/24/32-bit integer, or 32/64-bit float; plain or
 * WAVE_FORMAT_EXTENSIBLE) and `data`. A data size past the end of the file is a cut file, except the
 * 0 or 0xFFFFFFFF that streaming recorders leave, read as "to the end".
 */
export function readWav(bytes: Uint8Array): WavFormat {
  if (bytes.length < 12 || fourcc(bytes, 0) !== "RIFF" || fourcc(bytes, 8) !== "WAVE")
    throw corrupt("no RIFF/WAVE header");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let format: Omit<WavFormat, "data"> | undefined;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = fourcc(bytes, at);
    const declared = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === "fmt ") {
      if (declared < 16 || body + declared > bytes.length) throw corrupt("short format chunk");
      let tag = view.getUint16(body, true);
      if (tag === EXTENSIBLE && declared >= 40) tag = view.getUint16(body + 24, true); // the sub-format GUID's first bytes
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const bitsPerSample = view.getUint16(body + 14, true);
      const encoding = tag === PCM ? "int" : tag === IEEE_FLOAT ? "float" : undefined;
      const bitsOk =
        encoding === "int" ? [8, 16, 24, 32].includes(bitsPerSample) : [32, 64].includes(bitsPerSample);
      if (!encoding || !bitsOk)
        throw new AudioError(
          "unsupported_format",
          `A WAV encoding we do not read (format ${tag}, ${bitsPerSample}-bit).`,
        );
      if (channels < 1 || sampleRate < 1) throw corrupt("no channels or no sample rate");
      format = { encoding, channels, sampleRate, bitsPerSample };
    } else if (id === "data") {
      if (!format) throw corrupt("sample data before the format");
      const streaming = declared === 0 || declared === 0xffffffff;
      if (!streaming && body + declared > bytes.length) throw corrupt("cut short");
      const end = streaming ? bytes.length : body + declared;
      const frame = (format.bitsPerSample / 8) * format.channels;
      return { ...format, data: bytes.subarray(body, body + Math.floor((end - body) / frame) * frame) };
    }
    at = body + declared + (declared & 1); // chunks are padded to even sizes
  }
  throw corrupt(format ? "no sample data" : "no format chunk");
}

/** Seconds of sound a WAV holds, from its header alone. */
export function wavSeconds(wav: WavFormat): number {
  return wav.data.length / ((wav.bitsPerSample / 8) * wav.channels) / wav.sampleRate;
}

/** Samples of one channel as floats in [-1, 1], like the decoders' output (integers / 2^(bits-1)). */
export function wavChannelReader(wav: WavFormat): (frame: number, channel: number) => number {
  const view = new DataView(wav.data.buffer, wav.data.byteOffset, wav.data.length);
  const bytes = wav.bitsPerSample / 8;
  const frameBytes = bytes * wav.channels;
  const at = (frame: number, channel: number) => frame * frameBytes + channel * bytes;
  if (wav.encoding === "float")
    return bytes === 4
      ? (f, c) => view.getFloat32(at(f, c), true)
      : (f, c) => view.getFloat64(at(f, c), true);
  switch (bytes) {
    case 1:
      return (f, c) => (view.getUint8(at(f, c)) - 128) / 128;
    case 2:
      return (f, c) => view.getInt16(at(f, c), true) / 32768;
    case 3:
      return (f, c) => {
        const i = at(f, c);
        return ((view.getInt8(i + 2) << 16) | (view.getUint8(i + 1) << 8) | view.getUint8(i)) / 8388608;
      };
    default:
      return (f, c) => view.getInt32(at(f, c), true) / 2147483648;
  }
}

/** Decodes a WAV file's samples to mono, a second at a time, after checking its duration from the header. */
export function decodeWav(bytes: Uint8Array, out: PcmSink, maxSeconds: number): void {
  const wav = readWav(bytes);
  if (wavSeconds(wav) > maxSeconds) throw tooLong(maxSeconds);
  const frames = wav.data.length / ((wav.bitsPerSample / 8) * wav.channels);
  const sample = wavChannelReader(wav);
  const block = wav.sampleRate;
  out.expect?.(frames, wav.sampleRate);
  for (let start = 0; start < frames; start += block) {
    const mono = new Float32Array(Math.min(block, frames - start));
    for (let i = 0; i < mono.length; i++) {
      let sum = 0;
      for (let c = 0; c < wav.channels; c++) sum += sample(start + i, c);
      mono[i] = sum / wav.channels;
    }
    pushFreeing(out, mono, wav.sampleRate);
  }
}
