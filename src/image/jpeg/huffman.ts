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
  /**
   * For sequential decoding, each LOOKAHEAD-bit prefix that holds a whole short code and the magnitude
   * bits after it (stb_image's fast_ac): (value << 8) | (run << 4) | (code length + magnitude bits),
   * with the value already sign-extended. A short size-0 code (an AC end of block, a DC difference of
   * 0; not ZRL) is just its length, value 0. 0 when the prefix needs the general path (long codes, ZRL,
   * magnitudes that do not fit). One look-up then replaces decoding the symbol and reading its value,
   * which is most of the work in a photo's AC data, and most blocks' DC (a DC symbol's run is 0).
   */
  fast: Int32Array;
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
  return { lookup, maxcode, valoffset, symbols, fast: fastTable(lookup) };
}

function fastTable(lookup: Uint16Array): Int32Array {
  const fast = new Int32Array(1 << LOOKAHEAD);
  for (let prefix = 0; prefix < fast.length; prefix++) {
    const entry = lookup[prefix];
    if (entry === 0) continue;
    const length = entry >> 8;
    const run = (entry >> 4) & 15;
    const size = entry & 15;
    if (size === 0) {
      if (run !== 15) fast[prefix] = length;
      continue;
    }
    if (length + size > LOOKAHEAD) continue;
    // The `size` bits after the code, extended as libjpeg's HUFF_EXTEND does.
    const raw = (prefix >> (LOOKAHEAD - length - size)) & ((1 << size) - 1);
    const value = raw < 1 << (size - 1) ? raw - (1 << size) + 1 : raw;
    fast[prefix] = (value << 8) | (run << 4) | (length + size);
  }
  return fast;
}
