/**
 * Where a model package's files come from: an R2 bucket in the Worker, a directory in Node.
 * Paths are relative to the package root, "/"-separated.
 */
export interface ModelStore {
  /** The file's bytes, or null when it does not exist. */
  read(path: string): Promise<Uint8Array | null>;
  /** Where the package lives, for error messages (never contains secrets). */
  readonly location: string;
}

/** The part of an R2 binding a store needs (kept structural so this file has no Worker types). */
export interface R2Reader {
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
}

export function r2Store(bucket: R2Reader, prefix: string): ModelStore {
  const root = prefix.replace(/\/+$/, "");
  return {
    location: `r2://${root}`,
    async read(path) {
      const object = await bucket.get(`${root}/${path}`);
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
  };
}
