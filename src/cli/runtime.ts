import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { nodeWebpModule } from "../image/webp/wasm-node";
import type { EngineRuntime } from "../model/engine";

let ortWasm: Promise<WebAssembly.Module> | undefined;

/** The same WASM the Worker imports, compiled from node_modules (Node may compile from bytes). */
export async function nodeRuntime(): Promise<EngineRuntime> {
  const path = createRequire(import.meta.url).resolve("onnxruntime-web/ort-wasm-simd-threaded.wasm");
  ortWasm ??= readFile(path).then((bytes) => WebAssembly.compile(new Uint8Array(bytes)));
  return { ortWasm: await ortWasm, webpWasm: nodeWebpModule };
}
