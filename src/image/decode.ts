import { draftScale, jpegDecoder, scaledSize } from "./jpeg/index";
import { pngDecoder, readPngHeader } from "./png/index";
import { sniffFormat } from "./sniff";
import {
  type DecodeScale,
  type ImageDecoder,
  ImageError,
  type ImageFormat,
  type ImageHeader,
  type ReadRegion,
  type RowSink,
} from "./types";
import { createWebpDecoder, readWebpHeader, type WebpModuleProvider, webpDecodeBytes } from "./webp/index";

export interface HeaderOptions {
  /** Refuse images with more pixels than this, before anything proportional to them is allocated. */
  maxPixels?: number;
}

export interface DecodeOptions extends HeaderOptions {
  /** libwebp's compiled decoder (webp/wasm-worker.ts in the Worker, webp/wasm-node.ts in Node); needed for WebP only. */
  webpModule?: WebpModuleProvider;
  /**
   * Pillow's `draft(None, (draft, draft))`: a JPEG may be decoded at 1/2, 1/4 or 1/8 of its size in the
   * DCT domain, the largest reduction that keeps both sides at least `draft` pixels; a WebP at the same
   * reduction by libwebp's rescaler, an interlaced PNG by averaging boxes of pixels. Absent: full size.
   */
  draft?: number;
  /** The part of the decoded rows the sink reads (see ReadRegion); absent: all of it. */
  region?: ReadRegion;
}

/**
 * 50 MP: phones' 48 and 50 MP modes pass. A 49 MP baseline JPEG costs 0.2 to 0.44 s of CPU with the
 * default scaled decode (1.3 to 1.8 s exact); a progressive one up to about 2.7 s, bounded by the body
 * limit more than by pixels (scripts/decode-cpu.ts; README, Limits).
 */
const DEFAULT_MAX_PIXELS = 50_000_000;

const headerReaders: Record<ImageFormat, (bytes: Uint8Array) => ImageHeader> = {
  jpeg: (bytes) => jpegDecoder.readHeader(bytes),
  png: readPngHeader,
  webp: readWebpHeader,
};

const memoryEstimates: Record<
  ImageFormat,
  (bytes: Uint8Array, header: ImageHeader, scale: DecodeScale) => number
> = {
  jpeg: (bytes, header, scale) => jpegDecoder.decodeBytes(bytes, header, scale),
  png: (bytes, header, scale) => pngDecoder.decodeBytes(bytes, header, scale),
  webp: webpDecodeBytes,
};

/** The reduction a decode with `draft` applies to this image (1 when none). */
export function decodeScale(header: ImageHeader, { draft }: Pick<DecodeOptions, "draft"> = {}): DecodeScale {
  // A plain PNG streams row by row at full size in little memory; an interlaced one would be held whole,
  // so it is reduced instead (box-averaged as its passes arrive, png/pixel-stream.ts).
  if (draft === undefined || (header.format === "png" && !header.interlaced)) return 1;
  return draftScale(header.width, header.height, draft);
}

/** The header of the rows decodeImage will send with these options: stored size divided by the scale. */
export function decodedHeader(header: ImageHeader, options: Pick<DecodeOptions, "draft"> = {}): ImageHeader {
  return { ...header, ...scaledSize(header.width, header.height, decodeScale(header, options)) };
}

/** Bytes decoding `bytes` will allocate, from its headers alone (see ImageDecoder.decodeBytes). */
export function decodeBytes(
  bytes: Uint8Array,
  header: ImageHeader,
  options: Pick<DecodeOptions, "draft"> = {},
): number {
  const scale = decodeScale(header, options);
  return asImageError(header.format, () => memoryEstimates[header.format](bytes, header, scale));
}

async function decoderFor(format: ImageFormat, { webpModule }: DecodeOptions): Promise<ImageDecoder> {
  if (format === "jpeg") return jpegDecoder;
  if (format === "png") return pngDecoder;
  // Setup mistakes and module loading failures are not bad photos: plain errors, never ImageErrors.
  if (!webpModule)
    throw new Error("decodeImage: a WebP image needs options.webpModule (libwebp's WASM module)");
  const module = await webpModule();
  return createWebpDecoder(async () => module);
}

/** Sniffs the format and reads its header: no pixel is decoded, nothing proportional to the image allocated. */
export function readImageHeader(
  bytes: Uint8Array,
  { maxPixels = DEFAULT_MAX_PIXELS }: HeaderOptions = {},
): ImageHeader {
  const format = sniffFormat(bytes);
  const header = asImageError(format, () => headerReaders[format](bytes));
  const { width, height } = header;
  if (!(width > 0 && height > 0)) {
    throw new ImageError("corrupt_image", `The ${format} image says it is ${width}x${height} pixels`, format);
  }
  if (width * height > maxPixels) {
    throw new ImageError(
      "image_too_large",
      `The image is ${width}x${height} (${width * height} pixels); the limit is ${maxPixels} pixels`,
      format,
      maxPixels,
    );
  }
  return header;
}

/**
 * Decodes a JPEG, PNG or WebP photo, streaming its rows (RGB, as stored, before orientation) into `sink`;
 * with `options.draft` the rows may be of a reduced size (see decodedHeader). Returns the stored header.
 * Bad input always fails with an ImageError; errors thrown by `sink` pass through unchanged.
 */
export async function decodeImage(
  bytes: Uint8Array,
  sink: RowSink,
  options: DecodeOptions = {},
): Promise<ImageHeader> {
  const header = readImageHeader(bytes, options);
  const decoder = await decoderFor(header.format, options);
  let sinkError: { error: unknown } | undefined;
  const guardedSink: RowSink = (y, rgb) => {
    try {
      sink(y, rgb);
    } catch (error) {
      sinkError = { error };
      throw error;
    }
  };
  try {
    await decoder.decode(bytes, header, guardedSink, decodeScale(header, options), options.region);
  } catch (error) {
    if (sinkError) throw sinkError.error;
    throw toImageError(header.format, error);
  }
  return header;
}

function asImageError<T>(format: ImageFormat, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw toImageError(format, error);
  }
}

/** Decoders throw ImageError for what they check; anything else on bad input (RangeError...) is corruption too. */
function toImageError(format: ImageFormat, error: unknown): ImageError {
  if (error instanceof ImageError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ImageError("corrupt_image", `The ${format} image could not be decoded: ${detail}`, format);
}
