// The audio front-end of speech: recordings in, Whisper's features out. Pure: runs in workerd and Node
// (a Worker passes the decoders' compiled WASM from ./wasm-worker; Node needs nothing).
export { type AudioWasm, type DecodedAudio, type DecodeOptions, decodeAudio } from "./decode";
export { AudioDecoderUnavailableError, AudioError, type AudioErrorCode } from "./errors";
export { DEFAULT_MAX_SECONDS, MIN_SECONDS } from "./limits";
export { HOP_LENGTH, logMelSpectrogram, N_FRAMES, N_MELS, N_SAMPLES, SAMPLE_RATE, windows30s } from "./mel";
export { resample } from "./resample";
export { type AudioFormat, sniffAudio } from "./sniff";
