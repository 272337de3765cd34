import type { Orientation } from "../types";

const ORIENTATION_TAG = 0x0112;
const SHORT = 3;
const LONG = 4;

/**
 * EXIF orientation from an APP1 payload (`start`..`end`): "Exif\0\0", then a TIFF header (either
 * byte order) whose IFD0 may hold tag 0x0112. Returns null when the payload is not EXIF, and 1 when it
 * is but holds no valid orientation (as Pillow's exif_transpose leaves such images alone).
 */
export function exifOrientation(bytes: Uint8Array, start: number, end: number): Orientation | null {
  if (end - start < 6 || !isExifHeader(bytes, start)) return null;
  const tiff = start + 6;
  const size = end - tiff;
  if (size < 8) return 1;
  const little = bytes[tiff] === 0x49 && bytes[tiff + 1] === 0x49;
  const big = bytes[tiff] === 0x4d && bytes[tiff + 1] === 0x4d;
  if (!little && !big) return 1;
  const u16 = (at: number) =>
    little ? bytes[tiff + at] | (bytes[tiff + at + 1] << 8) : (bytes[tiff + at] << 8) | bytes[tiff + at + 1];
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 65536 : u16(at) * 65536 + u16(at + 2));
  if (u16(2) !== 42) return 1;
  const ifd = u32(4);
  if (ifd + 2 > size) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > size) break;
    if (u16(entry) !== ORIENTATION_TAG) continue;
    const type = u16(entry + 2);
    if (u32(entry + 4) !== 1 || (type !== SHORT && type !== LONG)) return 1;
    const value = type === SHORT ? u16(entry + 8) : u32(entry + 8);
    return value >= 1 && value <= 8 ? (value as Orientation) : 1;
  }
  return 1;
}

function isExifHeader(bytes: Uint8Array, at: number): boolean {
  return (
    bytes[at] === 0x45 &&
    bytes[at + 1] === 0x78 &&
    bytes[at + 2] === 0x69 &&
    bytes[at + 3] === 0x66 &&
    bytes[at + 4] === 0 &&
    bytes[at + 5] === 0
  );
}
