import { WorkerEntrypoint } from "cloudflare:workers";
import { Hono } from "hono";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { readConfig } from "../../config/env";
import { PromiseCache } from "../../lib/promise-cache";
import { hold } from "../../model/memory";
import { type FloatTensor, runVisionStages, visionStages, warmSessions } from "../../model/onnx-towers";
import { readManifest } from "../../model/package/load";
import type { ModelManifest } from "../../model/package/manifest";
import { r2Store } from "../../model/package/store";
import { failure, served, success } from "../../model/remote/rpc";
import { isFloatTensor, type VisionTailRpc } from "../../model/remote/vision-tail";
import { debugRoutes } from "../debug";

type TailEnv = Pick<Env, "MODELS" | "MODEL_PREFIX" | "DEBUG_MEMORY">;

// The manifest is read once per isolate; a failed read is retried by the next request.
const manifests = new PromiseCache<string, ModelManifest>(1);

/**
 * The vision tower's later stages in their own Worker (wrangler.vision-tail.toml), reached only through
 * the main Worker's VISION_TAIL service binding (Workers RPC): each isolate holds about half the tower's
 * weights. Its fetch serves only GET /debug/memory (when DEBUG_MEMORY is "1").
 */
export default class VisionTailWorker extends WorkerEntrypoint<TailEnv> implements VisionTailRpc {
  async run(revision: string, hidden: FloatTensor) {
    if (!isFloatTensor(hidden)) return failure("bad_request", "expected {data: Float32Array, dims}");
    return served(async () => {
      const context = await tailContext(this.env, revision);
      if (!context.ok) return context;
      const release = hold("stage input", hidden.data.byteLength);
      try {
        const stages = visionStages(context.value.manifest).slice(1);
        return success((await runVisionStages(context.value, stages, hidden)).data);
      } finally {
        release();
      }
    });
  }

  /**
   * The main Worker's wake-up call, sent as a photo arrives: sessions are created while it decodes.
   * Kept alive by waitUntil past this call, even if the caller goes away: a `run` may be waiting on it.
   */
  async warm(revision: string) {
    const warming = served(async () => {
      const context = await tailContext(this.env, revision, { warmUp: true });
      if (!context.ok) return context;
      await warmSessions(context.value, visionStages(context.value.manifest).slice(1));
      return success(null);
    });
    this.ctx.waitUntil(warming.catch(() => undefined));
    return warming;
  }

  override fetch(request: Request) {
    return debug.fetch(request, this.env, this.ctx);
  }
}

const debug = new Hono().route("/debug", debugRoutes);

/** The tail's model, for a caller holding `revision`: the two halves must be of one model. */
async function tailContext(env: TailEnv, revision: string, options: { warmUp?: boolean } = {}) {
  const { modelPrefix } = readConfig(env);
  const store = r2Store(env.MODELS, modelPrefix);
  const manifest = await manifests.get(modelPrefix, () => readManifest(store), options);
  if (manifest.revision !== revision) {
    return failure("revision_mismatch", `this vision tail serves revision ${manifest.revision}`);
  }
  return success({ store, manifest, ortWasm });
}
