import { CLIP_PREPROCESSOR } from "../../src/image";
import { normalize } from "../../src/image/preprocess";

export { CLIP_PREPROCESSOR };

/** HWC uint8 crop -> CLIP's normalised CHW float32, as ours does it (so both sides do the same work). */
export function normalizePixels(rgb: Uint8Array): Float32Array {
  return normalize(rgb, CLIP_PREPROCESSOR.mean, CLIP_PREPROCESSOR.std);
}
