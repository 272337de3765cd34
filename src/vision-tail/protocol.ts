import type { FloatTensor } from "../model/onnx-towers";
import { type ModelErrorCode, ModelUnavailableError } from "../model/package/load";

/**
 * The vision-tail Worker's one internal endpoint, spoken over the VISION_TAIL service binding:
 * POST /stage with stage 1's hidden state as raw float32 bytes (150 KB for [1, 50, 768]), its dims in
 * `x-dims` and the model revision in `x-revision` -> the raw image embedding as float32 bytes.
 * A revision other than the tail's own is refused with 409: the two halves must be of one model.
 */
export const STAGE_PATH = "/stage";

export interface ServiceFetcher {
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

export function parseDims(header: string | null): number[] | null {
  const dims = header?.split(",").map(Number);
  return dims?.length && dims.every((d) => Number.isSafeInteger(d) && d > 0) ? dims : null;
}

/** The tail as the split image tower sees it (see splitImageTower). */
export function visionTailClient(tail: ServiceFetcher, revision: string) {
  return async ({ data, dims }: FloatTensor): Promise<Float32Array> => {
    const response = await tail.fetch(`http://vision-tail${STAGE_PATH}`, {
      method: "POST",
      headers: {
        "content-type": "application/octet-stream",
        "x-dims": dims.join(","),
        "x-revision": revision,
      },
      body: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    });
    if (response.status === 503) {
      const { code, message } = (await response.json()) as { code: ModelErrorCode; message: string };
      throw new ModelUnavailableError(code, `vision tail: ${message}`);
    }
    if (!response.ok) throw new Error(`vision tail answered ${response.status}: ${await response.text()}`);
    return new Float32Array(await response.arrayBuffer());
  };
}
