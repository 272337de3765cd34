import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import webpWasm from "../../image/webp/wasm-worker";
import { MemoryBudget } from "../../lib/memory-budget";
import { PromiseCache } from "../../lib/promise-cache";
import { ClipEngine, type EngineRuntime } from "../../model/engine";
import { splitImageTower } from "../../model/onnx-towers";
import { r2Store } from "../../model/package/store";
import {
  VISION_TAIL_TIMEOUT_MS,
  visionTailClient,
  visionTailWarmer,
} from "../../model/remote/vision-tail-protocol";
import { type TextTowerBindings, workerTextTower } from "./text-tower";

// wrangler hands these over compiled: workerd may not compile WASM from bytes. libwebp's is small (138 KB).
const wasm = { ortWasm, webpWasm: async () => webpWasm };

const DEFAULT_DECODE_BUDGET = 40 * 2 ** 20;
// One budget per isolate: its concurrent requests share the isolate's memory.
let decodeBudget: MemoryBudget | undefined;

function runtime(budgetVar: string | undefined): EngineRuntime {
  decodeBudget ??= new MemoryBudget(Number(budgetVar) || DEFAULT_DECODE_BUDGET);
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
  env: Pick<Env, "MODELS" | "MODEL_PREFIX" | "VISION_TAIL"> &
    TextTowerBindings & { DECODE_MEMORY_BUDGET?: string; VISION_TAIL_TIMEOUT_MS?: string },
): Promise<ClipEngine> {
  return engines.get(env.MODEL_PREFIX, () =>
    ClipEngine.open(r2Store(env.MODELS, env.MODEL_PREFIX), runtime(env.DECODE_MEMORY_BUDGET), {
      image: (context) =>
        splitImageTower(
          context,
          visionTailClient(
            env.VISION_TAIL,
            context.manifest.revision,
            Number(env.VISION_TAIL_TIMEOUT_MS) || VISION_TAIL_TIMEOUT_MS,
          ),
          visionTailWarmer(env.VISION_TAIL, context.manifest.revision),
        ),
      text: workerTextTower(env),
    }),
  );
}
