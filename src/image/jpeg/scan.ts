import type { BitReader } from "./bit-reader";
import { corrupt } from "./errors";
import { type Component, type Frame, MAX_BLOCKS_IN_MCU } from "./frame";
import type { HuffmanTable } from "./huffman";
import type { Segment } from "./markers";
import type { Tables } from "./tables";

export interface ScanComponent {
  component: Component;
  dc: HuffmanTable | null;
  ac: HuffmanTable | null;
  /** DC predictor (last DC value), reset at every restart. */
  pred: number;
}

export interface Scan {
  components: ScanComponent[];
  /** Spectral selection (first and last zigzag index) and successive approximation bit positions. */
  ss: number;
  se: number;
  ah: number;
  al: number;
  /** Remaining blocks of an end-of-band run (progressive AC scans). */
  eobrun: number;
}

/** Decodes one block's share of a scan into `coefs` at `at` (natural order, not dequantised). */
export type BlockDecoder = (
  reader: BitReader,
  coefs: Int16Array,
  at: number,
  sc: ScanComponent,
  scan: Scan,
) => void;

/** Where the blocks of a scan go. */
export interface BlockStore {
  /** Coefficient array of a component, and the offset of block (row, col) in it. */
  coefficients(c: Component): Int16Array;
  offset(c: Component, row: number, col: number): number;
  /** Called after each block has been decoded. */
  blockDone(c: Component, row: number, col: number): void;
  /** Called after each MCU row (block row for a non-interleaved scan). */
  rowDone(mcuRow: number): void;
}

/** Parses SOS, resolving component ids and Huffman tables (a missing table is reported when used). */
export function parseScan(bytes: Uint8Array, seg: Segment, frame: Frame, tables: Tables): Scan {
  const n = bytes[seg.start];
  if (n < 1 || n > 4 || seg.end - seg.start !== 4 + 2 * n) throw corrupt("SOS marker has a bad length");
  const components: ScanComponent[] = [];
  for (let i = 0; i < n; i++) {
    const id = bytes[seg.start + 1 + 2 * i];
    const selectors = bytes[seg.start + 2 + 2 * i];
    const component = frame.components.find((c) => c.id === id && !components.some((s) => s.component === c));
    if (!component) throw corrupt(`SOS names unknown or repeated component id ${id}`);
    components.push({
      component,
      dc: tables.dc[selectors >> 4] ?? null,
      ac: tables.ac[selectors & 15] ?? null,
      pred: 0,
    });
  }
  const at = seg.start + 1 + 2 * n;
  const scan = {
    components,
    ss: bytes[at],
    se: bytes[at + 1],
    ah: bytes[at + 2] >> 4,
    al: bytes[at + 2] & 15,
    eobrun: 0,
  };
  if (n > 1) {
    const blocks = components.reduce((sum, s) => sum + s.component.h * s.component.v, 0);
    if (blocks > MAX_BLOCKS_IN_MCU) throw corrupt(`an MCU of ${blocks} blocks exceeds ${MAX_BLOCKS_IN_MCU}`);
  }
  return scan;
}

/**
 * Runs a scan: visits its MCUs in order, handles restart markers, and hands every block to `decode`.
 * An interleaved scan covers the MCU-padded grid; a single-component scan covers only the blocks that
 * hold samples. Work is bounded by the frame's block count, and reading past the data stops it with an
 * error at the MCU where that happens.
 */
export function decodeScan(
  reader: BitReader,
  frame: Frame,
  scan: Scan,
  restartInterval: number,
  decode: BlockDecoder,
  store: BlockStore,
): void {
  const comps = scan.components;
  let restartsLeft = restartInterval;
  let nextRestart = 0;
  const beginMcu = () => {
    if (restartInterval === 0) return;
    if (restartsLeft === 0) {
      reader.restart(nextRestart);
      nextRestart = (nextRestart + 1) & 7;
      for (const sc of comps) sc.pred = 0;
      scan.eobrun = 0;
      restartsLeft = restartInterval;
    }
    restartsLeft--;
  };

  if (comps.length === 1) {
    const sc = comps[0];
    const c = sc.component;
    const coefs = store.coefficients(c);
    for (let row = 0; row < c.blocksHigh; row++) {
      for (let col = 0; col < c.blocksWide; col++) {
        beginMcu();
        decode(reader, coefs, store.offset(c, row, col), sc, scan);
        reader.checkOverrun();
        store.blockDone(c, row, col);
      }
      store.rowDone(row);
    }
    return;
  }

  const arrays = comps.map((sc) => store.coefficients(sc.component));
  for (let mcuRow = 0; mcuRow < frame.mcuRows; mcuRow++) {
    for (let mcuCol = 0; mcuCol < frame.mcusPerLine; mcuCol++) {
      beginMcu();
      for (let i = 0; i < comps.length; i++) {
        const sc = comps[i];
        const c = sc.component;
        for (let by = 0; by < c.v; by++) {
          const row = mcuRow * c.v + by;
          for (let bx = 0; bx < c.h; bx++) {
            const col = mcuCol * c.h + bx;
            decode(reader, arrays[i], store.offset(c, row, col), sc, scan);
            store.blockDone(c, row, col);
          }
        }
      }
      reader.checkOverrun();
    }
    store.rowDone(mcuRow);
  }
}
