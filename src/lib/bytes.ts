/** The parts one after another in one new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Gives an array's memory back at once instead of at V8's next garbage collection: unreferenced
 * ArrayBuffers still count against the isolate until then, and V8 lets about 64 MB of them pile up
 * before it collects (measured: the text isolate held its whole 66 MB model twice, in ORT's heap and in
 * dead R2 chunks). Detaching (ES2024 `transfer(0)`) frees the backing store; the array reads as empty
 * afterwards. Only an array that is its whole buffer is detached: a view into someone else's buffer is
 * not ours to free. Where `transfer` is missing (Node 20) or the buffer cannot be detached, nothing happens.
 */
export function freeNow(array: ArrayBufferView): void {
  const buffer = array.buffer as ArrayBuffer & { transfer?(length: number): ArrayBuffer };
  if (!buffer.transfer || array.byteOffset !== 0 || array.byteLength !== buffer.byteLength) return;
  try {
    buffer.transfer(0);
  } catch {
    // Not detachable (a WebAssembly memory's, or a native library's): V8 collects it as before.
  }
}
