/**
 * Why a voice note or audio file was refused: `unsupported_format` (not Ogg/Opus, WAV or MP3, or a
 * variant we do not decode), `corrupt` (damaged, truncated or inconsistent), `too_long` (over the
 * duration limit), `empty` (no bytes, or under MIN_SECONDS of sound).
 */
export type AudioErrorCode = "unsupported_format" | "corrupt" | "too_long" | "empty";

export class AudioError extends Error {
  override name = "AudioError";
  constructor(
    readonly code: AudioErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The WASM decoder could not start: a setup fault, not the recording's. In a Worker this means the
 * compiled modules were not passed (`decodeAudio(bytes, { wasm: audioWasm })`, see ./wasm-worker).
 */
export class AudioDecoderUnavailableError extends Error {
  override name = "AudioDecoderUnavailableError";
}

const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * Checks, before a decoder starts, that it can: with no compiled module given, the packages compile
 * their embedded WASM, which workerd forbids, and then their start promise never settles (the failure is
 * swallowed inside them). Compiling the empty module tells at once.
 */
export function requireDecoderModule(name: string, module: WebAssembly.Module | undefined): void {
  if (module) return;
  try {
    // Workers' types declare the constructor abstract, as workerd refuses it; here that refusal is the point.
    new (WebAssembly.Module as unknown as new (bytes: Uint8Array) => WebAssembly.Module)(EMPTY_MODULE);
  } catch {
    throw new AudioDecoderUnavailableError(
      `The ${name} decoder needs its compiled WASM here (this runtime cannot compile WASM): pass { wasm: audioWasm } from src/audio/wasm-worker.`,
    );
  }
}

/** How long a decoder may take to start (instantiating a compiled module takes milliseconds). */
const START_TIMEOUT_MS = 10_000;

/**
 * Awaits a decoder's start, turning a failure into AudioDecoderUnavailableError; also after
 * START_TIMEOUT_MS, since the packages swallow some failures (a wrong module) and would wait for ever.
 */
export async function decoderReady(name: string, ready: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no start within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new AudioDecoderUnavailableError(
      `The ${name} decoder could not start (${why}); in a Worker pass { wasm: audioWasm } from src/audio/wasm-worker.`,
    );
  } finally {
    clearTimeout(timer);
  }
}
