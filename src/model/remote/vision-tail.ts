import type { FloatTensor } from "../onnx-towers";
import { callRemote, type RemoteResult } from "./rpc";

/**
 * The vision-tail Worker's RPC interface (src/workers/vision-tail), reached through the VISION_TAIL
 * service binding. `run` takes stage 1's hidden state (150 KB of float32 for [1, 50, 768]) and answers
 * the image embedding; `warm` creates the tail's sessions now, so they exist by the time the photo is
 * decoded. A revision other than the tail's own is refused (`revision_mismatch`): the two halves must
 * be of one model.
 */
export interface VisionTailRpc {
  run(revision: string, hidden: FloatTensor): Promise<RemoteResult<Float32Array>>;
  warm(revision: string): Promise<RemoteResult<null>>;
}

/** RPC checks types only at compile time: the tail checks the tensor it was sent before touching ORT. */
export function isFloatTensor(value: unknown): value is FloatTensor {
  const t = value as FloatTensor;
  return (
    t?.data instanceof Float32Array &&
    Array.isArray(t.dims) &&
    t.dims.length > 0 &&
    t.dims.every((d) => Number.isSafeInteger(d) && d > 0) &&
    t.dims.reduce((a, b) => a * b, 1) === t.data.length
  );
}

const TAIL = { worker: "the vision-tail Worker", unavailable: "vision_tail_unavailable" } as const;

/**
 * The tail as the split image tower sees it (see splitImageTower). Past `timeoutMs` (VISION_TAIL_TIMEOUT_MS,
 * src/config/env.ts) the photo gets a 503: a warm tail answers in well under a second and a cold one loads
 * its half of the tower in a few, so a tail that takes longer is down or stuck, not slow.
 */
export function visionTailClient(tail: VisionTailRpc, revision: string, timeoutMs: number) {
  return (hidden: FloatTensor): Promise<Float32Array> =>
    callRemote({ ...TAIL, timeoutMs }, async () => {
      const result = await tail.run(revision, hidden);
      if (result.ok && !(result.value instanceof Float32Array && result.value.length > 0))
        return { ok: false, code: "bad_request", message: "sent no embedding" };
      return result;
    });
}

/**
 * Wakes the tail (see splitImageTower): asked on every photo, since the tail's isolate may be new while
 * ours is not; a warm tail answers at once. Its failure is the photo's `run` to report.
 */
export function visionTailWarmer(tail: VisionTailRpc, revision: string): () => Promise<void> {
  return () => callRemote(TAIL, () => tail.warm(revision)).then(() => undefined);
}
