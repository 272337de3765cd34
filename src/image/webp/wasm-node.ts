import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

let compiled: Promise<WebAssembly.Module> | undefined;

/** libwebp's decoder for Node, compiled from node_modules once per process (Node may compile from bytes). */
export function nodeWebpModule(): Promise<WebAssembly.Module> {
  const path = createRequire(import.meta.url).resolve("@jsquash/webp/codec/dec/webp_dec.wasm");
  compiled ??= readFile(path).then((bytes) => WebAssembly.compile(new Uint8Array(bytes)));
  return compiled;
}
