// libjpeg's block smoothing (jdcoefct.c decompress_smooth_data, libjpeg-turbo 2.1): when a progressive
// image never received some of its first nine AC coefficients to full precision, libjpeg estimates
// them (and, with no AC data at all, re-estimates DC) from the DC values of the 5x5 neighbouring
// blocks. Complete progressive files (all coefficients down to bit 0) never take this path.

import type { CompactBlocks } from "./coefficient-layout";
import type { Component, Frame } from "./frame";

/** Zigzag indexes 0..9: those libjpeg tracks (SAVED_COEFS). */
export const TRACKED_COEFS = 10;

/** Natural position of zigzag coefficients 0..9. */
const NATURAL = [0, 1, 8, 16, 9, 2, 3, 10, 17, 24];

/**
 * Weights over the 5x5 DC neighbourhood (rows two above to two below, columns two left to two right)
 * for zigzag coefficients 1..9: [with DC interpolation, without]. Coefficients 6..9 are estimated only
 * with DC interpolation. Transcribed from libjpeg-turbo 2.1.5.
 */
const KERNELS: [number[], number[] | null][] = [
  [
    [-1, -1, 0, 1, 1, -3, 13, 0, -13, 3, -3, 38, 0, -38, 3, -3, 13, 0, -13, 3, -1, -1, 0, 1, 1],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -7, 50, 0, -50, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  ],
  [
    [-1, -3, -3, -3, -1, -1, 13, 38, 13, -1, 0, 0, 0, 0, 0, 1, -13, -38, -13, 1, 1, 3, 3, 3, 1],
    [0, 0, -7, 0, 0, 0, 0, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, -50, 0, 0, 0, 0, 7, 0, 0],
  ],
  [
    [0, 0, 1, 0, 0, 0, 2, 7, 2, 0, 0, -5, -14, -5, 0, 0, 2, 7, 2, 0, 0, 0, 1, 0, 0],
    [0, 0, -1, 0, 0, 0, 0, 13, 0, 0, 0, 0, -24, 0, 0, 0, 0, 13, 0, 0, 0, 0, -1, 0, 0],
  ],
  [
    [-1, 0, 0, 0, 1, 0, 9, 0, -9, 0, 0, 0, 0, 0, 0, 0, -9, 0, 9, 0, 1, 0, 0, 0, -1],
    [0, -1, 0, 1, 0, -1, 10, 0, -10, 1, 0, 0, 0, 0, 0, 1, -10, 0, 10, -1, 0, 1, 0, -1, 0],
  ],
  [
    [0, 0, 0, 0, 0, 0, 2, -5, 2, 0, 1, 7, -14, 7, 1, 0, 2, -5, 2, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 13, -24, 13, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  ],
  [[0, 0, 0, 0, 0, 0, 1, 0, -1, 0, 0, 2, 0, -2, 0, 0, 1, 0, -1, 0, 0, 0, 0, 0, 0], null],
  [[0, 0, 0, 0, 0, 0, 1, -3, 1, 0, 0, 0, 0, 0, 0, 0, -1, 3, -1, 0, 0, 0, 0, 0, 0], null],
  [[0, 0, 0, 0, 0, 0, 1, 0, -1, 0, 0, -3, 0, 3, 0, 0, 1, 0, -1, 0, 0, 0, 0, 0, 0], null],
  [[0, 0, 0, 0, 0, 0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, -1, -2, -1, 0, 0, 0, 0, 0, 0], null],
];
const DC_KERNEL = [
  -2, -6, -8, -6, -2, -6, 6, 42, 6, -6, -8, 42, 152, 42, -8, -6, 6, 42, 6, -6, -2, -6, -8, -6, -2,
];

/**
 * libjpeg's smoothing_ok: progressive, every component's table latched with non-zero entries at the
 * tracked positions, every DC at least partly known, and some tracked AC coefficient not exact.
 * `coefBits[c][k]` is the Al of the last scan that coded zigzag coefficient k, -1 if none did.
 */
export function smoothingNeeded(frame: Frame, coefBits: Int8Array[]): boolean {
  if (!frame.progressive) return false;
  let useful = false;
  for (const c of frame.components) {
    const bits = coefBits[c.index];
    if (!c.quant || NATURAL.some((pos) => rawQuant(c, pos) === 0) || bits[0] < 0) return false;
    for (let k = 1; k < TRACKED_COEFS; k++) if (bits[k] !== 0) useful = true;
  }
  return useful;
}

/** The table as the DQT stored it (the IDCT copy is narrowed to 16-bit signed). */
function rawQuant(c: Component, pos: number): number {
  return c.quant![pos] & 0xffff;
}

/**
 * Smooths block row `row` of component `c` (iMCU row `imcu`, `rowInImcu` within it, `rowsInImcu`
 * block rows there) and hands each resulting block to `emit`. The neighbour rows and the sliding
 * column registers follow libjpeg's edge handling exactly, quirks included.
 */
export function smoothBlockRow(
  blocks: CompactBlocks,
  c: Component,
  bits: Int8Array,
  imcu: number,
  lastImcu: number,
  rowInImcu: number,
  rowsInImcu: number,
  workspace: Int16Array,
  emit: (col: number) => void,
): void {
  const row = imcu * c.v + rowInImcu;
  const prev = rowInImcu > 0 || imcu > 0 ? row - 1 : row;
  const prevPrev = rowInImcu > 1 || imcu > 1 ? row - 2 : prev;
  const next = rowInImcu < rowsInImcu - 1 || imcu < lastImcu ? row + 1 : row;
  const nextNext = rowInImcu < rowsInImcu - 2 || imcu + 1 < lastImcu ? row + 2 : next;
  const rows = [prevPrev, prev, row, next, nextNext].map((r) => r * c.blocksPerLine);
  const changeDc = bits.subarray(1).every((b) => b === -1);
  const lastCol = c.blocksWide - 1;
  // dc[r * 5 + i]: DC of row r at column offset i - 2, kept as libjpeg's DC01..DC25 registers.
  const dc = new Int32Array(25);
  for (let r = 0; r < 5; r++) dc.fill(blocks.dc(rows[r]), r * 5, r * 5 + 5);
  for (let col = 0; col <= lastCol; col++) {
    // Coefficients a reduced IDCT never reads are not kept (zero here): their estimates go unused.
    blocks.expand(row * c.blocksPerLine + col, workspace);
    if (col === 0 && col < lastCol) for (let r = 0; r < 5; r++) dc[r * 5 + 3] = blocks.dc(rows[r] + 1);
    if (col + 1 < lastCol) for (let r = 0; r < 5; r++) dc[r * 5 + 4] = blocks.dc(rows[r] + col + 2);
    const q00 = rawQuant(c, 0);
    for (let k = 1; k < TRACKED_COEFS; k++) {
      const kernel = KERNELS[k - 1][changeDc ? 0 : 1];
      const al = bits[k];
      const pos = NATURAL[k];
      if (!kernel || al === 0 || workspace[pos] !== 0) continue;
      workspace[pos] = estimate(q00 * weigh(kernel, dc), rawQuant(c, pos), al);
    }
    if (changeDc) workspace[0] = estimate(q00 * weigh(DC_KERNEL, dc), q00, 0);
    emit(col);
    for (let r = 0; r < 25; r += 5) dc.copyWithin(r, r + 1, r + 5);
  }
}

function weigh(kernel: number[], dc: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < 25; i++) sum += kernel[i] * dc[i];
  return sum;
}

/** num / (q * 256), rounded, capped below 2^Al when the coefficient is known down to bit Al. */
function estimate(num: number, q: number, al: number): number {
  let pred = Math.floor((q * 128 + Math.abs(num)) / (q * 256));
  if (al > 0 && pred >= 1 << al) pred = (1 << al) - 1;
  return num >= 0 ? pred : -pred;
}
