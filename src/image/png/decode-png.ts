import type { DecodeScale, RowSink } from "../types";
import { readChunk } from "./chunks";
import { corruptPng } from "./errors";
import { readIhdr } from "./ihdr";
import { type PixelStream, pixelStream } from "./pixel-stream";
import { rgbConverter } from "./to-rgb";

/**
 * Streams the default image (the IDAT data, so APNG frames are skipped) into `sink`; at `scale` > 1 an
 * interlaced image is reduced (see pixel-stream.ts), a plain one never is. Every chunk read
 * is CRC-checked, IDAT too (Pillow skips IDAT CRCs). Chunks after the last row, IEND included,
 * are neither needed nor read, as in Pillow.
 */
export function decodePng(bytes: Uint8Array, sink: RowSink, scale: DecodeScale = 1): void {
  const ihdr = readIhdr(bytes);
  let plte: Uint8Array | undefined;
  let pixels: PixelStream | undefined;
  for (let offset = ihdr.end; ; ) {
    const chunk = readChunk(bytes, offset);
    offset = chunk.end;
    if (chunk.type === "PLTE") plte = chunk.data;
    else if (chunk.type === "IDAT") {
      pixels ??= pixelStream(ihdr, rgbConverter(ihdr, plte), sink, scale);
      pixels.write(chunk.data);
      if (pixels.done) {
        pixels.finish();
        return;
      }
    } else if (chunk.type === "IEND") throw corruptPng("the image data ends before the last row");
  }
}
