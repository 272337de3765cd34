/** Image formats we decode. Anything else is refused with an UnsupportedImageError naming it. */
export type ImageFormat = "jpeg" | "png" | "webp";

/** EXIF orientation 1..8 (1 = as stored). */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** What a header tells before any pixel is decoded. width/height are as stored (before orientation). */
export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
  orientation: Orientation;
  /** PNG only: Adam7-interlaced, so rows complete only at the last pass (see decodeScale). */
  interlaced?: boolean;
}

/**
 * Receives decoded rows of the stored image, top to bottom, each exactly once:
 * RGB, 8 bits per channel, interleaved, `width * 3` bytes. The decoder may reuse `rgb` after the call.
 */
export type RowSink = (y: number, rgb: Uint8Array) => void;

/** Indices `[start, end)` along one axis. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The part of the decoded image a sink reads: the columns of each row, and the rows (a resize feeding
 * a centre crop never reads the sides). A decoder may leave the rest of the rows it passes unset, and
 * still passes every row.
 */
export interface ReadRegion {
  columns: Span;
  rows: Span;
}

/** Reduction a decoder applies while decoding (JPEG's DCT-domain 1/2, 1/4, 1/8; WebP's rescaler); 1 = full size. */
export type DecodeScale = 1 | 2 | 4 | 8;

/** A format decoder: reads the header without decoding, then streams rows into a sink. */
export interface ImageDecoder {
  readHeader(bytes: Uint8Array): ImageHeader;
  /**
   * Bytes the decode of `bytes` will allocate (buffers sized by the image, WASM memory), from the
   * headers alone: what the isolate's memory budget reserves before decoding. Never an underestimate.
   */
  decodeBytes(bytes: Uint8Array, header: ImageHeader, scale?: DecodeScale): number;
  /**
   * At `scale` > 1 (JPEG, WebP) the rows are the reduced decode, ceil(width / scale) pixels wide. With
   * `region`, only that part of the rows need be right (the JPEG decoder skips the rest's work).
   */
  decode(
    bytes: Uint8Array,
    header: ImageHeader,
    sink: RowSink,
    scale?: DecodeScale,
    region?: ReadRegion,
  ): void | Promise<void>;
}

export type ImageErrorCode =
  /** Recognised but not supported (GIF, HEIC, BMP, TIFF, SVG, ...), or not an image at all. */
  | "unsupported_format"
  /** Claims to be a supported format but is damaged or truncated. */
  | "corrupt_image"
  /** Header says more pixels than allowed; nothing was allocated. */
  | "image_too_large"
  | "empty_image";

/** The one error type the image code throws; `format` names what was found ("gif", "heic", "unknown", ...). */
export class ImageError extends Error {
  constructor(
    readonly code: ImageErrorCode,
    message: string,
    readonly format?: string,
    /** For image_too_large from the pixel count: the limit it is over (what a patient can be told). */
    readonly maxPixels?: number,
  ) {
    super(message);
    this.name = "ImageError";
  }
}
