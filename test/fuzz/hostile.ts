import { Zlib } from "fflate";
import { concatBytes } from "../../src/lib/bytes";

/**
 * Hostile inputs made by the tests themselves (no large committed files): headers that claim huge
 * images, a decompression bomb, broken encodings. Pure functions of their arguments, for Node and workerd.
 */

const crcTable = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * A valid grayscale PNG of `width` x `height` zero pixels, deflated: 20000x20000 (400 MB decoded)
 * compresses to a few hundred KB. Rows are compressed in one stream built from repeated zero rows.
 */
export function pngBomb(width: number, height: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grayscale, no interlace
  // Filter byte 0 + zero pixels, every row: zeros throughout, fed in 1 MB pieces, never whole.
  const pieces: Uint8Array[] = [];
  const zlib = new Zlib({ level: 9 }, (data) => pieces.push(data));
  const zeros = new Uint8Array(2 ** 20);
  for (let left = (width + 1) * height; left > 0; left -= zeros.length) {
    zlib.push(zeros.subarray(0, Math.min(left, zeros.length)), left <= zeros.length);
  }
  const idat = concatBytes(pieces);
  const signature = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return concatBytes([signature, chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", new Uint8Array(0))]);
}

/** A copy of a baseline JPEG whose SOF0 claims `width` x `height`. */
export function jpegClaiming(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const out = jpeg.slice();
  for (let i = 2; i + 9 < out.length; i++) {
    if (out[i] === 0xff && (out[i + 1] === 0xc0 || out[i + 1] === 0xc2)) {
      const view = new DataView(out.buffer, out.byteOffset);
      view.setUint16(i + 5, height);
      view.setUint16(i + 7, width);
      return out;
    }
  }
  throw new Error("no SOF0/SOF2 marker");
}
