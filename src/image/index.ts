import { type DecodeOptions, decodeImage, readImageHeader } from "./decode";
import { createPreprocessor, normalize } from "./preprocess";
import type { ImageHeader } from "./types";

/** What CLIP preprocessing needs from a package's preprocessor_config.json. */
export interface PreprocessorConfig {
  /** Shortest edge after resizing, and the side of the centre crop (224 for ViT-B/32). */
  size: number;
  mean: readonly [number, number, number];
  std: readonly [number, number, number];
}

/** OpenAI CLIP's values, as in every CLIP preprocessor_config.json. */
export const CLIP_PREPROCESSOR: PreprocessorConfig = {
  size: 224,
  mean: [0.48145466, 0.4578275, 0.40821073],
  std: [0.26862954, 0.26130258, 0.27577711],
};

export interface PreparedImage {
  header: ImageHeader;
  /** The size x size RGB crop (HWC, uint8) before normalisation: what the model sees. */
  crop: Uint8Array;
  cropSize: number;
  /** Normalised CHW float32 [3, size, size], the vision tower's input. */
  pixels: Float32Array;
  /** Largest total of buffers held while decoding into the resizer; the full image never is. */
  bytesHeld: number;
}

/**
 * Photo bytes -> the vision tower's input, streaming decoded rows straight into the resizer.
 * Throws ImageError for anything unreadable, too large or unsupported.
 */
export async function prepareImage(
  bytes: Uint8Array,
  config: PreprocessorConfig,
  options: DecodeOptions = {},
): Promise<PreparedImage> {
  const header = readImageHeader(bytes, options);
  const preprocessor = createPreprocessor(header, { size: config.size });
  await decodeImage(bytes, preprocessor.sink, options);
  const crop = preprocessor.finish();
  return {
    header,
    crop,
    cropSize: config.size,
    pixels: normalize(crop, config.mean, config.std),
    bytesHeld: preprocessor.bytesHeld,
  };
}

export { ImageError } from "./types";
