import type { Pass } from "./adam7";
import { unfilter } from "./unfilter";

/** Receives one unfiltered scanline of `pass`; `line` is reused after the call. */
export type LineHandler = (pass: Pass, row: number, line: Uint8Array) => void;

export function lineBytes(width: number, bitsPerPixel: number): number {
  return Math.ceil((width * bitsPerPixel) / 8);
}

/**
 * Cuts the inflated data stream into scanlines and unfilters them. Holds only the current and the
 * previous line, so a non-interlaced image never exists whole in memory. Bytes after the last line
 * are ignored, as Pillow does.
 */
export class ScanlineStream {
  private passIndex = 0;
  private row = 0;
  private filled = 0;
  private current: Uint8Array;
  private previous: Uint8Array;
  private readonly bytesPerPixel: number;

  constructor(
    private readonly passes: Pass[],
    private readonly bitsPerPixel: number,
    private readonly onLine: LineHandler,
  ) {
    const longest = 1 + Math.max(...passes.map((p) => lineBytes(p.width, bitsPerPixel)));
    this.current = new Uint8Array(longest); // filter type byte + pixels
    this.previous = new Uint8Array(longest);
    this.bytesPerPixel = Math.max(1, bitsPerPixel >> 3);
  }

  get done(): boolean {
    return this.passIndex === this.passes.length;
  }

  write(data: Uint8Array): void {
    for (let offset = 0; offset < data.length && !this.done; ) {
      const pass = this.passes[this.passIndex];
      const size = 1 + lineBytes(pass.width, this.bitsPerPixel);
      const n = Math.min(size - this.filled, data.length - offset);
      this.current.set(data.subarray(offset, offset + n), this.filled);
      this.filled += n;
      offset += n;
      if (this.filled === size) this.endLine(pass, size);
    }
  }

  private endLine(pass: Pass, size: number): void {
    const line = this.current.subarray(1, size);
    unfilter(this.current[0], line, this.previous.subarray(1, size), this.bytesPerPixel);
    this.onLine(pass, this.row, line);
    [this.current, this.previous] = [this.previous, this.current];
    this.filled = 0;
    if (++this.row < pass.rows) return;
    this.row = 0;
    this.passIndex++;
    this.previous.fill(0);
  }
}
