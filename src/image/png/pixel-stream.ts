import { Unzlib } from "fflate";
import type { DecodeScale, RowSink } from "../types";
import { imagePasses, type Pass } from "./adam7";
import { corruptPng } from "./errors";
import { channelCount, type Ihdr } from "./ihdr";
import { type LineHandler, ScanlineStream } from "./scanlines";
import type { RgbConverter } from "./to-rgb";

/**
 * Compressed bytes inflated per step. Deflate expands at most 1032:1, so this bounds the output held
 * at once to about 4 MB, even for one huge IDAT; smaller steps measured no slower.
 */
const INFLATE_STEP = 4 * 1024;

/** Bytes inflate holds at once at most: its 32 KiB window and one step's output (see INFLATE_STEP). */
export const INFLATE_BYTES = 32 * 1024 + INFLATE_STEP * 1032;

/** Takes the IDAT payloads in order and sends RGB rows to the sink. */
export interface PixelStream {
  /** All rows are out; later data is ignored. */
  readonly done: boolean;
  write(idat: Uint8Array): void;
  /** Sends what is still held (an interlaced image) once all rows are decoded. */
  finish(): void;
}

export function pixelStream(
  ihdr: Ihdr,
  toRgb: RgbConverter,
  sink: RowSink,
  scale: DecodeScale = 1,
): PixelStream {
  const rows = !ihdr.interlaced
    ? plainRows(ihdr, toRgb, sink)
    : scale === 1
      ? wholeImage(ihdr, toRgb, sink)
      : boxSums(ihdr, toRgb, sink, scale);
  const bitsPerPixel = channelCount[ihdr.colorType] * ihdr.bitDepth;
  const passes = imagePasses(ihdr.width, ihdr.height, ihdr.interlaced);
  const lines = new ScanlineStream(passes, bitsPerPixel, rows.onLine);
  const inflate = inflater((data) => lines.write(data));
  return {
    get done() {
      return lines.done;
    },
    write(idat) {
      for (let i = 0; i < idat.length && !lines.done; i += INFLATE_STEP) {
        inflate(idat.subarray(i, i + INFLATE_STEP));
      }
    },
    finish: rows.finish,
  };
}

/** A zlib stream fed piece by piece; its own errors become corrupt_image, the receiver's pass through. */
function inflater(onData: (data: Uint8Array) => void): (piece: Uint8Array) => void {
  let inflated: Uint8Array | undefined;
  const stream = new Unzlib((data) => {
    inflated = data;
  });
  return (piece) => {
    inflated = undefined;
    try {
      stream.push(piece);
    } catch (e) {
      throw corruptPng(`bad compressed data (${e instanceof Error ? e.message : e})`);
    }
    if (inflated) onData(inflated);
  };
}

interface RowWriter {
  onLine: LineHandler;
  /** Sends what is still held (an interlaced image) once all rows are decoded. */
  finish(): void;
}

/**
 * Bytes an interlaced image holds until its last pass: the whole RGB image at full size, else one 16-bit
 * sum per channel and output pixel (a box of at most 8x8 values of 255 fits in 16 bits).
 */
export function heldImageBytes(width: number, height: number, scale: DecodeScale): number {
  if (scale === 1) return width * height * 3;
  return Math.ceil(width / scale) * Math.ceil(height / scale) * 3 * 2 + Math.ceil(width / scale) * 3;
}

/** A plain image goes to the sink line by line. */
function plainRows({ width }: Ihdr, toRgb: RgbConverter, sink: RowSink): RowWriter {
  const rgb = new Uint8Array(width * 3);
  return {
    onLine(_pass, y, line) {
      toRgb(line, width, rgb);
      sink(y, rgb);
    },
    finish() {},
  };
}

/** An interlaced image at full size is assembled whole first (Adam7 completes rows last): the exact path. */
function wholeImage({ width, height }: Ihdr, toRgb: RgbConverter, sink: RowSink): RowWriter {
  const rgb = new Uint8Array(width * 3);
  const image = new Uint8Array(width * height * 3);
  return {
    onLine(pass: Pass, row: number, line: Uint8Array) {
      toRgb(line, pass.width, rgb);
      let o = ((pass.y0 + row * pass.dy) * width + pass.x0) * 3;
      for (let i = 0; i < pass.width * 3; i += 3, o += pass.dx * 3) {
        image[o] = rgb[i];
        image[o + 1] = rgb[i + 1];
        image[o + 2] = rgb[i + 2];
      }
    },
    finish() {
      for (let y = 0; y < height; y++) sink(y, image.subarray(y * width * 3, (y + 1) * width * 3));
    },
  };
}

/**
 * An interlaced image reduced by `scale` as its passes arrive: every pixel is added to the sum of the
 * scale x scale box it falls in, and each output pixel is its box's mean, rounded (a box filter, as a
 * DCT-scaled JPEG is close to; boxes at the right and bottom edges hold fewer pixels). A 50 MP image
 * holds 4.7 MB instead of 150 MB.
 */
function boxSums({ width, height }: Ihdr, toRgb: RgbConverter, sink: RowSink, scale: DecodeScale): RowWriter {
  const rgb = new Uint8Array(width * 3);
  const outWidth = Math.ceil(width / scale);
  const outHeight = Math.ceil(height / scale);
  const sums = new Uint16Array(outWidth * outHeight * 3);
  const out = new Uint8Array(outWidth * 3);
  return {
    onLine(pass: Pass, row: number, line: Uint8Array) {
      toRgb(line, pass.width, rgb);
      const boxRow = (((pass.y0 + row * pass.dy) / scale) | 0) * outWidth;
      for (let i = 0, x = pass.x0; i < pass.width * 3; i += 3, x += pass.dx) {
        const o = (boxRow + ((x / scale) | 0)) * 3;
        sums[o] += rgb[i];
        sums[o + 1] += rgb[i + 1];
        sums[o + 2] += rgb[i + 2];
      }
    },
    finish() {
      for (let by = 0; by < outHeight; by++) {
        const rows = Math.min(scale, height - by * scale);
        for (let bx = 0; bx < outWidth; bx++) {
          const count = rows * Math.min(scale, width - bx * scale);
          const o = (by * outWidth + bx) * 3;
          for (let c = 0; c < 3; c++) out[bx * 3 + c] = Math.floor((sums[o + c] + (count >> 1)) / count);
        }
        sink(by, out);
      }
    },
  };
}
