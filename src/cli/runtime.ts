import { nodeWebpModule } from "../image/webp/wasm-node";
import { nodeWasm } from "../lib/node-wasm.node";
import type { EngineRuntime } from "../model/engine";

/** The same WASM the Worker imports, compiled from node_modules. */
export async function nodeRuntime(): Promise<EngineRuntime> {
  return { ortWasm: await nodeWasm("onnxruntime-web/ort-wasm-simd-threaded.wasm"), webpWasm: nodeWebpModule };
}
