import * as ort from "onnxruntime-web/wasm";
import { PromiseCache } from "../../lib/promise-cache";
import { ModelUnavailableError } from "../package/load";

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
let ortHeap: { malloc: (size: number) => number; free: (pointer: number) => void } | undefined;
// Blocks the model bytes live in (see pinnedAlloc): ORT frees the model buffer it was given once the
// session exists, but a session made with use_ort_model_bytes_for_initializers keeps using it.
const pinned = new Set<number>();

/**
 * ORT 1.30.0's wasm exports malloc and free under minified names (the glue reads `_malloc = wasmExports.wb`,
 * `_free = wasmExports.vb`). They change with every build: pinned here, checked by `ortVersionSupported`
 * and by test/model/heap-loader.test.ts.
 */
const HEAP_EXPORTS = { version: "1.30.0", malloc: "wb", free: "vb" } as const;

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
      if (ortMemory) limitOvergrowth(ortMemory);
      return { instance: { exports: withPinnedFree(instance.exports) }, module: ortModule };
    }
    return (original as (s: unknown, i?: WebAssembly.Imports) => Promise<unknown>).call(
      WebAssembly,
      source,
      imports,
    );
  };
  WebAssembly.instantiate = patched as typeof WebAssembly.instantiate;
}

/** The glue copies the exports object it is given, so a wrapped `free` is the one ORT calls. */
function withPinnedFree(exports: WebAssembly.Exports): WebAssembly.Exports {
  const malloc = exports[HEAP_EXPORTS.malloc];
  const free = exports[HEAP_EXPORTS.free];
  if (
    ort.env.versions.web !== HEAP_EXPORTS.version ||
    typeof malloc !== "function" ||
    typeof free !== "function"
  ) {
    return exports; // an unknown build: heap loading is refused (ortHeapAvailable) and ORT runs as usual
  }
  const mallocFn = malloc as (size: number) => number;
  const freeFn = free as (pointer: number) => void;
  ortHeap = { malloc: (size) => mallocFn(size) >>> 0, free: freeFn };
  return {
    ...exports,
    [HEAP_EXPORTS.free]: (pointer: number) => {
      if (!pinned.has(pointer >>> 0)) freeFn(pointer);
    },
  };
}

const PAGE = 65536;
const pagesFor = (bytes: number) => Math.ceil(bytes / PAGE);

/**
 * Emscripten grows the heap it needs by 20% more (then tries 10%, then 5%, then fails), so creating a
 * session 1 MB over the free space added 11 to 15 MB that stay for good (WASM memory never shrinks) and
 * count against the isolate's 128 MB. Refusing exactly the 20% and 10% targets makes it fall back to the
 * larger of the request and 5% more, and what is left unused is at most 5% of the heap. A request that
 * itself needs exactly one of those targets asks for it again at the next try: the same target asked
 * twice in a row is granted (else such a request fails with bad_alloc, as one did at 546 -> 601 pages).
 */
export function limitOvergrowth(memory: WebAssembly.Memory): void {
  const grow = memory.grow.bind(memory);
  let refused: number | undefined;
  memory.grow = (delta: number) => {
    const current = memory.buffer.byteLength;
    const target = pagesFor(current) + delta;
    const overgrown = target === pagesFor(current * 1.2) || target === pagesFor(current * 1.1);
    if (overgrown && target !== refused) {
      refused = target;
      throw new RangeError("DermEdge: heap growth over 5% beyond the request refused");
    }
    refused = undefined;
    return grow(delta);
  };
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

// ORT starts its WASM on its first session: a one-node model (Identity, float[1]) starts it so that its
// malloc exists before any model bytes arrive.
const BOOT_MODEL = "CAg6NwoQCgF4EgF5IghJZGVudGl0eRIBYloPCgF4EgoKCAgBEgQKAggBYg8KAXkSCgoICAESBAoCCAFCBAoAEA4=";
const started = new PromiseCache<"ort", void>(1);

/** Starts ORT's WASM (once per isolate) and says whether its heap can be written directly. */
export async function startOrt(module: WebAssembly.Module): Promise<boolean> {
  const runtime = useOrtWasm(module);
  await started.get("ort", async () => {
    const boot = Uint8Array.from(atob(BOOT_MODEL), (c) => c.charCodeAt(0));
    await (await runtime.InferenceSession.create(boot)).release();
  });
  return ortHeap !== undefined;
}

/**
 * Starts ORT and throws ModelUnavailableError (runtime_unsupported) unless its heap can be written
 * directly: another onnxruntime-web build has other minified export names, so `file` (a packed graph)
 * cannot be loaded in place. That is a deployment fault, not a bug: the model is unavailable until fixed.
 */
export async function requireOrtHeap(module: WebAssembly.Module, file: string): Promise<void> {
  if (await startOrt(module)) return;
  throw new ModelUnavailableError(
    "runtime_unsupported",
    `onnxruntime-web ${ort.env.versions.web} cannot load ${file} in place: its heap exports are pinned for ${HEAP_EXPORTS.version}`,
  );
}

/**
 * `size` bytes of ORT's heap that ORT's own `free` will not release: model bytes written here are
 * used in place by the session for its whole life. Returns the address; see `heapBytes`.
 */
export function pinnedAlloc(size: number): number {
  if (!ortHeap) throw new Error("ORT's heap is not available: call startOrt first");
  const pointer = ortHeap.malloc(size);
  if (pointer === 0) throw new Error(`ORT's heap could not allocate ${size} bytes`);
  pinned.add(pointer);
  return pointer;
}

/** Frees a pinned block (a load that failed before its session existed). */
export function pinnedFree(pointer: number): void {
  pinned.delete(pointer);
  ortHeap?.free(pointer);
}

/** A view of ORT's heap. Make a new one after anything that may grow the heap (it detaches the old). */
export function heapBytes(pointer: number, length: number): Uint8Array {
  if (!ortMemory) throw new Error("ORT's WASM has not started");
  return new Uint8Array(ortMemory.buffer, pointer, length);
}

/** Bytes of ORT's WASM linear memory (0 before the first session). It only ever grows. */
export function ortHeapBytes(): number {
  return ortMemory?.buffer.byteLength ?? 0;
}

export type { ort };
