import { exifOrientation } from "../exif";
import type { ImageHeader } from "../types";
import { readChunk } from "./chunks";
import { readIhdr } from "./ihdr";

/** Size from IHDR; orientation from the first eXIf chunk, wherever it is (Pillow reads it after IDAT too). */
export function readPngHeader(bytes: Uint8Array): ImageHeader {
  const { width, height, end, interlaced } = readIhdr(bytes);
  const header: ImageHeader = { format: "png", width, height, orientation: findExifOrientation(bytes, end) };
  return interlaced ? { ...header, interlaced } : header;
}

function findExifOrientation(bytes: Uint8Array, offset: number) {
  // Only chunk lengths are read here; a damaged chunk list is left for decoding to report.
  while (offset + 12 <= bytes.length) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (type === "eXIf") return exifOrientation(readChunk(bytes, offset).data);
    if (type === "IEND") break;
    offset += 12 + length;
  }
  return 1;
}
