import { MemoryTooLargeError } from "../lib/memory-budget";
import { type DecodeOptions, decodeBytes, decodedHeader, decodeImage, readImageHeader } from "./decode";
import { createPreprocessor, normalize } from "./preprocess";
import { ImageError, type ImageHeader } from "./types";

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
  /** What was reserved before decoding: the decoder's estimate, the resizer's buffers and the outputs. */
  reservedBytes: number;
}

export interface PrepareOptions extends DecodeOptions {
  /**
   * Called with the bytes the decode will need, from the headers, before anything proportional to the
   * image is allocated; the release it resolves to is called when the decode's buffers are gone. An
   * isolate's memory budget waits or refuses here (see lib/memory-budget.ts).
   */
  reserve?: (bytes: number) => Promise<() => void>;
  /**
   * Decode at full size, as Hugging Face's CLIPImageProcessor does (for parity work). By default a photo
   * larger than twice the crop is decoded at the reduced size Pillow's thumbnail() would ask for
   * (draft to 2 x size: JPEG's DCT-domain 1/2, 1/4 or 1/8; WebP the same by libwebp's rescaler; an
   * interlaced PNG by box means), then
   * resized as usual.
   */
  exact?: boolean;
}

/**
 * Photo bytes -> the vision tower's input, streaming decoded rows straight into the resizer.
 * Throws ImageError for anything unreadable, too large or unsupported.
 */
export async function prepareImage(
  bytes: Uint8Array,
  config: PreprocessorConfig,
  { reserve, exact = false, ...rest }: PrepareOptions = {},
): Promise<PreparedImage> {
  const options: DecodeOptions = exact ? rest : { ...rest, draft: 2 * config.size };
  const header = readImageHeader(bytes, options);
  const outputs = config.size * config.size * (3 + 3 * 4); // the crop and its float32 normalisation
  const estimate = decodeBytes(bytes, header, options);
  const preprocessor = createPreprocessor(decodedHeader(header, options), { size: config.size });
  const reservedBytes = estimate + preprocessor.bytesHeld + outputs;
  const release = reserve ? await reserve(reservedBytes).catch(tooLargeToDecode(header)) : () => {};
  try {
    // The resize reads only the middle of the image (a centre crop): the JPEG decoder skips the rest.
    await decodeImage(bytes, preprocessor.sink, { ...options, region: preprocessor.region });
    const crop = preprocessor.finish();
    return {
      header,
      crop,
      cropSize: config.size,
      pixels: normalize(crop, config.mean, config.std),
      bytesHeld: preprocessor.bytesHeld,
      reservedBytes,
    };
  } finally {
    release();
  }
}

/** A photo that could never be decoded within the isolate's budget is too large, as a photo. */
const tooLargeToDecode =
  ({ format, width, height }: ImageHeader) =>
  (error: unknown): never => {
    if (!(error instanceof MemoryTooLargeError)) throw error;
    const mb = (bytes: number) => Math.ceil(bytes / 2 ** 20);
    throw new ImageError(
      "image_too_large",
      `Decoding this ${width}x${height} ${format} image needs about ${mb(error.bytes)} MiB, more than the ` +
        `${mb(error.capacity)} MiB this service spends on one photo; send a smaller photo or a JPEG`,
      format,
    );
  };

export { ImageError } from "./types";
