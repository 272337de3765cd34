import type { BitReader } from "./bit-reader";
import { readOrder } from "./coefficient-layout";
import type { Frame } from "./frame";
import type { RowAssembler } from "./row-assembler";
import type { Scan } from "./scan";
import { decodeBlock } from "./sequential";

/** libjpeg leaves a component without a quantisation table (no scan ever named it) at zero: grey. */
const NO_QUANT = new Int32Array(64);

/** Every AC coefficient to the UNREAD slot: the order of a 1x1 IDCT. */
const DC_ONLY = readOrder(1);

/** Bytes streamSequentialScan allocates: one block of coefficients and the list of those written. */
export const STREAMING_SCAN_BYTES = 65 * 2 + 64;

/**
 * A sequential image coded in one scan (every baseline photo): each block is decoded, inverse-
 * transformed straight into the assembler's ring buffers and forgotten, and rows are emitted after every
 * MCU row, so only one block of coefficients exists at a time. It visits MCUs and handles restart
 * markers as decodeScan does, but calls the block decoder and the IDCT directly: this loop runs once
 * per block (300,000 times for a 12 MP photo), and decodeScan's per-block callbacks cost more than many
 * of the blocks themselves. Blocks with only a DC term skip the IDCT and the zeroing.
 */
export function streamSequentialScan(
  reader: BitReader,
  frame: Frame,
  scan: Scan,
  restartInterval: number,
  assembler: RowAssembler,
): void {
  // 65 entries: the 65th takes the coefficients the IDCT never reads (see readOrder).
  const block = new Int16Array(65);
  const written = new Uint8Array(64);
  const comps = scan.components;
  // A scan of one component codes its blocks one by one (an MCU of one block) and only those that
  // hold samples; an interleaved scan covers the MCU-padded grid.
  const interleaved = comps.length > 1;
  const mcusPerLine = interleaved ? frame.mcusPerLine : comps[0].component.blocksWide;
  const mcuRows = interleaved ? frame.mcuRows : comps[0].component.blocksHigh;
  const setup = comps.map(({ component: c }) => ({
    h: interleaved ? c.h : 1,
    v: interleaved ? c.v : 1,
    // Only what the IDCT reads is stored (a 1x1 IDCT reads only DC: libjpeg-turbo's ac_needed).
    order: readOrder(assembler.blockSize(c.index)),
    quant: c.quant ?? NO_QUANT,
    size: assembler.blockSize(c.index),
    /** Ring-buffer offset of each block row of the current MCU row. */
    rowOffsets: new Int32Array(interleaved ? c.v : 1),
    /** Blocks to transform: those holding samples of what the sink reads. */
    needed: assembler.neededBlocks(c.index),
  }));
  let restartsLeft = restartInterval;
  let nextRestart = 0;
  for (let mcuRow = 0; mcuRow < mcuRows; mcuRow++) {
    for (let i = 0; i < comps.length; i++) {
      const { v, rowOffsets } = setup[i];
      for (let by = 0; by < v; by++) {
        rowOffsets[by] = assembler.blockOffset(comps[i].component.index, mcuRow * v + by, 0);
      }
    }
    for (let mcuCol = 0; mcuCol < mcusPerLine; mcuCol++) {
      if (restartInterval !== 0) {
        if (restartsLeft === 0) {
          reader.restart(nextRestart);
          nextRestart = (nextRestart + 1) & 7;
          for (const sc of comps) sc.pred = 0;
          restartsLeft = restartInterval;
        }
        restartsLeft--;
      }
      for (let i = 0; i < comps.length; i++) {
        const sc = comps[i];
        const c = sc.component;
        const { h, v, order, quant, size, rowOffsets, needed } = setup[i];
        const { rows, columns } = needed;
        for (let by = 0; by < v; by++) {
          const row = mcuRow * v + by;
          for (let bx = 0; bx < h; bx++) {
            const col = mcuCol * h + bx;
            // Blocks of the MCU padding hold no samples the output uses, nor do those outside what the
            // sink reads: they are decoded (to find the next block) but not transformed, so none of
            // their AC coefficients is kept (nothing to zero after).
            const used = row >= rows.first && row <= rows.last && col >= columns.first && col <= columns.last;
            const result = decodeBlock(reader, block, 0, sc, used ? order : DC_ONLY, written);
            const n = result & 0xff;
            if (used) {
              const offset = rowOffsets[by] + col * size;
              if (n === 0) assembler.putDcBlockAt(c.index, offset, block[0], quant);
              else assembler.putBlockAt(c.index, offset, block, 0, quant, result >> 8);
            }
            // Zero what was written (DC is always overwritten): every other entry is still zero.
            for (let j = 0; j < n; j++) block[written[j]] = 0;
          }
        }
      }
      reader.checkOverrun();
    }
    for (let i = 0; i < comps.length; i++) {
      assembler.decoded(comps[i].component.index, (mcuRow + 1) * setup[i].v);
    }
    assembler.emitReady();
  }
}
