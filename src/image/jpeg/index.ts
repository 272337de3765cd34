import type { ImageDecoder } from "../types";
import { decodeJpeg } from "./decoder";
import { readJpegHeader } from "./header";

export type { DecodeStats } from "./decoder";
export { decodeJpeg } from "./decoder";

/**
 * Pure-TypeScript JPEG decoder matching libjpeg-turbo as Pillow uses it (islow IDCT, fancy upsampling,
 * fixed-point YCbCr), streaming rows; sequential single-scan images never hold more than two MCU rows.
 */
export const jpegDecoder: ImageDecoder = {
  readHeader: readJpegHeader,
  decode(bytes, header, sink) {
    decodeJpeg(bytes, sink, header);
  },
};
