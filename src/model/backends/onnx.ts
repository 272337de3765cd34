import * as ort from "onnxruntime-web/wasm";

/**
 * onnxruntime-web's WASM backend, started from a `WebAssembly.Module` the host provides.
 *
 * workerd refuses to compile WASM from bytes, so the Worker imports the .wasm file (wrangler hands it
 * over compiled) and Node compiles it from disk; both pass the Module here. ORT 1.30 has no hook for a
 * precompiled Module, so we give it a marker instead of the real binary and intercept the one
 * `WebAssembly.instantiate` call that receives the marker.
 */

// Not valid WASM (bad version field), so it can never be mistaken for a real binary.
const MARKER = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0xde, 0x4d, 0xed, 0x9e]);

let ortModule: WebAssembly.Module | undefined;
let ortMemory: WebAssembly.Memory | undefined;

function isMarker(source: unknown): boolean {
  if (!(source instanceof Uint8Array) || source.length !== MARKER.length) return false;
  return MARKER.every((b, i) => source[i] === b);
}

function interceptInstantiate(): void {
  const original = WebAssembly.instantiate;
  const patched = async (source: unknown, imports?: WebAssembly.Imports) => {
    if (ortModule && isMarker(source)) {
      const instance = await original.call(WebAssembly, ortModule, imports);
      ortMemory = findMemory(instance.exports) ?? findMemory(imports?.a ?? imports?.env ?? {});
      return { instance, module: ortModule };
    }
    return (original as (s: unknown, i?: WebAssembly.Imports) => Promise<unknown>).call(
      WebAssembly,
      source,
      imports,
    );
  };
  WebAssembly.instantiate = patched as typeof WebAssembly.instantiate;
}

// The threaded build imports its memory; others export it. Either way it is the only Memory there.
function findMemory(namespace: object): WebAssembly.Memory | undefined {
  return Object.values(namespace).find((v): v is WebAssembly.Memory => v instanceof WebAssembly.Memory);
}

/** Points ORT at the compiled Module. Idempotent; the first Module given wins for the isolate's life. */
export function useOrtWasm(module: WebAssembly.Module): typeof ort {
  if (!ortModule) {
    ortModule = module;
    interceptInstantiate();
    ort.env.wasm.wasmBinary = MARKER;
    ort.env.wasm.numThreads = 1; // Workers have one thread and no SharedArrayBuffer.
    ort.env.wasm.proxy = false;
    ort.env.logLevel = "error";
  }
  return ort;
}

/** Bytes of ORT's WASM linear memory (0 before the first session). It only ever grows. */
export function ortHeapBytes(): number {
  return ortMemory?.buffer.byteLength ?? 0;
}

export type { ort };
