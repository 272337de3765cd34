import { ModelUnavailableError } from "./errors";

/**
 * Where a model package's files come from: an R2 bucket in the Worker, a directory in Node.
 * Paths are relative to the package root, "/"-separated.
 */
export interface ModelStore {
  /** The file's bytes in a new array the caller owns (and may free), or null when it does not exist. */
  read(path: string): Promise<Uint8Array | null>;
  /**
   * The file as a stream with its stored size, or null when it does not exist. Optional: a store
   * without it is read whole (Node), one with it lets a model flow into ORT's heap chunk by chunk.
   */
  stream?(path: string): Promise<{ size: number; body: ReadableStream<Uint8Array> } | null>;
  /** Where the package lives, for error messages (never contains secrets). */
  readonly location: string;
}

/** The part of an R2 binding a store needs (kept structural so this file has no Worker types). */
export interface R2Reader {
  get(
    key: string,
    options?: { range: { offset: number; length: number } },
  ): Promise<{ arrayBuffer(): Promise<ArrayBuffer>; size: number } | null>;
}

/**
 * Bytes per ranged read when streaming. An R2 body stream arrives in 4 KiB pieces and, measured in
 * workerd with three isolates loading at once, took up to 8 s for 64 MB; a few large ranged reads take
 * well under a second, and one range held beside the heap is a small part of the 110 MB budget.
 */
export const R2_RANGE_BYTES = 4 * 1024 * 1024;

export function r2Store(r2: R2Reader, prefix: string, rangeBytes = R2_RANGE_BYTES): ModelStore {
  const root = prefix.replace(/\/+$/, "");
  // A failed read (R2 down, a dropped body) is a 503 with Retry-After like a missing model, not our bug.
  const unavailable = (key: string, error: unknown) =>
    new ModelUnavailableError(
      "model_storage_unavailable",
      `cannot read r2://${key}: ${(error as Error).message}`,
    );
  const bucket: R2Reader = {
    async get(key, options) {
      const object = await r2.get(key, options).catch((error) => {
        throw unavailable(key, error);
      });
      if (!object) return null;
      return {
        size: object.size,
        arrayBuffer: () =>
          object.arrayBuffer().catch((error) => {
            throw unavailable(key, error);
          }),
      };
    },
  };
  return {
    location: `r2://${root}`,
    async read(path) {
      const object = await bucket.get(`${root}/${path}`);
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
    async stream(path) {
      const key = `${root}/${path}`;
      const range = (offset: number) => ({ range: { offset, length: rangeBytes } });
      let next = await bucket.get(key, range(0));
      if (!next) return null;
      const { size } = next;
      let offset = 0;
      // The stream's queue (high-water mark 1) pulls the next range as soon as one is taken: R2 reads it
      // while the loader copies and hashes the one before (test/model/r2-store.test.ts).
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          next ??= await bucket.get(key, range(offset));
          // Gone or shorter mid-read (a new install): the loader's size check reports it.
          const bytes = next ? new Uint8Array(await next.arrayBuffer()) : new Uint8Array();
          next = null;
          offset += bytes.byteLength;
          if (bytes.byteLength > 0) controller.enqueue(bytes);
          if (bytes.byteLength === 0 || offset >= size) controller.close();
        },
      });
      return { size, body };
    },
  };
}
