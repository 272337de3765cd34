import { Hono } from "hono";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { PromiseCache } from "../../lib/promise-cache";
import { hold } from "../../model/memory";
import { runVisionStages, towerSession, visionStages } from "../../model/onnx-towers";
import { ModelUnavailableError, readManifest } from "../../model/package/load";
import type { ModelManifest } from "../../model/package/manifest";
import { r2Store } from "../../model/package/store";
import { serviceError } from "../../model/remote/call";
import { parseDims, STAGE_PATH, WARM_PATH } from "../../model/remote/vision-tail-protocol";
import { debugRoutes } from "../debug";

/**
 * The vision tower's later stages in their own Worker (wrangler.vision-tail.toml), reached only through
 * the main Worker's VISION_TAIL service binding: each isolate holds about half the tower's weights.
 */
export interface VisionTailEnv {
  MODELS: R2Bucket;
  MODEL_PREFIX: string;
  /** "1" mounts GET /debug/memory. */
  DEBUG_MEMORY?: string;
}

// The manifest is read once per isolate; a failed read is retried by the next request.
const manifests = new PromiseCache<string, ModelManifest>(1);
const readActiveManifest = (env: VisionTailEnv) =>
  manifests.get(env.MODEL_PREFIX, () => readManifest(r2Store(env.MODELS, env.MODEL_PREFIX)));

const app = new Hono<{ Bindings: VisionTailEnv }>();

app.post(STAGE_PATH, async (c) => {
  const dims = parseDims(c.req.header("x-dims") ?? null);
  if (!dims) return serviceError(400, { code: "bad_request", message: "x-dims must be positive integers" });
  try {
    const store = r2Store(c.env.MODELS, c.env.MODEL_PREFIX);
    const current = await readActiveManifest(c.env);
    if (current.revision !== c.req.header("x-revision")) {
      return serviceError(409, {
        code: "revision_mismatch",
        message: `this vision tail serves revision ${current.revision}`,
      });
    }
    const body = await c.req.arrayBuffer();
    const release = hold("request body", body.byteLength);
    try {
      if (body.byteLength !== dims.reduce((a, b) => a * b, 4))
        return serviceError(400, { code: "bad_request", message: "body does not match x-dims" });
      const stages = visionStages(current).slice(1);
      const context = { store, manifest: current, ortWasm };
      const { data } = await runVisionStages(context, stages, { data: new Float32Array(body), dims });
      return c.body(new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength), 200, {
        "content-type": "application/octet-stream",
      });
    } finally {
      release();
    }
  } catch (error) {
    if (error instanceof ModelUnavailableError) {
      return serviceError(503, { code: error.code, message: error.message });
    }
    throw error;
  }
});

// The main Worker's wake-up call, sent as a photo arrives: sessions are created while it decodes.
app.post(WARM_PATH, async (c) => {
  try {
    const current = await readActiveManifest(c.env);
    if (current.revision !== c.req.header("x-revision")) {
      return serviceError(409, {
        code: "revision_mismatch",
        message: `this vision tail serves revision ${current.revision}`,
      });
    }
    const context = { store: r2Store(c.env.MODELS, c.env.MODEL_PREFIX), manifest: current, ortWasm };
    for (const stage of visionStages(current).slice(1)) await towerSession(context, stage);
    return c.body(null, 204);
  } catch (error) {
    if (error instanceof ModelUnavailableError) {
      return serviceError(503, { code: error.code, message: error.message });
    }
    throw error;
  }
});

app.route("/debug", debugRoutes);

export default app;
