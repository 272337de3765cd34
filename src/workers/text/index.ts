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
    const { modelPrefix } = readConfig(this.env);
    return served(async () => {
      const engine = await engines.get(modelPrefix, () =>
        ClipEngine.open(r2Store(this.env.MODELS, modelPrefix), { ortWasm }),
      );
      if (engine.info.revision !== request.revision) {
        return failure("revision_mismatch", `this text Worker serves revision ${engine.info.revision}`);
      }
      return success(await engine.embedTexts(request.prompts, request.scope));
    });
  }

  override fetch(request: Request) {
    return debug.fetch(request, this.env, this.ctx);
  }
}

const debug = new Hono().route("/debug", debugRoutes);
