import { crc32 } from "./crc32";
import { corruptPng } from "./errors";

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PngChunk {
  type: string;
  data: Uint8Array;
  /** Offset of the next chunk. */
  end: number;
}

/** The chunk at `offset`, with its bounds and its CRC (over type and data) checked. */
export function readChunk(bytes: Uint8Array, offset: number): PngChunk {
  if (offset + 8 > bytes.length) throw corruptPng("the file ends inside a chunk header");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(offset);
  const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
  const end = offset + 12 + length;
  if (length > 0x7fffffff || end > bytes.length) throw corruptPng(`the file ends inside the ${type} chunk`);
  if (crc32(bytes.subarray(offset + 4, end - 4)) !== view.getUint32(end - 4)) {
    throw corruptPng(`bad CRC in the ${type} chunk`);
  }
  return { type, data: bytes.subarray(offset + 8, end - 4), end };
}
