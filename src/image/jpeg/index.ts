import type { ImageDecoder } from "../types";
import { coefficientBytes } from "./block-stores";
import { decodeJpeg } from "./decoder";
import { readJpegHeader, readJpegPreamble } from "./header";
import { assemblerBytes } from "./row-assembler";
import { STREAMING_SCAN_BYTES } from "./streaming-scan";

export type { DecodeStats } from "./decoder";
export { decodeJpeg } from "./decoder";
export { draftScale, type JpegScale, scaledSize } from "./scale";

/**
 * Pure-TypeScript JPEG decoder matching libjpeg-turbo as Pillow uses it (islow IDCT, fancy upsampling,
 * fixed-point YCbCr), streaming rows; sequential single-scan images never hold more than two MCU rows.
 */
export const jpegDecoder: ImageDecoder = {
  readHeader: readJpegHeader,
  decodeBytes(bytes, _header, scale = 1) {
    // Only a sequential image coded in one scan streams; any other keeps all of its coefficients.
    const { frame, firstScanComponents } = readJpegPreamble(bytes);
    const streamed = !frame.progressive && firstScanComponents === frame.components.length;
    return assemblerBytes(frame, scale) + (streamed ? STREAMING_SCAN_BYTES : coefficientBytes(frame, scale));
  },
  decode(bytes, header, sink, scale = 1, region) {
    decodeJpeg(bytes, sink, header, scale, region);
  },
};
