import type { ImageDecoder } from "../types";
import { decodePng } from "./decode-png";
import { readPngHeader } from "./header";

export { readPngHeader } from "./header";

/** Pure TypeScript PNG decoder: every colour type and bit depth, Adam7, APNG's default image. */
export const pngDecoder: ImageDecoder = {
  readHeader: readPngHeader,
  decode: (bytes, _header, sink) => decodePng(bytes, sink),
};
