import { zlibSync } from "fflate";
import { crc32 } from "../../src/image/png/crc32";
import { concatBytes } from "../../src/lib/bytes";

/** A PNG to build: `samples` holds every channel of every pixel, row-major, each within `bitDepth` bits. */
export interface PngSpec {
  width: number;
  height: number;
  colorType: 0 | 2 | 3 | 4 | 6;
  bitDepth: 1 | 2 | 4 | 8 | 16;
  samples: ArrayLike<number>;
  /** PLTE payload (RGB triples). */
  palette?: Uint8Array;
  interlaced?: boolean;
  /** Chunks placed after IHDR (and PLTE), before the image data. */
  chunks?: { type: string; data: Uint8Array }[];
  /** Chunks placed after the image data, before IEND. */
  chunksAfter?: { type: string; data: Uint8Array }[];
  /** Scanline bytes (filter type bytes included) to compress instead of encoding `samples`. */
  raw?: Uint8Array;
  /** The IDAT payload as is, instead of compressing anything. */
  idat?: Uint8Array;
  /** Split the compressed data into IDAT chunks of at most this many bytes. */
  idatSize?: number;
}

export const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** Encodes a PNG, cycling through all five filter types row by row so a decoder must undo each. */
export function encodePng(spec: PngSpec): Uint8Array {
  const { width, height, colorType, bitDepth, interlaced = false } = spec;
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([bitDepth, colorType, 0, 0, interlaced ? 1 : 0], 8);
  const passes = interlaced ? ADAM7 : [[0, 0, 1, 1]];
  const compressed =
    spec.idat ??
    zlibSync(spec.raw ?? concatBytes(passes.map(([x0, y0, dx, dy]) => passData(spec, x0, y0, dx, dy))));
  const idatSize = spec.idatSize ?? compressed.length;
  const idats = [];
  for (let i = 0; i < compressed.length; i += idatSize) {
    idats.push(pngChunk("IDAT", compressed.subarray(i, i + idatSize)));
  }
  return concatBytes([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    ...(spec.palette ? [pngChunk("PLTE", spec.palette)] : []),
    ...(spec.chunks ?? []).map((c) => pngChunk(c.type, c.data)),
    ...idats,
    ...(spec.chunksAfter ?? []).map((c) => pngChunk(c.type, c.data)),
    pngChunk("IEND", new Uint8Array(0)),
  ]);
}

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(
    [...type].map((c) => c.charCodeAt(0)),
    4,
  );
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** Filtered scanlines of one (sub)image; empty when the pass has no pixels. */
function passData(spec: PngSpec, x0: number, y0: number, dx: number, dy: number): Uint8Array {
  const channels = CHANNELS[spec.colorType];
  const bits = channels * spec.bitDepth;
  const w = Math.ceil(Math.max(0, spec.width - x0) / dx);
  const h = Math.ceil(Math.max(0, spec.height - y0) / dy);
  if (w === 0 || h === 0) return new Uint8Array(0);
  const stride = Math.ceil((w * bits) / 8);
  const bpp = Math.max(1, bits >> 3);
  const out = new Uint8Array(h * (stride + 1));
  let prev = new Uint8Array(stride);
  for (let r = 0; r < h; r++) {
    const line = new Uint8Array(stride);
    for (let c = 0; c < w; c++) {
      for (let ch = 0; ch < channels; ch++) {
        const v = spec.samples[((y0 + r * dy) * spec.width + x0 + c * dx) * channels + ch];
        writeSample(line, (c * channels + ch) * spec.bitDepth, spec.bitDepth, v);
      }
    }
    const type = r % 5;
    out[r * (stride + 1)] = type;
    out.set(filter(type, line, prev, bpp), r * (stride + 1) + 1);
    prev = line;
  }
  return out;
}

function writeSample(line: Uint8Array, bit: number, depth: number, v: number): void {
  if (depth === 16) line.set([v >> 8, v & 0xff], bit >> 3);
  else line[bit >> 3] |= v << (8 - depth - (bit & 7));
}

function filter(type: number, line: Uint8Array, prev: Uint8Array, bpp: number): Uint8Array {
  return line.map((x, i) => {
    const a = i >= bpp ? line[i - bpp] : 0;
    const b = prev[i];
    const c = i >= bpp ? prev[i - bpp] : 0;
    const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
    return (x - predictor) & 0xff;
  });
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
