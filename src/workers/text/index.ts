import { WorkerEntrypoint } from "cloudflare:workers";
import { Hono } from "hono";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { readConfig } from "../../config/env";
import { PromiseCache } from "../../lib/promise-cache";
import { ClipEngine } from "../../model/engine";
import { r2Store } from "../../model/package/store";
import { failure, served, success } from "../../model/remote/rpc";
import { type EmbedRequest, isEmbedRequest, type TextEncoderRpc } from "../../model/remote/text-encoder";
import { debugRoutes } from "../debug";

// One engine per isolate, for the active model prefix.
const engines = new PromiseCache<string, ClipEngine>(1);

/**
 * The text encoder's own Worker (wrangler.text.toml), reached only through the main Worker's
 * TEXT_ENCODER service binding (Workers RPC): its isolate holds the text session, never the vision tower's.
 * Its fetch serves only GET /debug/memory (when DEBUG_MEMORY is "1", for the benchmarks).
 */
export default class TextEncoderWorker
  extends WorkerEntrypoint<Pick<Env, "MODELS" | "MODEL_PREFIX" | "DEBUG_MEMORY">>
  implements TextEncoderRpc
{
  async embed(request: EmbedRequest) {
    if (!isEmbedRequest(request)) return failure("bad_request", "expected {revision, prompts[], scope?}");
    return served(async () => {
      const engine = await this.engine(request.revision);
      if (!engine.ok) return engine;
      return success(await engine.value.embedTexts(request.prompts, request.scope));
    });
  }

  /**
   * The main Worker's wake-up call, sent as a request with prompts of its own arrives: the session and
   * the tokenizer are made meanwhile. Kept alive by waitUntil past this call: an `embed` may wait on it.
   */
  async warm(revision: string) {
    const warming = served(async () => {
      const engine = await this.engine(revision, { warmUp: true });
      if (!engine.ok) return engine;
      await engine.value.warm({ encoder: true });
      return success(null);
    });
    this.ctx.waitUntil(warming.catch(() => undefined));
    return warming;
  }

  /** The isolate's engine, for a caller holding `revision`: vectors of another model would be wrong. */
  private async engine(revision: string, options: { warmUp?: boolean } = {}) {
    const { modelPrefix } = readConfig(this.env);
    const engine = await engines.get(
      modelPrefix,
      () => ClipEngine.open(r2Store(this.env.MODELS, modelPrefix), { ortWasm }),
      options,
    );
    if (engine.info.revision !== revision) {
      return failure("revision_mismatch", `this text Worker serves revision ${engine.info.revision}`);
    }
    return success(engine);
  }

  override fetch(request: Request) {
    return debug.fetch(request, this.env, this.ctx);
  }
}

const debug = new Hono().route("/debug", debugRoutes);
