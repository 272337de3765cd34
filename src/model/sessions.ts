import type { InferenceSession, Tensor } from "onnxruntime-web/wasm";
import { PromiseCache } from "../lib/promise-cache";

/**
 * An ORT session whose runs never overlap: ORT-web's WASM backend shares one heap and one thread, and a
 * second `run` entering while the first awaits would interleave their tensor copies.
 */
export class SerialSession {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly session: InferenceSession) {}

  /** `fetches`: the outputs to return (default all); ORT copies only these out of its heap. */
  run(feeds: Record<string, Tensor>, fetches?: string[]): Promise<InferenceSession.OnnxValueMapType> {
    const result = this.queue.then(() =>
      fetches ? this.session.run(feeds, fetches) : this.session.run(feeds),
    );
    this.queue = result.catch(() => undefined);
    return result;
  }
}

// Module scope: one session per model file for the isolate's life (WASM memory never shrinks, so a
// second copy would cost its full size for good).
const sessions = new PromiseCache<string, SerialSession>();

/**
 * The session for `key` (model revision + file), created once. Concurrent first callers share the one
 * creation; a failed creation is forgotten so that a later call tries again (`warmUp`: see PromiseCache).
 */
export function cachedSession(
  key: string,
  create: () => Promise<InferenceSession>,
  options: { warmUp?: boolean } = {},
): Promise<SerialSession> {
  return sessions.get(key, async () => new SerialSession(await create()), options);
}

/** Keys of the sessions created or being created (for tests and the memory report). */
export function sessionKeys(): string[] {
  return sessions.keys();
}
