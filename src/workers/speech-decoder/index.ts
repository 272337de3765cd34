import { WorkerEntrypoint } from "cloudflare:workers";
import { Hono } from "hono";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { readSpeechDecoderConfig, type SpeechDecoderEnv } from "../../config/env";
import { freeNow } from "../../lib/bytes";
import { PromiseCache } from "../../lib/promise-cache";
import { ModelUnavailableError } from "../../model/package/load";
import { r2Store } from "../../model/package/store";
import type {
  DecodeAnswer,
  DecodeWarmAnswer,
  SpeechDecoderService,
} from "../../model/remote/speech-decoder-protocol";
import { type DecodeRequest, WhisperDecoder } from "../../model/speech/decoder";
import { debugRoutes } from "../debug";

/**
 * The speech-decoder Worker (wrangler.speech-decoder.toml): Whisper's merged decoder alone in an isolate,
 * reached only through the speech Worker's SPEECH_DECODER service binding by RPC, so that the decoder's
 * weights and its cross-attention cache never share the 128 MB with the encoder and the audio decoders.
 * It gets a window's encoder hidden states and returns token ids: no audio, no text. Its fetch serves only
 * GET /debug/memory (when DEBUG_MEMORY is "1", for the benchmarks).
 */
// One decoder per isolate, for the active speech package; its ORT session lives in module scope (sessions.ts).
const decoders = new PromiseCache<string, WhisperDecoder>(1);

export default class SpeechDecoderWorker
  extends WorkerEntrypoint<SpeechDecoderEnv & Partial<Pick<Env, "DEBUG_MEMORY">>>
  implements SpeechDecoderService
{
  decode(hidden: Float32Array, request: DecodeRequest): Promise<DecodeAnswer> {
    return modelAnswer(async () => {
      try {
        return { ok: true, window: await (await this.decoder()).decode(hidden, request) };
      } finally {
        freeNow(hidden); // this isolate's own copy (2.3 MB a window for tiny), read by nothing after
      }
    });
  }

  warm(): Promise<DecodeWarmAnswer> {
    return modelAnswer(async () => {
      await (await this.decoder()).warm();
      return { ok: true };
    });
  }

  override async fetch(request: Request): Promise<Response> {
    const res = await debug.fetch(request, this.env, this.ctx);
    if (res.status !== 404) return res;
    return new Response("the speech-decoder Worker answers RPC only (decode)", { status: 404 });
  }

  private decoder(): Promise<WhisperDecoder> {
    const prefix = readSpeechDecoderConfig(this.env).modelPrefix;
    return decoders.get(prefix, () => WhisperDecoder.open(r2Store(this.env.MODELS, prefix), { ortWasm }));
  }
}

/** A package that cannot be used is an answer (its code crosses RPC whole); anything else throws. */
async function modelAnswer<T>(work: () => Promise<T>): Promise<T | Extract<DecodeAnswer, { ok: false }>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ModelUnavailableError) {
      return { ok: false, model: { code: error.code, message: error.message } };
    }
    throw error;
  }
}

const debug = new Hono().route("/debug", debugRoutes);
