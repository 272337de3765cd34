import { WorkerEntrypoint } from "cloudflare:workers";
import { Hono } from "hono";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { AudioError } from "../../audio";
import { audioWasm } from "../../audio/wasm-worker";
import { readSpeechConfig, type SpeechEnv } from "../../config/env";
import { PromiseCache } from "../../lib/promise-cache";
import { ModelUnavailableError } from "../../model/package/load";
import { r2Store } from "../../model/package/store";
import { RemoteWindowDecoder } from "../../model/remote/speech-decoder-client";
import type { SpeechDecoderService } from "../../model/remote/speech-decoder-protocol";
import type { SpeechAnswer, SpeechRequestOptions, SpeechService } from "../../model/remote/speech-protocol";
import { SpeechEngine } from "../../model/speech/engine";
import { debugRoutes } from "../debug";

/**
 * The speech Worker (wrangler.speech.toml), reached only through the API Worker's SPEECH service binding
 * by RPC: a note's audio decoded, its log-mel features and Whisper's encoder in this isolate; each
 * window's hidden states decoded in the speech-decoder Worker's (SPEECH_DECODER, by RPC), whose ids are
 * detokenised here. Two isolates, since both halves together do not fit one isolate's 128 MB. Neither
 * the audio nor the transcript is logged or stored here. Its vars are parsed by the config module
 * (readSpeechConfig). Its fetch serves only GET /debug/memory (when DEBUG_MEMORY is "1", for the benchmarks).
 */
// One engine per isolate, for the active speech package; its ORT session lives in module scope (sessions.ts).
const engines = new PromiseCache<string, SpeechEngine>(1);

export default class SpeechWorker
  extends WorkerEntrypoint<
    SpeechEnv & { SPEECH_DECODER: SpeechDecoderService } & Partial<Pick<Env, "DEBUG_MEMORY">>
  >
  implements SpeechService
{
  async transcribe(audio: Uint8Array, options: SpeechRequestOptions = {}): Promise<SpeechAnswer> {
    const { maxVoiceSeconds: maxSeconds } = readSpeechConfig(this.env);
    try {
      const engine = await this.engine();
      const language = options.language === "en" || options.language === "zh" ? options.language : undefined;
      const transcript = await engine.transcribeAudio(audio, { language, maxSeconds });
      return { ok: true, transcript, model: engine.info };
    } catch (error) {
      if (error instanceof AudioError) {
        return { ok: false, audio: { code: error.code, message: error.message, maxSeconds } };
      }
      if (error instanceof ModelUnavailableError) {
        return { ok: false, model: { code: error.code, message: error.message } };
      }
      throw error;
    }
  }

  /** Loads the package and creates both sessions (the decoder's in its Worker): a cold start, without a note. */
  async warm(): Promise<{ id: string; revision: string }> {
    const engine = await this.engine();
    await engine.warm();
    return engine.info;
  }

  override async fetch(request: Request): Promise<Response> {
    const res = await debug.fetch(request, this.env, this.ctx);
    if (res.status !== 404) return res;
    return new Response("the speech Worker answers RPC only (transcribe)", { status: 404 });
  }

  private engine(): Promise<SpeechEngine> {
    const prefix = readSpeechConfig(this.env).modelPrefix;
    return engines.get(prefix, () =>
      SpeechEngine.open(r2Store(this.env.MODELS, prefix), {
        ortWasm,
        audioWasm,
        decoder: new RemoteWindowDecoder(this.env.SPEECH_DECODER),
      }),
    );
  }
}

const debug = new Hono().route("/debug", debugRoutes);
