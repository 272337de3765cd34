import { AudioDecoderUnavailableError, AudioError } from "./errors";
import { DEFAULT_MAX_SECONDS, MIN_SECONDS } from "./limits";
import { decodeMp3 } from "./mp3";
import { decodeOggOpus } from "./opus";
import { Pcm16k, WHISPER_RATE } from "./pcm";
import { type AudioFormat, sniffAudio } from "./sniff";
import { decodeWav } from "./wav";

/**
 * The decoders' compiled WASM. workerd may not compile WASM from bytes, so a Worker must pass the modules
 * its bundle imports (`audioWasm` from ./wasm-worker). In Node leave it out: the packages then compile
 * their own embedded copy, the same bytes (scripts/audio-wasm.ts checks).
 */
export interface AudioWasm {
  opus: WebAssembly.Module;
  mpg123: WebAssembly.Module;
}

export interface DecodeOptions {
  /** Longer recordings are refused (too_long); checked from the header where the container says. */
  maxSeconds?: number;
  wasm?: AudioWasm;
}

export interface DecodedAudio {
  /** Mono, 16 kHz, in [-1, 1]. */
  samples: Float32Array;
  seconds: number;
  format: AudioFormat;
}

/**
 * Any accepted recording as Whisper's input: Ogg/Opus (Telegram's voice notes), WAV or MP3, decoded,
 * averaged to mono and resampled to 16 kHz. Throws AudioError: unsupported_format, corrupt, too_long, empty.
 */
export async function decodeAudio(bytes: Uint8Array, opts: DecodeOptions = {}): Promise<DecodedAudio> {
  const maxSeconds = opts.maxSeconds ?? DEFAULT_MAX_SECONDS;
  if (bytes.length === 0) throw new AudioError("empty", "The recording is empty.");
  const format = sniffAudio(bytes);
  if (!format) throw new AudioError("unsupported_format", "Not an Ogg/Opus, WAV or MP3 recording.");
  const out = new Pcm16k(maxSeconds);
  try {
    if (format === "ogg-opus") await decodeOggOpus(bytes, out, maxSeconds, opts.wasm?.opus);
    else if (format === "wav") decodeWav(bytes, out, maxSeconds);
    else await decodeMp3(bytes, out, opts.wasm?.mpg123);
  } catch (error) {
    if (error instanceof AudioError || error instanceof AudioDecoderUnavailableError) throw error;
    // The decoders' own failures (mpg123, libopus) on input that passed our checks: damaged data.
    throw new AudioError("corrupt", `The ${format} recording could not be decoded.`);
  }
  const seconds = out.seconds;
  const samples = out.finish();
  if (seconds < MIN_SECONDS) throw new AudioError("empty", "The recording holds no sound.");
  return { samples, seconds, format };
}

export { WHISPER_RATE };
