import { ortHeapBytes } from "./backends/onnx";

/**
 * Memory accounting for tests, benchmarks and the debug endpoint. workerd does not enforce the 128 MB
 * isolate limit locally, so what counts is tallied here: ORT's WASM linear memory (it only grows) and
 * the ArrayBuffers the engine holds (model bytes on their way to ORT, the photo, decode buffers,
 * tensors). The peak is sampled whenever a holding starts or ends and after every session creation and
 * run; WASM memory only grows, so the true peak is at most a sample's held bytes plus the final heap.
 */

const held = new Map<string, number>();
const sessionHeap = new Map<string, number>();
let peak = 0;
let peakHeld = 0;

export interface MemoryReport {
  /** ORT's WASM linear memory. */
  wasmBytes: number;
  /** WASM growth while each session was created, by session key (revision/file). */
  sessionWasmBytes: Record<string, number>;
  /** ArrayBuffers the engine holds now, by purpose. */
  heldBytes: Record<string, number>;
  /** wasmBytes + held now. */
  totalBytes: number;
  /** Highest held total since the isolate started or the last resetPeak. */
  peakHeldBytes: number;
  /** Highest wasm + held sampled since the isolate started or the last resetPeak. */
  peakBytes: number;
}

function heldTotal(): number {
  let sum = 0;
  for (const bytes of held.values()) sum += bytes;
  return sum;
}

/** Records the current total as a peak candidate. */
export function sampleMemory(): void {
  const bytes = heldTotal();
  peakHeld = Math.max(peakHeld, bytes);
  peak = Math.max(peak, ortHeapBytes() + bytes);
}

/** Counts `bytes` under `purpose` until the returned release is called (which is idempotent). */
export function hold(purpose: string, bytes: number): () => void {
  held.set(purpose, (held.get(purpose) ?? 0) + bytes);
  sampleMemory();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    sampleMemory();
    const left = (held.get(purpose) ?? 0) - bytes;
    if (left > 0) held.set(purpose, left);
    else held.delete(purpose);
  };
}

/**
 * Counts a changing set of arrays under `purpose`: each `set` replaces the last, sampled as it goes, so
 * that a loop's live tensors (a decoder's cache, step after step) are in the peak without being counted
 * twice.
 */
export class HeldArrays {
  private release = () => {};

  constructor(private readonly purpose: string) {}

  set(arrays: ArrayBufferView[]): void {
    this.release();
    const bytes = arrays.reduce((n, a) => n + a.byteLength, 0);
    this.release = bytes > 0 ? hold(this.purpose, bytes) : () => {};
  }
}

/** Runs `create` and records the WASM growth it caused under `key`. */
export async function measureCreation<T>(key: string, create: () => Promise<T>): Promise<T> {
  const before = ortHeapBytes();
  const result = await create();
  sampleMemory();
  sessionHeap.set(key, ortHeapBytes() - before);
  return result;
}

export function memoryReport(): MemoryReport {
  const wasmBytes = ortHeapBytes();
  const heldBytes = Object.fromEntries(held);
  return {
    wasmBytes,
    sessionWasmBytes: Object.fromEntries(sessionHeap),
    heldBytes,
    totalBytes: wasmBytes + heldTotal(),
    peakHeldBytes: Math.max(peakHeld, heldTotal()),
    peakBytes: Math.max(peak, wasmBytes + heldTotal()),
  };
}

/** Starts a new peak measurement from the current total. */
export function resetPeak(): void {
  peakHeld = heldTotal();
  peak = ortHeapBytes() + peakHeld;
}
