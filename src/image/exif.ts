import type { Orientation } from "./types";

const EXIF_PREFIX = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0", which some writers keep in PNG/WebP
const ORIENTATION_TAG = 0x0112;
const SHORT = 3;
const LONG = 4;

/** True when `bytes` starts with "Exif\0\0" (a JPEG APP1 segment's EXIF payload). */
export function hasExifPrefix(bytes: Uint8Array): boolean {
  return EXIF_PREFIX.every((b, i) => bytes[i] === b);
}

/**
 * Orientation (tag 0x0112 of IFD0) from EXIF data in TIFF layout, either byte order, with or without the
 * "Exif\0\0" prefix: one parser for JPEG APP1, PNG eXIf and WebP EXIF chunks.
 * Malformed or absent data means 1, as Pillow's exif_transpose leaves such images alone: a damaged tag
 * should not refuse an otherwise good photo.
 */
export function exifOrientation(exif: Uint8Array): Orientation {
  const tiff = hasExifPrefix(exif) ? exif.subarray(EXIF_PREFIX.length) : exif;
  if (tiff.length < 8) return 1;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(tiff[0], tiff[1]);
  if (order !== "II" && order !== "MM") return 1;
  const le = order === "II";
  if (view.getUint16(2, le) !== 42) return 1;
  const ifd = view.getUint32(4, le);
  if (ifd + 2 > tiff.length) return 1;
  const count = view.getUint16(ifd, le);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return 1;
    if (view.getUint16(entry, le) !== ORIENTATION_TAG) continue;
    const type = view.getUint16(entry + 2, le);
    const value =
      type === SHORT ? view.getUint16(entry + 8, le) : type === LONG ? view.getUint32(entry + 8, le) : 0;
    return value >= 1 && value <= 8 ? (value as Orientation) : 1;
  }
  return 1;
}
