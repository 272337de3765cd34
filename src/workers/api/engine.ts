import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { type ConfigVar, readConfig } from "../../config/env";
import webpWasm from "../../image/webp/wasm-worker";
import { MemoryBudget } from "../../lib/memory-budget";
import { PromiseCache } from "../../lib/promise-cache";
import { ClipEngine, type EngineRuntime } from "../../model/engine";
import { splitImageTower } from "../../model/onnx-towers";
import { r2Store } from "../../model/package/store";
import { visionTailClient, visionTailWarmer } from "../../model/remote/vision-tail";
import { workerTextTower } from "./text-tower";

// wrangler hands these over compiled: workerd may not compile WASM from bytes. libwebp's is small (138 KB).
const wasm = { ortWasm, webpWasm: async () => webpWasm };

// One budget per isolate: its concurrent requests share the isolate's memory.
let decodeBudget: MemoryBudget | undefined;

function runtime(budgetBytes: number): EngineRuntime {
  decodeBudget ??= new MemoryBudget(budgetBytes);
  return { ...wasm, decodeBudget };
}

// One engine per isolate, for the active model prefix.
const engines = new PromiseCache<string, ClipEngine>(1);

/**
 * The isolate's engine for the active model package in R2, opened once and shared by all requests.
 * A packed package's vision tower is split: its first stage runs here, the rest in the vision-tail
 * Worker, so neither isolate holds the whole tower (an unpacked package runs whole, here). The text
 * tower is the text Worker behind caches (see text-tower.ts).
 */
export function getEngine(
  env: Pick<Env, "MODELS" | "VISION_TAIL" | "TEXT_ENCODER" | "TEXT_EMBEDDINGS" | ConfigVar>,
): Promise<ClipEngine> {
  const config = readConfig(env);
  return engines.get(config.modelPrefix, () =>
    ClipEngine.open(r2Store(env.MODELS, config.modelPrefix), runtime(config.decodeMemoryBudget), {
      image: (context) =>
        splitImageTower(
          context,
          visionTailClient(env.VISION_TAIL, context.manifest.revision, config.visionTailTimeoutMs),
          visionTailWarmer(env.VISION_TAIL, context.manifest.revision),
        ),
      text: workerTextTower(env),
    }),
  );
}
