// The audio front-end of speech: recordings in, Whisper's features out. Pure: runs in workerd and Node
// (a Worker passes the decoders' compiled WASM from ./wasm-worker; Node needs nothing).
export {
  type AudioWasm,
  DEFAULT_MAX_SECONDS,
  type DecodedAudio,
  type DecodeOptions,
  decodeAudio,
  MIN_SECONDS,
} from "./decode";
export { AudioError, type AudioErrorCode } from "./errors";
export { HOP_LENGTH, logMelSpectrogram, N_FRAMES, N_MELS, N_SAMPLES, SAMPLE_RATE, windows30s } from "./mel";
export { resample } from "./resample";
export { type AudioFormat, sniffAudio } from "./sniff";
