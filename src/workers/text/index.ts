import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { PromiseCache } from "../../lib/promise-cache";
import { ClipEngine } from "../../model/engine";
import { ModelUnavailableError } from "../../model/package/load";
import { r2Store } from "../../model/package/store";
import { serviceError } from "../../model/remote/call";
import { EMBED_PATH, isEmbedRequest, packEmbeddings } from "../../model/remote/text-protocol";

/**
 * The text encoder's own Worker (wrangler.text.toml), reached only through the main Worker's
 * TEXT_ENCODER service binding: its isolate holds the text session, never the vision tower's.
 */
export interface TextWorkerEnv {
  MODELS: R2Bucket;
  MODEL_PREFIX: string;
}

// One engine per isolate, for the active model prefix.
const engines = new PromiseCache<string, ClipEngine>(1);

export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname !== EMBED_PATH || request.method !== "POST") {
      return serviceError(404, { code: "not_found", message: "POST /embed is the only endpoint" });
    }
    const body = await request.json().catch(() => null);
    if (!isEmbedRequest(body)) {
      return serviceError(400, { code: "bad_request", message: "expected {revision, prompts[], scope?}" });
    }
    try {
      const engine = await engines.get(env.MODEL_PREFIX, () =>
        ClipEngine.open(r2Store(env.MODELS, env.MODEL_PREFIX), { ortWasm }),
      );
      if (engine.info.revision !== body.revision) {
        return serviceError(409, {
          code: "revision_mismatch",
          message: `this text Worker serves revision ${engine.info.revision}`,
        });
      }
      return new Response(packEmbeddings(await engine.embedTexts(body.prompts, body.scope)), {
        headers: { "content-type": "application/octet-stream" },
      });
    } catch (error) {
      if (error instanceof ModelUnavailableError) {
        return serviceError(503, { code: error.code, message: error.message });
      }
      throw error;
    }
  },
} satisfies ExportedHandler<TextWorkerEnv>;
