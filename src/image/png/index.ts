import type { ImageDecoder } from "../types";
import { decodePng } from "./decode-png";
import { readPngHeader } from "./header";
import { channelCount, readIhdr } from "./ihdr";
import { heldImageBytes, INFLATE_BYTES } from "./pixel-stream";
import { lineBytes } from "./scanlines";

export { readPngHeader } from "./header";

/** Pure TypeScript PNG decoder: every colour type and bit depth, Adam7, APNG's default image. */
export const pngDecoder: ImageDecoder = {
  readHeader: readPngHeader,
  decodeBytes(bytes, _header, scale = 1) {
    // Two scanlines and an RGB row; an interlaced image is held until its last pass (Adam7 completes rows
    // last): whole, or at a reduced scale as box sums.
    const { width, height, colorType, bitDepth, interlaced } = readIhdr(bytes);
    const line = 1 + lineBytes(width, channelCount[colorType] * bitDepth);
    return INFLATE_BYTES + 2 * line + width * 3 + (interlaced ? heldImageBytes(width, height, scale) : 0);
  },
  decode: (bytes, _header, sink, scale) => decodePng(bytes, sink, scale),
};
