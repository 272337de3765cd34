import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { ClipEngine, type EngineRuntime } from "../model/engine";
import { r2Store } from "../model/package/store";

// wrangler hands these over compiled: workerd may not compile WASM from bytes.
const runtime: EngineRuntime = {
  ortWasm,
  webpWasm: async () => (await import("../model/image/webp/wasm-worker")).default,
};

let engine: { prefix: string; opening: Promise<ClipEngine> } | undefined;

/**
 * The isolate's engine for the active model package in R2, opened once and shared by all requests.
 * A failed open is not kept, so the next request tries again (e.g. after `dermedge model install`).
 */
export function getEngine(env: Pick<Env, "MODELS" | "MODEL_PREFIX">): Promise<ClipEngine> {
  if (engine?.prefix !== env.MODEL_PREFIX) {
    const opening = ClipEngine.open(r2Store(env.MODELS, env.MODEL_PREFIX), runtime);
    const current = { prefix: env.MODEL_PREFIX, opening };
    engine = current;
    opening.catch(() => {
      if (engine === current) engine = undefined;
    });
  }
  return engine.opening;
}
