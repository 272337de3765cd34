import type { RowSink } from "../types";
import { type ColorSpace, cmykToRgb, grayToRgb, planesToRgb, yccToRgb } from "./color";
import type { Component, Frame } from "./frame";
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
  samples: Uint8Array;
  stride: number;
  ringRows: number;
  /** Sample rows decoded so far. */
  decoded: number;
  vRatio: number;
  method: UpsampleMethod;
  /** Full-width row the upsampler writes (unused for full-size components). */
  row: Uint8Array;
}

/** Bytes a RowAssembler for `frame` allocates (its allocatedBytes), known before decoding. */
export function assemblerBytes(frame: Frame): number {
  const paddedWidth = frame.mcusPerLine * frame.maxH * 8;
  return frame.components.reduce((sum, c) => {
    const method = upsampleMethod(frame.maxH / c.h, frame.maxV / c.v, c.width);
    return sum + c.blocksPerLine * 8 * 2 * c.v * 8 + (method.kind === "full" ? 0 : paddedWidth);
  }, frame.width * 3);
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
  private readonly sources: Uint8Array[];
  private readonly offsets: Int32Array;
  private nextY = 0;

  constructor(
    private readonly frame: Frame,
    private readonly colorSpace: ColorSpace,
    private readonly sink: RowSink,
  ) {
    const paddedWidth = frame.mcusPerLine * frame.maxH * 8;
    this.planes = frame.components.map((component) => {
      const stride = component.blocksPerLine * 8;
      const ringRows = 2 * component.v * 8;
      const hRatio = frame.maxH / component.h;
      const vRatio = frame.maxV / component.v;
      const method = upsampleMethod(hRatio, vRatio, component.width);
      return {
        component,
        samples: new Uint8Array(stride * ringRows),
        stride,
        ringRows,
        decoded: 0,
        vRatio,
        method,
        row: new Uint8Array(method.kind === "full" ? 0 : paddedWidth),
      };
    });
    this.rgb = new Uint8Array(frame.width * 3);
    this.sources = this.planes.map((p) => p.samples);
    this.offsets = new Int32Array(this.planes.length);
  }

  /** Bytes held in sample buffers. */
  get allocatedBytes(): number {
    return this.planes.reduce((sum, p) => sum + p.samples.byteLength + p.row.byteLength, this.rgb.byteLength);
  }

  /** The ring buffer of a component and where its block (row, col) goes in it. */
  samples(index: number): Uint8Array {
    return this.planes[index].samples;
  }

  stride(index: number): number {
    return this.planes[index].stride;
  }

  blockOffset(index: number, blockRow: number, blockCol: number): number {
    const p = this.planes[index];
    return ((blockRow * 8) % p.ringRows) * p.stride + blockCol * 8;
  }

  /** Records that component `index` has its first `rows` sample rows decoded. */
  decoded(index: number, rows: number): void {
    const p = this.planes[index];
    p.decoded = Math.min(rows, p.component.height);
  }

  /** Emits every output row whose samples are all decoded. */
  emitReady(): void {
    const height = this.frame.height;
    while (this.nextY < height && this.ready(this.nextY)) this.emit(this.nextY++);
  }

  /** True once every row has gone to the sink. */
  get done(): boolean {
    return this.nextY === this.frame.height;
  }

  private ready(y: number): boolean {
    for (const p of this.planes) {
      let row = Math.floor(y / p.vRatio);
      if (needsNeighbourRow(p.method) && y & 1) row++;
      if (Math.min(row, p.component.height - 1) >= p.decoded) return false;
    }
    return true;
  }

  private ringOffset(p: Plane, row: number): number {
    return (row % p.ringRows) * p.stride;
  }

  private emit(y: number): void {
    const width = this.frame.width;
    for (let i = 0; i < this.planes.length; i++) {
      const p = this.planes[i];
      const last = p.component.height - 1;
      const method = p.method;
      if (method.kind === "full") {
        this.sources[i] = p.samples;
        this.offsets[i] = this.ringOffset(p, y);
        continue;
      }
      this.sources[i] = p.row;
      this.offsets[i] = 0;
      const cw = p.component.width;
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
    this.convert(width);
    this.sink(y, this.rgb);
  }

  private convert(width: number): void {
    const s = this.sources;
    const o = this.offsets;
    const rgb = this.rgb;
    const space = this.colorSpace;
    if (space === "gray") grayToRgb(s[0], o[0], rgb, width);
    else if (space === "ycbcr") yccToRgb(s[0], o[0], s[1], o[1], s[2], o[2], rgb, width);
    else if (space === "rgb") planesToRgb(s[0], o[0], s[1], o[1], s[2], o[2], rgb, width);
    else cmykToRgb(s[0], o[0], s[1], o[1], s[2], o[2], s[3], o[3], space === "ycck", rgb, width);
  }
}
