import type { BitReader } from "./bit-reader";
import { readOrder } from "./coefficient-layout";
import { corrupt } from "./errors";
import { type HuffmanTable, LOOKAHEAD } from "./huffman";
import { NONZERO_BIT } from "./idct";
import type { Scan, ScanComponent } from "./scan";

const PEEK_MASK = (1 << LOOKAHEAD) - 1;

const EVERY_COEFFICIENT = readOrder(8);
const scratchWritten = new Uint8Array(64);

/** One block of a sequential (baseline / extended) scan, as a BlockDecoder for multi-scan images. */
export function decodeSequentialBlock(
  reader: BitReader,
  coefs: Int16Array,
  at: number,
  sc: ScanComponent,
  _scan: Scan,
): void {
  decodeBlock(reader, coefs, at, sc, EVERY_COEFFICIENT, scratchWritten);
}

/**
 * One block of a sequential scan: DC difference, then run-length coded AC, into `coefs` at `at`
 * (natural order, not dequantised). `order` (see readOrder) maps each zigzag index to the position it
 * is stored at; the positions the IDCT reads are appended to `written`. Returns (mask << 8) | count:
 * their count, and their idct.ts `nonzero` mask, built here as they are stored (cheaper than a second
 * pass over `written`); 0 means the block is DC-only as far as the IDCT can tell. Entries not written
 * are left as they are, so the caller zeroes the `written` ones after use. With an order that has
 * UNREAD entries, `coefs` needs a 65th entry after the block (`at + 64`) to take them.
 *
 * This is the hot loop of a baseline decode, so the bit buffer lives in locals for the whole block and
 * goes back to the reader only around `fill` (libjpeg's BITREAD_LOAD_STATE / SAVE_STATE), and most AC
 * coefficients come from one look-up in the table's `fast` (code, run and value at once).
 */
export function decodeBlock(
  reader: BitReader,
  coefs: Int16Array,
  at: number,
  sc: ScanComponent,
  order: Uint8Array,
  written: Uint8Array,
): number {
  const dcTable = sc.dc;
  const acTable = sc.ac;
  if (!dcTable || !acTable) throw corrupt("scan uses a Huffman table that was never defined");
  const data = reader.data;
  const lastByte = data.length - 1;
  let acc = reader.acc;
  let bits = reader.bits;
  let pos = reader.pos;

  // DC: the category, then that many bits of difference.
  if (bits < LOOKAHEAD) {
    // Three plain bytes take the buffer to 24..32 bits, enough for a few symbols (a long code's search
    // tops it up to 16 itself); a 0xFF (stuffing or a marker) or the end of the data goes through the
    // reader's own fill.
    const b0 = data[pos];
    const b1 = data[pos + 1];
    const b2 = data[pos + 2];
    if (pos + 2 <= lastByte && b0 !== 0xff && b1 !== 0xff && b2 !== 0xff) {
      acc = (acc << 24) | (b0 << 16) | (b1 << 8) | b2;
      bits += 24;
      pos += 3;
    } else {
      reader.save(acc, bits, pos);
      reader.fill();
      ({ acc, bits, pos } = reader);
    }
  }
  const dcPeek = (acc >>> (bits - LOOKAHEAD)) & PEEK_MASK;
  const fastDc = dcTable.fast[dcPeek];
  let diff = 0;
  let s: number;
  if (fastDc !== 0) {
    bits -= fastDc & 15;
    diff = fastDc >> 8;
  } else {
    const entry = dcTable.lookup[dcPeek];
    if (entry !== 0) {
      bits -= entry >> 8;
      s = entry & 0xff;
    } else {
      if (bits < 16) {
        reader.save(acc, bits, pos);
        reader.fill();
        ({ acc, bits, pos } = reader);
      }
      const length = longCodeLength(dcTable, acc, bits);
      bits -= length;
      s = longCodeSymbol(dcTable, acc, bits, length);
    }
    if (s !== 0) {
      if (bits < s) {
        reader.save(acc, bits, pos);
        reader.fill();
        ({ acc, bits, pos } = reader);
      }
      bits -= s;
      diff = extend((acc >>> bits) & ((1 << s) - 1), s);
    }
  }
  // libjpeg wraps the predictor as an int and stores the coefficient as a 16-bit JCOEF.
  sc.pred = (sc.pred + diff) | 0;
  coefs[at] = sc.pred;

  // AC: (run, size) symbols until EOB or the 63rd coefficient.
  const { lookup, fast: fastAc } = acTable;
  let n = 0;
  let mask = 0;
  for (let k = 1; k < 64; k++) {
    if (bits < LOOKAHEAD) {
      const b0 = data[pos];
      const b1 = data[pos + 1];
      const b2 = data[pos + 2];
      if (pos + 2 <= lastByte && b0 !== 0xff && b1 !== 0xff && b2 !== 0xff) {
        acc = (acc << 24) | (b0 << 16) | (b1 << 8) | b2;
        bits += 24;
        pos += 3;
      } else {
        reader.save(acc, bits, pos);
        reader.fill();
        ({ acc, bits, pos } = reader);
      }
    }
    const peek = (acc >>> (bits - LOOKAHEAD)) & PEEK_MASK;
    const fast = fastAc[peek];
    if (fast !== 0) {
      bits -= fast & 15;
      const value = fast >> 8;
      if (value === 0) break; // end of block
      k += (fast >> 4) & 15;
      // Unconditional: an unread coefficient goes to slot UNREAD and is not counted.
      const natural = order[k];
      coefs[at + natural] = value;
      written[n] = natural;
      n += 1 - (natural >> 6);
      mask |= NONZERO_BIT[natural];
      continue;
    }
    const entry = lookup[peek];
    let rs: number;
    if (entry !== 0) {
      bits -= entry >> 8;
      rs = entry & 0xff;
    } else {
      if (bits < 16) {
        reader.save(acc, bits, pos);
        reader.fill();
        ({ acc, bits, pos } = reader);
      }
      const length = longCodeLength(acTable, acc, bits);
      bits -= length;
      rs = longCodeSymbol(acTable, acc, bits, length);
    }
    s = rs & 15;
    if (s !== 0) {
      k += rs >> 4;
      if (bits < s) {
        reader.save(acc, bits, pos);
        reader.fill();
        ({ acc, bits, pos } = reader);
      }
      bits -= s;
      const natural = order[k];
      coefs[at + natural] = extend((acc >>> bits) & ((1 << s) - 1), s);
      written[n] = natural;
      n += 1 - (natural >> 6);
      mask |= NONZERO_BIT[natural];
    } else if (rs >> 4 === 15) {
      k += 15;
    } else {
      break;
    }
  }
  reader.save(acc, bits, pos);
  return (mask << 8) | n;
}

/**
 * libjpeg's HUFF_EXTEND: `s` (1..15) bits read as a signed magnitude category; a clear top bit means
 * negative (v - 2^s + 1). Without a branch: the sign is random, so a branch would be mispredicted
 * about half the time. (v >> (s - 1)) - 1 is 0 when the top bit is set, else all ones.
 */
function extend(v: number, s: number): number {
  return v - (((v >> (s - 1)) - 1) & ((1 << s) - 1));
}

/** Length of a code longer than LOOKAHEAD bits at the top of the buffer (the canonical code search). */
function longCodeLength(table: HuffmanTable, acc: number, bits: number): number {
  let length = LOOKAHEAD + 1;
  while (((acc >>> (bits - length)) & ((1 << length) - 1)) > table.maxcode[length]) {
    if (++length > 16) throw corrupt("bad Huffman code in entropy-coded data");
  }
  return length;
}

/** Symbol of the `length`-bit code that sat just above the low `bits` bits of the buffer. */
function longCodeSymbol(table: HuffmanTable, acc: number, bits: number, length: number): number {
  const code = (acc >>> bits) & ((1 << length) - 1);
  return table.symbols[(code + table.valoffset[length]) & 0xff];
}
