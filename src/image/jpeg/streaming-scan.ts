import type { BitReader } from "./bit-reader";
import type { Frame } from "./frame";
import type { RowAssembler } from "./row-assembler";
import type { Scan } from "./scan";
import { decodeBlock } from "./sequential";
import { ZIGZAG } from "./zigzag";

/** libjpeg leaves a component without a quantisation table (no scan ever named it) at zero: grey. */
const NO_QUANT = new Int32Array(64);

/** Bytes streamSequentialScan allocates: one block of coefficients. */
export const STREAMING_SCAN_BYTES = 64 * 2;

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
  const block = new Int16Array(64);
  const comps = scan.components;
  // A scan of one component codes its blocks one by one (an MCU of one block) and only those that
  // hold samples; an interleaved scan covers the MCU-padded grid.
  const interleaved = comps.length > 1;
  const mcusPerLine = interleaved ? frame.mcusPerLine : comps[0].component.blocksWide;
  const mcuRows = interleaved ? frame.mcuRows : comps[0].component.blocksHigh;
  const setup = comps.map(({ component: c }) => ({
    h: interleaved ? c.h : 1,
    v: interleaved ? c.v : 1,
    // A 1x1 IDCT reads only DC: AC is decoded but not stored (libjpeg-turbo's ac_needed).
    storeAc: assembler.blockSize(c.index) > 1,
    quant: c.quant ?? NO_QUANT,
  }));
  let restartsLeft = restartInterval;
  let nextRestart = 0;
  for (let mcuRow = 0; mcuRow < mcuRows; mcuRow++) {
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
        const { h, v, storeAc, quant } = setup[i];
        for (let by = 0; by < v; by++) {
          const row = mcuRow * v + by;
          for (let bx = 0; bx < h; bx++) {
            const col = mcuCol * h + bx;
            const last = decodeBlock(reader, block, 0, sc, storeAc);
            // Blocks of the MCU padding hold no samples the output uses.
            if (row < c.blocksHigh && col < c.blocksWide) {
              if (last === 0) assembler.putDcBlock(c.index, row, col, block[0], quant);
              else assembler.putBlock(c.index, row, col, block, 0, quant);
            }
            // Zero what was written (DC is always overwritten); positions past `last` are still zero.
            if (last > 16) block.fill(0);
            else for (let k = 1; k <= last; k++) block[ZIGZAG[k]] = 0;
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
