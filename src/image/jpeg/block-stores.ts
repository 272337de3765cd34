import { smoothBlockRow, smoothingNeeded, TRACKED_COEFS } from "./block-smoothing";
import type { Component, Frame } from "./frame";
import type { RowAssembler } from "./row-assembler";
import type { BlockStore, Scan } from "./scan";

/** libjpeg leaves a component without a quantisation table (no scan ever named it) at zero: grey. */
const NO_QUANT = new Int32Array(64);

/**
 * Sequential single-scan decoding: each block goes through the IDCT into the assembler's ring buffers
 * as soon as it is decoded, and rows are emitted after every MCU row. Only one block of coefficients
 * exists at a time.
 */
export class StreamingStore implements BlockStore {
  private readonly block = new Int16Array(64);

  constructor(
    private readonly assembler: RowAssembler,
    private readonly interleaved: boolean,
    private readonly components: Component[],
  ) {}

  get allocatedBytes(): number {
    return this.block.byteLength;
  }

  coefficients(): Int16Array {
    return this.block;
  }

  offset(): number {
    return 0;
  }

  blockDone(c: Component, row: number, col: number): void {
    // Blocks of the MCU padding hold no samples the output uses.
    if (row < c.blocksHigh && col < c.blocksWide) {
      this.assembler.putBlock(c.index, row, col, this.block, 0, c.quant ?? NO_QUANT);
    }
    this.block.fill(0);
  }

  rowDone(mcuRow: number): void {
    for (const c of this.components) {
      this.assembler.decoded(c.index, (mcuRow + 1) * (this.interleaved ? c.v : 1));
    }
    this.assembler.emitReady();
  }
}

/** Bytes of a StreamingStore: one block of coefficients. */
export const STREAMING_STORE_BYTES = 64 * 2;

/** Bytes a CoefficientStore for `frame` allocates (its allocatedBytes), known before decoding. */
export function coefficientBytes(frame: Frame): number {
  return frame.components.reduce((sum, c) => sum + c.blocksPerLine * c.blocksPerColumn * 64 * 2, 0);
}

/** Multi-scan decoding (progressive, or sequential split over scans): all coefficients are kept. */
export class CoefficientStore implements BlockStore {
  private readonly arrays: Int16Array[];
  /** Per component, the Al of the last scan that coded each of the first zigzag coefficients (-1: none). */
  private readonly coefBits: Int8Array[];

  constructor(private readonly frame: Frame) {
    this.arrays = frame.components.map((c) => new Int16Array(c.blocksPerLine * c.blocksPerColumn * 64));
    this.coefBits = frame.components.map(() => new Int8Array(TRACKED_COEFS).fill(-1));
  }

  get allocatedBytes(): number {
    return this.arrays.reduce((sum, a) => sum + a.byteLength, 0);
  }

  /** Notes which coefficients a progressive scan refined, for block smoothing. */
  recordScan(scan: Scan): void {
    for (const { component } of scan.components) {
      for (let k = scan.ss; k <= Math.min(scan.se, TRACKED_COEFS - 1); k++)
        this.coefBits[component.index][k] = scan.al;
    }
  }

  coefficients(c: Component): Int16Array {
    return this.arrays[c.index];
  }

  offset(c: Component, row: number, col: number): number {
    return (row * c.blocksPerLine + col) * 64;
  }

  blockDone(): void {}

  rowDone(): void {}

  /** After the last scan: IDCT one iMCU row at a time into the assembler, which streams the rows out. */
  output(assembler: RowAssembler): void {
    const frame = this.frame;
    const smoothing = smoothingNeeded(frame, this.coefBits);
    const workspace = new Int16Array(64);
    for (let m = 0; m < frame.mcuRows; m++) {
      for (const c of frame.components) {
        const coefs = this.arrays[c.index];
        const quant = c.quant ?? NO_QUANT;
        const first = m * c.v;
        const rows = Math.min(c.v, c.blocksHigh - first);
        for (let row = first; row < first + rows; row++) {
          if (smoothing) {
            const emit = (col: number) => assembler.putBlock(c.index, row, col, workspace, 0, quant);
            smoothBlockRow(
              coefs,
              c,
              this.coefBits[c.index],
              m,
              frame.mcuRows - 1,
              row - first,
              rows,
              workspace,
              emit,
            );
            continue;
          }
          for (let col = 0; col < c.blocksWide; col++) {
            assembler.putBlock(c.index, row, col, coefs, this.offset(c, row, col), quant);
          }
        }
        assembler.decoded(c.index, (m + 1) * c.v);
      }
      assembler.emitReady();
    }
  }
}
