import type { AudioErrorCode } from "../../audio";
import type { ModelErrorCode } from "../package/errors";
import type { SpeechInfo, SpeechLanguage, Transcript } from "../speech/engine";

/**
 * The speech Worker's RPC interface (src/workers/speech, a WorkerEntrypoint), reached through the SPEECH
 * service binding. Failures are answers, not exceptions: an exception crossing RPC keeps only its message.
 */
export interface SpeechService {
  transcribe(audio: Uint8Array, options: SpeechRequestOptions): Promise<SpeechAnswer>;
}

export interface SpeechRequestOptions {
  /** The chat's or request's language when known; otherwise detected among en and zh. */
  language?: SpeechLanguage;
}

export type SpeechAnswer =
  | { ok: true; transcript: Transcript; model: SpeechInfo }
  | { ok: false; audio: { code: AudioErrorCode; message: string; maxSeconds: number } }
  | { ok: false; model: { code: ModelErrorCode; message: string } };
