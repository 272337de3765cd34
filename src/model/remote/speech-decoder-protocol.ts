import type { ModelErrorCode } from "../package/errors";
import type { DecodeRequest, WindowResult } from "../speech/decoder";

/**
 * The speech-decoder Worker's RPC interface (src/workers/speech-decoder, a WorkerEntrypoint), reached only
 * by the speech Worker through its SPEECH_DECODER service binding: one 30 s window's encoder hidden states
 * ([1500, width] float32) in, its greedily decoded ids out. A model failure is an answer, not an exception
 * (an exception crossing RPC keeps only its message).
 */
export interface SpeechDecoderService {
  decode(hidden: Float32Array, request: DecodeRequest): Promise<DecodeAnswer>;
  /** Loads the package and creates the decoder's session: what a cold start costs. */
  warm(): Promise<DecodeWarmAnswer>;
}

type ModelFailure = { ok: false; model: { code: ModelErrorCode; message: string } };

export type DecodeAnswer = { ok: true; window: WindowResult } | ModelFailure;
export type DecodeWarmAnswer = { ok: true } | ModelFailure;
