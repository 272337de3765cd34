import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { ClipEngine } from "../model/engine";
import { ModelUnavailableError } from "../model/package/load";
import { r2Store } from "../model/package/store";
import { openOnce } from "../service/open-once";
import { EMBED_PATH, isEmbedRequest, packEmbeddings } from "./protocol";

/**
 * The text encoder's own Worker (wrangler.text.toml), reached only through the main Worker's
 * TEXT_ENCODER service binding: its isolate holds the text session, never the vision tower's.
 */
export interface TextWorkerEnv {
  MODELS: R2Bucket;
  MODEL_PREFIX: string;
}

const engineFor = openOnce<ClipEngine>();

export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname !== EMBED_PATH || request.method !== "POST") {
      return new Response("not found", { status: 404 });
    }
    const body = await request.json().catch(() => null);
    if (!isEmbedRequest(body)) return new Response("expected {revision, prompts[]}", { status: 400 });
    try {
      const engine = await engineFor(env.MODEL_PREFIX, () =>
        ClipEngine.open(r2Store(env.MODELS, env.MODEL_PREFIX), { ortWasm }),
      );
      if (engine.info.revision !== body.revision) {
        return new Response(`this text Worker serves revision ${engine.info.revision}`, { status: 409 });
      }
      return new Response(packEmbeddings(await engine.embedTexts(body.prompts)), {
        headers: { "content-type": "application/octet-stream" },
      });
    } catch (error) {
      if (error instanceof ModelUnavailableError) return new Response(error.message, { status: 503 });
      throw error;
    }
  },
} satisfies ExportedHandler<TextWorkerEnv>;
