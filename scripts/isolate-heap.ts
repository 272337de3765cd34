import WebSocket from "ws";

export interface HeapUsage {
  /** Bytes of live and not-yet-collected JS objects in the isolate's V8 heap. */
  usedBytes: number;
  /** Bytes V8 has reserved for that heap. */
  totalBytes: number;
  /**
   * Bytes of ArrayBuffer backing stores outside the heap (photos, decode buffers, tensors); WebAssembly
   * memories are not among them (read those from the isolate's own accounting). 0 where V8 omits it.
   */
  backingStoreBytes: number;
}

export interface HeapProbe {
  usage(): Promise<HeapUsage>;
  /**
   * A full garbage collection in the isolate, so that what is left is live. workerd's inspector never
   * answers `HeapProfiler.collectGarbage`; a heap snapshot starts with a full collection (its chunks are
   * sent as events, and dropped here).
   */
  collectGarbage(): Promise<void>;
  close(): void;
}

/**
 * The JS heap of the Worker that `wrangler dev` debugs (the API Worker, the first config), read over the
 * DevTools protocol from wrangler's inspector (`Runtime.getHeapUsage`), or of any one isolate from
 * workerd's own inspector (`ws://host:port/core:user:<worker>`). workerd runs every Worker in one
 * process, so its RSS cannot tell one isolate from another; this can.
 */
export async function connectHeapProbe(inspectorUrl: string, timeoutMs = 10_000): Promise<HeapProbe> {
  const socket = new WebSocket(inspectorUrl);
  await new Promise<void>((done, fail) => {
    socket.once("open", () => done());
    socket.once("error", fail);
  });
  const pending = new Map<number, (result: unknown) => void>();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
    pending.delete(message.id ?? -1);
  });
  let next = 0;
  const send = <T>(method: string): Promise<T> =>
    new Promise((done, fail) => {
      const id = ++next;
      const timer = setTimeout(() => fail(new Error(`${method}: no answer from the inspector`)), timeoutMs);
      pending.set(id, (result) => {
        clearTimeout(timer);
        done(result as T);
      });
      socket.send(JSON.stringify({ id, method }));
    });
  return {
    async usage() {
      const { usedSize, totalSize, backingStorageSize } = await send<{
        usedSize: number;
        totalSize: number;
        backingStorageSize?: number;
      }>("Runtime.getHeapUsage");
      return { usedBytes: usedSize, totalBytes: totalSize, backingStoreBytes: backingStorageSize ?? 0 };
    },
    async collectGarbage() {
      await send("HeapProfiler.takeHeapSnapshot");
    },
    close: () => socket.close(),
  };
}
