import { corrupt } from "./errors";

/** Codes up to this many bits are decoded with one table look-up. */
export const LOOKAHEAD = 9;

/** A Huffman table prepared for decoding (libjpeg's d_derived_tbl, with a 9-bit look-ahead). */
export interface HuffmanTable {
  /** For each LOOKAHEAD-bit prefix: (code length << 8) | symbol, or 0 when the code is longer. */
  lookup: Uint16Array;
  /** Largest code of each length 1..16, -1 when there is none; [17] stops the search. */
  maxcode: Int32Array;
  /** Index into `symbols` of the first code of each length, minus that code. */
  valoffset: Int32Array;
  symbols: Uint8Array;
}

/**
 * Builds the decoding table from the DHT counts (codes of length 1..16) and symbols, validating it as
 * libjpeg's jpeg_make_d_derived_tbl does.
 */
export function buildHuffmanTable(
  counts: ArrayLike<number>,
  symbols: Uint8Array,
  isDc: boolean,
): HuffmanTable {
  const lookup = new Uint16Array(1 << LOOKAHEAD);
  const maxcode = new Int32Array(18).fill(-1);
  const valoffset = new Int32Array(18);
  let code = 0;
  let p = 0;
  for (let len = 1; len <= 16; len++) {
    const n = counts[len - 1];
    if (n > 0) {
      valoffset[len] = p - code;
      for (let i = 0; i < n; i++, p++, code++) {
        if (len <= LOOKAHEAD) {
          const first = code << (LOOKAHEAD - len);
          lookup.fill((len << 8) | symbols[p], first, first + (1 << (LOOKAHEAD - len)));
        }
      }
      maxcode[len] = code - 1;
      // A code may not be all ones: the last code of each length must still fit in `len` bits.
      if (code >= 1 << len) throw corrupt("Huffman table is invalid (code space overflow)");
    }
    code <<= 1;
  }
  maxcode[17] = 0xfffff;
  if (isDc) {
    for (let i = 0; i < p; i++) if (symbols[i] > 15) throw corrupt("DC Huffman table has a symbol above 15");
  }
  return { lookup, maxcode, valoffset, symbols };
}
