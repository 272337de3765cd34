import { orientationAxes, orientedSize } from "./orientation";
import { resampleLine, resampleLinePair } from "./resample-line";
import { createLineStreamResampler } from "./resample-stream";
import { bicubicTaps, mirrorTaps, type Taps, tapSpan, tapsBytes } from "./resample-taps";
import { ImageError, type Orientation, type ReadRegion, type RowSink, type Span } from "./types";

/** A rectangle of the resized oriented image. */
export interface CropRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface StreamingResize {
  /** Takes the stored image's rows, top to bottom, each once. */
  readonly sink: RowSink;
  /** The crop of the resized image, RGB interleaved, `crop.width * crop.height * 3` bytes. */
  finish(): Uint8Array;
  /** Bytes of every buffer this resize holds (all are allocated up front). */
  readonly bytesHeld: number;
  /** The part of the stored image it reads: the spans of the taps along stored x and y. */
  readonly region: ReadRegion;
}

/**
 * Pillow's `exif_transpose(img).resize((width, height), BICUBIC).crop(rect)`, bit for bit, from a row stream
 * without holding the image. Pillow resizes horizontally, then vertically, in the oriented image's axes.
 * Untransposed (orientations 1-4): each stored row is one oriented row, resized horizontally on arrival and
 * scattered into the output rows. Transposed (5-8): each stored row is one oriented column, so the
 * horizontal pass is the one scattered down the stream into an intermediate (oriented columns of the
 * needed rows), and the vertical pass runs on that at the end. Mirrors are mirrored taps.
 */
export function createStreamingResize(
  stored: { width: number; height: number; orientation: Orientation },
  size: { width: number; height: number },
  crop: CropRect = { left: 0, top: 0, ...size },
): StreamingResize {
  const { transposed, mirrorX, mirrorY } = orientationAxes(stored.orientation);
  const oriented = orientedSize(stored.width, stored.height, stored.orientation);
  const taps = (inSize: number, outSize: number, first: number, n: number, mirror: boolean): Taps => {
    const t = bicubicTaps(inSize, outSize, first, first + n);
    return mirror ? mirrorTaps(t, inSize) : t;
  };
  // Both in stored indices: horizontal taps read oriented x, vertical taps oriented y.
  const hTaps = taps(oriented.width, size.width, crop.left, crop.width, mirrorX);
  const vTaps = taps(oriented.height, size.height, crop.top, crop.height, mirrorY);
  const out = new Uint8ClampedArray(crop.width * crop.height * 3);
  const rowBytes = crop.width * 3;
  const tables = tapsBytes(hTaps) + tapsBytes(vTaps);
  let next = 0;
  const checkRow = (y: number, rgb: Uint8Array) => {
    if (y !== next++ || rgb.length < stored.width * 3) throw new Error(`row ${y} out of order or short`);
  };
  const result = (done: boolean): Uint8Array => {
    if (!done) throw new ImageError("corrupt_image", `image ended after ${next} of ${stored.height} rows`);
    return new Uint8Array(out.buffer);
  };

  if (!transposed) {
    const line = new Uint8ClampedArray(rowBytes);
    const line2 = new Uint8ClampedArray(rowBytes);
    const vertical = createLineStreamResampler(vTaps, stored.height, rowBytes, out, rowBytes);
    // Rows are resized horizontally two at a time (resampleLinePair): a row whose successor is also
    // read waits here, copied (only the span the taps read), for that one.
    const { lo, hi } = tapSpan(hTaps);
    const held = new Uint8Array((hi - lo) * 3);
    let holding = false;
    return {
      sink(y, rgb) {
        checkRow(y, rgb);
        if (!vertical.wants(y)) return;
        if (holding) {
          resampleLinePair(held, rgb.subarray(lo * 3), lo, hTaps, line, line2);
          holding = false;
          vertical.push(y - 1, line);
          vertical.push(y, line2);
        } else if (vertical.wants(y + 1)) {
          held.set(rgb.subarray(lo * 3, hi * 3));
          holding = true;
        } else {
          resampleLine(rgb, 0, hTaps, line, 0, 3);
          vertical.push(y, line);
        }
      },
      finish: () => result(vertical.done()),
      bytesHeld:
        tables + out.byteLength + line.byteLength + line2.byteLength + held.byteLength + vertical.bytesHeld,
      region: { columns: spanOf(hTaps), rows: spanOf(vTaps) },
    };
  }

  // Oriented rows come from stored columns; keep only the span the vertical taps read.
  const { lo, hi } = tapSpan(vTaps);
  const columnBytes = (hi - lo) * 3;
  const columns = new Uint8ClampedArray(crop.width * columnBytes);
  const horizontal = createLineStreamResampler(hTaps, stored.height, columnBytes, columns, columnBytes);
  return {
    sink(y, rgb) {
      checkRow(y, rgb);
      if (horizontal.wants(y)) horizontal.push(y, rgb.subarray(lo * 3, hi * 3));
    },
    finish() {
      if (horizontal.done()) {
        for (let x = 0; x < crop.width; x++) {
          const column = columns.subarray(x * columnBytes, (x + 1) * columnBytes);
          resampleLine(column, lo, vTaps, out, x * 3, rowBytes);
        }
      }
      return result(horizontal.done());
    },
    bytesHeld: tables + out.byteLength + columns.byteLength + horizontal.bytesHeld,
    region: { columns: spanOf(vTaps), rows: spanOf(hTaps) },
  };
}

/** The inputs a set of taps reads. */
function spanOf(taps: Taps): Span {
  const { lo, hi } = tapSpan(taps);
  return { start: lo, end: hi };
}
