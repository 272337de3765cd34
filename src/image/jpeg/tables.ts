import { corrupt } from "./errors";
import { buildHuffmanTable, type HuffmanTable } from "./huffman";
import type { Segment } from "./markers";
import { ZIGZAG } from "./zigzag";

/** Table slots defined so far; later DQT/DHT segments replace slots (progressive files do so between scans). */
export interface Tables {
  /** Quantisation tables in natural order. */
  quant: (Int32Array | null)[];
  dc: (HuffmanTable | null)[];
  ac: (HuffmanTable | null)[];
  /** MCUs between restart markers, 0 for none. */
  restartInterval: number;
}

export function emptyTables(): Tables {
  return {
    quant: [null, null, null, null],
    dc: [null, null, null, null],
    ac: [null, null, null, null],
    restartInterval: 0,
  };
}

/** DQT: one or more tables, 8- or 16-bit entries in zigzag order. */
export function readQuantTables(bytes: Uint8Array, seg: Segment, tables: Tables): void {
  let at = seg.start;
  while (at < seg.end) {
    const precision = bytes[at] >> 4;
    const slot = bytes[at] & 15;
    at++;
    if (slot > 3) throw corrupt(`DQT names table ${slot} (0..3 allowed)`);
    // As in libjpeg, any non-zero precision nibble means 16-bit entries.
    const size = precision === 0 ? 64 : 128;
    if (at + size > seg.end) throw corrupt("DQT marker is too short");
    const table = new Int32Array(64);
    for (let k = 0; k < 64; k++) {
      const q = precision === 0 ? bytes[at + k] : (bytes[at + 2 * k] << 8) | bytes[at + 2 * k + 1];
      // libjpeg-turbo's SIMD build keeps multipliers as 16-bit signed integers.
      table[ZIGZAG[k]] = (q << 16) >> 16;
    }
    tables.quant[slot] = table;
    at += size;
  }
}

/** DHT: one or more tables (class 0 = DC, 1 = AC). */
export function readHuffmanTables(bytes: Uint8Array, seg: Segment, tables: Tables): void {
  let at = seg.start;
  while (at < seg.end) {
    if (at + 17 > seg.end) throw corrupt("DHT marker is too short");
    const tableClass = bytes[at] >> 4;
    const slot = bytes[at] & 15;
    if (tableClass > 1 || slot > 3)
      throw corrupt(`DHT names an invalid table (class ${tableClass}, slot ${slot})`);
    const counts = bytes.subarray(at + 1, at + 17);
    let total = 0;
    for (let i = 0; i < 16; i++) total += counts[i];
    at += 17;
    if (total > 256 || at + total > seg.end) throw corrupt("DHT marker has a bad symbol count");
    const table = buildHuffmanTable(counts, bytes.slice(at, at + total), tableClass === 0);
    (tableClass === 0 ? tables.dc : tables.ac)[slot] = table;
    at += total;
  }
}

/** DRI: the restart interval in MCUs. */
export function readRestartInterval(bytes: Uint8Array, seg: Segment, tables: Tables): void {
  if (seg.end - seg.start !== 2) throw corrupt("DRI marker has a bad length");
  tables.restartInterval = (bytes[seg.start] << 8) | bytes[seg.start + 1];
}
