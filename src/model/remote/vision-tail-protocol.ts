import type { FloatTensor } from "../onnx-towers";
import { callService, type ServiceFetcher } from "./call";

/**
 * The vision-tail Worker's one internal endpoint, spoken over the VISION_TAIL service binding:
 * POST /stage with stage 1's hidden state as raw float32 bytes (150 KB for [1, 50, 768]), its dims in
 * `x-dims` and the model revision in `x-revision` -> the raw image embedding as float32 bytes.
 * A revision other than the tail's own is refused with 409: the two halves must be of one model.
 */
export const STAGE_PATH = "/stage";

export function parseDims(header: string | null): number[] | null {
  const dims = header?.split(",").map(Number);
  return dims?.length && dims.every((d) => Number.isSafeInteger(d) && d > 0) ? dims : null;
}

/** POST /warm (`x-revision`): the tail creates its sessions now and answers 204 once they exist. */
export const WARM_PATH = "/warm";

/**
 * Wakes the tail (see splitImageTower's `warmTail`): one request per isolate of ours while it
 * succeeds; after a failure the next photo tries again.
 */
export function visionTailWarmer(tail: ServiceFetcher, revision: string): () => Promise<void> {
  let warming: Promise<void> | undefined;
  return () => {
    warming ??= callService(
      tail,
      `http://vision-tail${WARM_PATH}`,
      { method: "POST", headers: { "x-revision": revision } },
      "vision_tail_unavailable",
      async (response) => {
        await response.body?.cancel();
      },
    ).catch((error) => {
      warming = undefined;
      throw error;
    });
    return warming;
  };
}

/**
 * How long a photo waits for the tail's answer before a 503. A warm tail answers in well under a second
 * and a cold one loads its half of the tower in a few; past this it is down or stuck, not slow.
 */
export const VISION_TAIL_TIMEOUT_MS = 20_000;

/** The tail as the split image tower sees it (see splitImageTower). */
export function visionTailClient(tail: ServiceFetcher, revision: string, timeoutMs = VISION_TAIL_TIMEOUT_MS) {
  return ({ data, dims }: FloatTensor): Promise<Float32Array> =>
    callService(
      tail,
      `http://vision-tail${STAGE_PATH}`,
      {
        method: "POST",
        headers: {
          "content-type": "application/octet-stream",
          "x-dims": dims.join(","),
          "x-revision": revision,
        },
        body: new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength),
      },
      "vision_tail_unavailable",
      async (response) => {
        const bytes = await response.arrayBuffer();
        if (bytes.byteLength === 0 || bytes.byteLength % 4) throw new Error(`${bytes.byteLength} bytes`);
        return new Float32Array(bytes);
      },
      timeoutMs,
    );
}
