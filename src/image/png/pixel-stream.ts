import { Unzlib } from "fflate";
import type { RowSink } from "../types";
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

export function pixelStream(ihdr: Ihdr, toRgb: RgbConverter, sink: RowSink): PixelStream {
  const rows = rowWriter(ihdr, toRgb, sink);
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

/** Plain images go to the sink line by line; interlaced ones are assembled first (Adam7 completes rows last). */
function rowWriter(ihdr: Ihdr, toRgb: RgbConverter, sink: RowSink): { onLine: LineHandler; finish(): void } {
  const { width, height } = ihdr;
  const rgb = new Uint8Array(width * 3);
  if (!ihdr.interlaced) {
    return {
      onLine(_pass, y, line) {
        toRgb(line, width, rgb);
        sink(y, rgb);
      },
      finish() {},
    };
  }
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
