import { smoothBlockRow, smoothingNeeded, TRACKED_COEFS } from "./block-smoothing";
import { CompactBlocks, coefficientLayout } from "./coefficient-layout";
import type { Component, Frame } from "./frame";
import type { RowAssembler } from "./row-assembler";
import { blockSize, type JpegScale } from "./scale";
import type { BlockStore, Scan } from "./scan";

/** libjpeg leaves a component without a quantisation table (no scan ever named it) at zero: grey. */
const NO_QUANT = new Int32Array(64);

/** Bytes a CoefficientStore for `frame` at `scale` allocates (its allocatedBytes), known before decoding. */
export function coefficientBytes(frame: Frame, scale: JpegScale = 1): number {
  const scratch = 64 * 2; // the block each scan decodes into
  return frame.components.reduce(
    (sum, c) =>
      sum + c.blocksPerLine * c.blocksPerColumn * coefficientLayout(blockSize(frame, c, scale)).bytesPerBlock,
    scratch,
  );
}

/**
 * Multi-scan decoding (progressive, or sequential split over scans): coefficients are kept until EOI.
 * At full scale all of them, 64 per block; at a reduced scale only what the reduced IDCT reads, plus
 * the non-zero bits later refinement scans need (see coefficient-layout.ts): a block is loaded into a
 * 64-entry scratch block for each scan that codes it, and stored back after.
 */
export class CoefficientStore implements BlockStore {
  private readonly blocks: CompactBlocks[];
  /** Per component, the Al of the last scan that coded each of the first zigzag coefficients (-1: none). */
  private readonly coefBits: Int8Array[];
  private readonly scratch = new Int16Array(64);
  private ss = 0;
  private se = 63;

  constructor(
    private readonly frame: Frame,
    scale: JpegScale = 1,
  ) {
    this.blocks = frame.components.map(
      (c) =>
        new CompactBlocks(coefficientLayout(blockSize(frame, c, scale)), c.blocksPerLine * c.blocksPerColumn),
    );
    this.coefBits = frame.components.map(() => new Int8Array(TRACKED_COEFS).fill(-1));
  }

  get allocatedBytes(): number {
    return this.blocks.reduce((sum, b) => sum + b.byteLength, this.scratch.byteLength);
  }

  /** A scan begins: its band (all 64 for sequential), and for block smoothing which coefficients it refines. */
  beginScan(scan: Scan): void {
    if (!this.frame.progressive) {
      [this.ss, this.se] = [0, 63];
      return;
    }
    [this.ss, this.se] = [scan.ss, scan.se];
    for (const { component } of scan.components) {
      for (let k = scan.ss; k <= Math.min(scan.se, TRACKED_COEFS - 1); k++)
        this.coefBits[component.index][k] = scan.al;
    }
  }

  private full(c: Component): boolean {
    return this.blocks[c.index].layout.kept === 64;
  }

  coefficients(c: Component): Int16Array {
    return this.full(c) ? this.blocks[c.index].values : this.scratch;
  }

  offset(c: Component, row: number, col: number): number {
    const block = row * c.blocksPerLine + col;
    if (this.full(c)) return block * 64;
    this.blocks[c.index].load(block, this.ss, this.se, this.scratch);
    return 0;
  }

  blockDone(c: Component, row: number, col: number): void {
    if (!this.full(c))
      this.blocks[c.index].store(row * c.blocksPerLine + col, this.ss, this.se, this.scratch);
  }

  rowDone(): void {}

  /** After the last scan: IDCT one iMCU row at a time into the assembler, which streams the rows out. */
  output(assembler: RowAssembler): void {
    const frame = this.frame;
    const smoothing = smoothingNeeded(frame, this.coefBits);
    const workspace = new Int16Array(64);
    for (let m = 0; m < frame.mcuRows; m++) {
      for (const c of frame.components) {
        const blocks = this.blocks[c.index];
        const full = this.full(c);
        const quant = c.quant ?? NO_QUANT;
        const first = m * c.v;
        const rows = Math.min(c.v, c.blocksHigh - first);
        for (let row = first; row < first + rows; row++) {
          if (smoothing) {
            const emit = (col: number) => assembler.putBlock(c.index, row, col, workspace, 0, quant);
            smoothBlockRow(
              blocks,
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
            const block = row * c.blocksPerLine + col;
            if (full) {
              assembler.putBlock(c.index, row, col, blocks.values, block * 64, quant);
            } else {
              blocks.expand(block, workspace);
              assembler.putBlock(c.index, row, col, workspace, 0, quant);
            }
          }
        }
        assembler.decoded(c.index, (m + 1) * c.v);
      }
      assembler.emitReady();
    }
  }
}
