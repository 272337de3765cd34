import type { ReadRegion, RowSink, Span } from "../types";
import { type ColorSpace, cmykToRgb, grayToRgb, planesToRgb, yccToRgb } from "./color";
import type { Component, Frame } from "./frame";
import { ANY_NONZERO, idctBlock, RANGE_LIMIT } from "./idct";
import { blockSize, type JpegScale, scaledSize } from "./scale";
import { type BlockIdct, idct1x1, idct2x2, idct4x4 } from "./scaled-idct";
import {
  needsNeighbourRow,
  type UpsampleMethod,
  upsampleH1V2,
  upsampleH2V1,
  upsampleH2V2,
  upsampleMethod,
  upsampleReplicate,
} from "./upsample";

/** A component's decoded samples: a ring of two iMCU rows, plus its upsampled output row. */
interface Plane {
  component: Component;
  /** Side of a decoded block (8 at full scale; 4, 2 or 1 from the reduced IDCTs) and the IDCT making it. */
  blockSize: number;
  idct: BlockIdct;
  /** Sample columns and rows of the component at this scale. */
  width: number;
  height: number;
  samples: Uint8Array;
  stride: number;
  ringRows: number;
  /** Sample rows decoded so far. */
  decoded: number;
  vRatio: number;
  method: UpsampleMethod;
  /** Full-width row the upsampler writes (unused for full-size components). */
  row: Uint8Array;
  /** The blocks the part of the output the sink reads needs (all of them without a region). */
  blockColumns: BlockRange;
  blockRows: BlockRange;
}

/** Blocks `first..last` (inclusive) along one axis. */
export interface BlockRange {
  first: number;
  last: number;
}

/**
 * The blocks along one axis that output `span` needs: the samples it comes from (output index / ratio),
 * one more each side for the fancy upsamplers' neighbours, and the blocks of `size` holding them.
 */
function blocksFor(span: Span, ratio: number, size: number, blocks: number): BlockRange {
  const firstSample = Math.max(0, Math.floor(span.start / ratio) - 1);
  const lastSample = Math.floor((span.end - 1) / ratio) + 1;
  return { first: Math.floor(firstSample / size), last: Math.min(blocks - 1, Math.floor(lastSample / size)) };
}

/** `span` within `[0, size)`, never empty; all of it when absent. */
function clampSpan(span: Span | undefined, size: number): Span {
  const start = Math.max(0, Math.min(span?.start ?? 0, size - 1));
  return { start, end: Math.max(start + 1, Math.min(span?.end ?? size, size)) };
}

const IDCTS: Record<number, BlockIdct> = { 8: idctBlock, 4: idct4x4, 2: idct2x2, 1: idct1x1 };

/** A component's geometry at `scale`, and how libjpeg-turbo brings it to the output resolution. */
function planeLayout(frame: Frame, c: Component, scale: JpegScale) {
  const size = blockSize(frame, c, scale);
  const min = 8 / scale;
  const width = Math.ceil((frame.width * c.h * size) / (frame.maxH * 8));
  const height = Math.ceil((frame.height * c.v * size) / (frame.maxV * 8));
  const hRatio = (frame.maxH * min) / (c.h * size);
  const vRatio = (frame.maxV * min) / (c.v * size);
  // libjpeg-turbo turns fancy upsampling off at 1/8 (its main controller has no context rows there).
  const method = upsampleMethod(hRatio, vRatio, width, min > 1);
  return {
    size,
    width,
    height,
    hRatio,
    vRatio,
    method,
    stride: c.blocksPerLine * size,
    ringRows: 2 * c.v * size,
  };
}

/** Bytes a RowAssembler for `frame` at `scale` allocates (its allocatedBytes), known before decoding. */
export function assemblerBytes(frame: Frame, scale: JpegScale = 1): number {
  const paddedWidth = (frame.mcusPerLine * frame.maxH * 8) / scale;
  return frame.components.reduce(
    (sum, c) => {
      const { method, stride, ringRows } = planeLayout(frame, c, scale);
      return sum + stride * ringRows + (method.kind === "full" ? 0 : paddedWidth);
    },
    scaledSize(frame.width, frame.height, scale).width * 3,
  );
}

/**
 * Turns decoded component samples into RGB rows for the sink, top to bottom, as soon as the rows each
 * output row depends on are decoded (the fancy upsamplers need the next chroma row, so the last rows
 * of an iMCU row wait for the next one). Each component keeps only two iMCU rows of samples: when a
 * new iMCU row overwrites the older one, every output row that needed it has been emitted.
 */
export class RowAssembler {
  private readonly planes: Plane[];
  private readonly rgb: Uint8Array;
  /** The same bytes, for conversions whose stores clamp. */
  private readonly rgbClamped: Uint8ClampedArray;
  private readonly sources: Uint8Array[];
  private readonly offsets: Int32Array;
  /** Output rows and columns converted: all, or the region the sink reads; and RGB views from its left. */
  private readonly rows: Span;
  private readonly spanStart: number;
  private readonly spanWidth: number;
  private readonly rgbSpan: Uint8Array;
  private readonly rgbClampedSpan: Uint8ClampedArray;
  private nextY = 0;
  /** Output size: the stored size divided by the scale, rounded up. */
  readonly width: number;
  readonly height: number;

  constructor(
    frame: Frame,
    private readonly colorSpace: ColorSpace,
    private readonly sink: RowSink,
    scale: JpegScale = 1,
    region?: ReadRegion,
  ) {
    ({ width: this.width, height: this.height } = scaledSize(frame.width, frame.height, scale));
    const columns = clampSpan(region?.columns, this.width);
    this.rows = clampSpan(region?.rows, this.height);
    const paddedWidth = (frame.mcusPerLine * frame.maxH * 8) / scale;
    this.planes = frame.components.map((component) => {
      const layout = planeLayout(frame, component, scale);
      const { size, width, height, hRatio, vRatio, method, stride, ringRows } = layout;
      return {
        component,
        blockSize: size,
        idct: IDCTS[size],
        width,
        height,
        samples: new Uint8Array(stride * ringRows),
        stride,
        ringRows,
        decoded: 0,
        vRatio,
        method,
        row: new Uint8Array(method.kind === "full" ? 0 : paddedWidth),
        blockColumns: blocksFor(columns, hRatio, size, component.blocksWide),
        blockRows: blocksFor(this.rows, vRatio, size, component.blocksHigh),
      };
    });
    this.rgb = new Uint8Array(this.width * 3);
    this.rgbClamped = new Uint8ClampedArray(this.rgb.buffer);
    this.spanStart = columns.start;
    this.spanWidth = columns.end - columns.start;
    this.rgbSpan = this.rgb.subarray(columns.start * 3);
    this.rgbClampedSpan = this.rgbClamped.subarray(columns.start * 3);
    this.sources = this.planes.map((p) => p.samples);
    this.offsets = new Int32Array(this.planes.length);
  }

  /** Bytes held in sample buffers. */
  get allocatedBytes(): number {
    return this.planes.reduce((sum, p) => sum + p.samples.byteLength + p.row.byteLength, this.rgb.byteLength);
  }

  /** Side of the blocks component `index` is decoded to (8 / scale, or more for subsampled chroma). */
  blockSize(index: number): number {
    return this.planes[index].blockSize;
  }

  /**
   * The blocks of component `index` whose samples reach what the sink reads (the rest need not be
   * transformed): all that hold samples, or those under the region it reads.
   */
  neededBlocks(index: number): { columns: BlockRange; rows: BlockRange } {
    const p = this.planes[index];
    return { columns: p.blockColumns, rows: p.blockRows };
  }

  /** Where block (row, col) of component `index` goes in its ring buffer. */
  blockOffset(index: number, blockRow: number, blockCol: number): number {
    const p = this.planes[index];
    return ((blockRow * p.blockSize) % p.ringRows) * p.stride + blockCol * p.blockSize;
  }

  /** Dequantises and inverse-transforms block (row, col) of component `index` into its ring buffer. */
  putBlock(
    index: number,
    blockRow: number,
    blockCol: number,
    coefs: Int16Array,
    at: number,
    quant: Int32Array,
  ): void {
    this.putBlockAt(index, this.blockOffset(index, blockRow, blockCol), coefs, at, quant, ANY_NONZERO);
  }

  /**
   * putBlock at an offset from blockOffset (the streaming scan computes it once per block row), with
   * what is known of the block's non-zero coefficients (idct.ts's ANY_NONZERO).
   */
  putBlockAt(
    index: number,
    offset: number,
    coefs: Int16Array,
    at: number,
    quant: Int32Array,
    nonzero: number,
  ): void {
    const p = this.planes[index];
    p.idct(coefs, at, quant, p.samples, offset, p.stride, nonzero);
  }

  /**
   * A block whose AC coefficients are all zero: every sample is the same, the value the IDCT would
   * compute for it (both passes reduce to the DC term, with the same rounding and range limit), so the
   * IDCT is skipped. Most blocks of a photo's chroma, and many of its luma, are like this.
   */
  putDcBlockAt(index: number, offset: number, dc: number, quant: Int32Array): void {
    const p = this.planes[index];
    const size = p.blockSize;
    const product = dc * quant[0];
    // The 1x1 IDCT descales the product directly; the others after the first pass's << PASS1_BITS.
    const value =
      size === 1
        ? RANGE_LIMIT[((product + 4) >> 3) & 1023]
        : RANGE_LIMIT[(((product << 2) + 16) >> 5) & 1023];
    const out = p.samples;
    const stride = p.stride;
    for (let y = 0, o = offset; y < size; y++, o += stride) {
      for (let x = 0; x < size; x++) out[o + x] = value;
    }
  }

  /** Records that component `index` has its first `blockRows` rows of blocks decoded. */
  decoded(index: number, blockRows: number): void {
    const p = this.planes[index];
    p.decoded = Math.min(blockRows * p.blockSize, p.height);
  }

  /** Emits every output row whose samples are all decoded. */
  emitReady(): void {
    const height = this.height;
    while (this.nextY < height && this.ready(this.nextY)) this.emit(this.nextY++);
  }

  /** True once every row has gone to the sink. */
  get done(): boolean {
    return this.nextY === this.height;
  }

  private ready(y: number): boolean {
    for (const p of this.planes) {
      let row = Math.floor(y / p.vRatio);
      if (needsNeighbourRow(p.method) && y & 1) row++;
      if (Math.min(row, p.height - 1) >= p.decoded) return false;
    }
    return true;
  }

  private ringOffset(p: Plane, row: number): number {
    return (row % p.ringRows) * p.stride;
  }

  private emit(y: number): void {
    // A row the sink does not read still goes to it (every row does), unconverted.
    if (y < this.rows.start || y >= this.rows.end) {
      this.sink(y, this.rgb);
      return;
    }
    const width = this.width;
    for (let i = 0; i < this.planes.length; i++) {
      const p = this.planes[i];
      const last = p.height - 1;
      const method = p.method;
      if (method.kind === "full") {
        this.sources[i] = p.samples;
        this.offsets[i] = this.ringOffset(p, y);
        continue;
      }
      this.sources[i] = p.row;
      this.offsets[i] = 0;
      const cw = p.width;
      if (method.kind === "h2v1") {
        upsampleH2V1(p.samples, this.ringOffset(p, y), cw, p.row);
      } else if (method.kind === "replicate") {
        upsampleReplicate(p.samples, this.ringOffset(p, Math.floor(y / method.v)), method.h, width, p.row);
      } else {
        const row = y >> 1;
        const below = (y & 1) === 1;
        const near = this.ringOffset(p, row);
        const far = this.ringOffset(p, below ? Math.min(row + 1, last) : Math.max(row - 1, 0));
        if (method.kind === "h2v2") upsampleH2V2(p.samples, near, far, cw, p.row);
        else upsampleH1V2(p.samples, near, far, cw, below ? 2 : 1, p.row);
      }
    }
    this.convert();
    this.sink(y, this.rgb);
  }

  /** Colour conversion of the converted span (every source offset moves to its start). */
  private convert(): void {
    const s = this.sources;
    const o = this.offsets;
    for (let i = 0; i < o.length; i++) o[i] += this.spanStart;
    const rgb = this.rgbSpan;
    const width = this.spanWidth;
    const space = this.colorSpace;
    if (space === "gray") grayToRgb(s[0], o[0], rgb, width);
    else if (space === "ycbcr") yccToRgb(s[0], o[0], s[1], o[1], s[2], o[2], this.rgbClampedSpan, width);
    else if (space === "rgb") planesToRgb(s[0], o[0], s[1], o[1], s[2], o[2], rgb, width);
    else cmykToRgb(s[0], o[0], s[1], o[1], s[2], o[2], s[3], o[3], space === "ycck", rgb, width);
  }
}
