import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PromiseCache } from "./promise-cache";

const compiled = new PromiseCache<string, WebAssembly.Module>();

/**
 * A WASM file of a dependency (e.g. "onnxruntime-web/ort-wasm-simd-threaded.wasm"), compiled once per
 * process. Node only: unlike workerd, Node may compile WASM from bytes; the Workers import it compiled.
 */
export function nodeWasm(specifier: string): Promise<WebAssembly.Module> {
  const path = createRequire(import.meta.url).resolve(specifier);
  return compiled.get(path, async () => WebAssembly.compile(new Uint8Array(await readFile(path))));
}
