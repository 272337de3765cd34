import { corruptWebp } from "./errors";

export interface RiffChunk {
  fourcc: string;
  data: Uint8Array;
}

/**
 * The chunks of a RIFF/WEBP file. The RIFF size must fit in the file (bytes past it are ignored, as
 * libwebp does) and every chunk must fit in the RIFF size; otherwise the file is corrupt.
 */
export function riffChunks(bytes: Uint8Array): RiffChunk[] {
  if (bytes.length < 20) throw corruptWebp("the file is too short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > bytes.length) {
    throw corruptWebp(`the RIFF header says ${riffEnd} bytes, the file has ${bytes.length}`);
  }
  if (riffEnd < 20) throw corruptWebp("the RIFF size is too small");
  const chunks: RiffChunk[] = [];
  for (let offset = 12; offset + 8 <= riffEnd; ) {
    const size = view.getUint32(offset + 4, true);
    const end = offset + 8 + size;
    if (end > riffEnd) throw corruptWebp("a chunk runs past the RIFF size");
    chunks.push({ fourcc: fourcc(bytes, offset), data: bytes.subarray(offset + 8, end) });
    offset = end + (size & 1);
  }
  return chunks;
}

function fourcc(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}
