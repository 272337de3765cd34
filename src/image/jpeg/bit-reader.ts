import { corrupt } from "./errors";
import type { HuffmanTable } from "./huffman";
import { LOOKAHEAD } from "./huffman";
import { hex, nextMarker, RST0 } from "./markers";

/**
 * Reads entropy-coded data: removes FF 00 stuffing and stops at the first marker. Past a marker (or
 * the end of the file) it supplies zero bits, as libjpeg does, but counts them: consuming any of them
 * means the segment was cut short, which `checkOverrun` turns into an error instead of grey blocks.
 */
export class BitReader {
  /**
   * Bit buffer; the low `bits` bits are valid, the top one is the next to be read. Public for the
   * sequential block decoder, which keeps both in locals for a whole block (libjpeg's
   * BITREAD_LOAD_STATE) and writes them back before it calls `fill`.
   */
  acc = 0;
  bits = 0;
  /** Zero bits appended after the data stopped (they sit at the bottom of `acc`). */
  private padding = 0;
  private stopped = false;
  private atEnd = false;

  /** `data` and `pos` are public for the same reason: the block decoder adds plain bytes itself. */
  constructor(
    readonly data: Uint8Array,
    public pos: number,
  ) {}

  /** Takes back the state a hot loop kept in locals. */
  save(acc: number, bits: number, pos: number): void {
    this.acc = acc;
    this.bits = bits;
    this.pos = pos;
  }

  /** Tops the buffer up to at least 25 bits. */
  fill(): void {
    const data = this.data;
    // The common case first: plain bytes, no 0xFF (stuffing or marker) and not the end of the data.
    if (!this.stopped) {
      let { acc, bits, pos } = this;
      const end = Math.min(data.length, pos + 4);
      while (bits <= 24 && pos < end) {
        const byte = data[pos];
        if (byte === 0xff) break;
        acc = (acc << 8) | byte;
        bits += 8;
        pos++;
      }
      this.acc = acc;
      this.bits = bits;
      this.pos = pos;
    }
    while (this.bits <= 24) {
      let byte = 0;
      if (!this.stopped) {
        const pos = this.pos;
        if (pos >= data.length) {
          this.stopped = this.atEnd = true;
        } else if ((byte = data[pos]) !== 0xff) {
          this.pos = pos + 1;
        } else {
          // FF 00 is a stuffed FF; FF followed by anything else (after fill FFs) starts a marker.
          let next = pos + 1;
          while (next < data.length && data[next] === 0xff) next++;
          if (next < data.length && data[next] === 0) {
            this.pos = next + 1;
          } else {
            byte = 0;
            this.stopped = true;
            this.atEnd = next >= data.length;
          }
        }
      }
      if (this.stopped) this.padding += 8;
      this.acc = (this.acc << 8) | byte;
      this.bits += 8;
    }
  }

  /** Next Huffman symbol (libjpeg's HUFF_DECODE: look-up first, then the canonical code search). */
  decode(table: HuffmanTable): number {
    if (this.bits < 16) this.fill();
    const entry = table.lookup[(this.acc >>> (this.bits - LOOKAHEAD)) & ((1 << LOOKAHEAD) - 1)];
    if (entry !== 0) {
      this.bits -= entry >> 8;
      return entry & 0xff;
    }
    let length = LOOKAHEAD + 1;
    let code = (this.acc >>> (this.bits - length)) & ((1 << length) - 1);
    while (code > table.maxcode[length]) {
      if (++length > 16) throw corrupt("bad Huffman code in entropy-coded data");
      code = (this.acc >>> (this.bits - length)) & ((1 << length) - 1);
    }
    this.bits -= length;
    return table.symbols[(code + table.valoffset[length]) & 0xff];
  }

  /** `n` raw bits (0..16). */
  bitsValue(n: number): number {
    if (n === 0) return 0;
    if (this.bits < n) this.fill();
    this.bits -= n;
    return (this.acc >>> this.bits) & ((1 << n) - 1);
  }

  bit(): number {
    if (this.bits < 1) this.fill();
    this.bits--;
    return (this.acc >>> this.bits) & 1;
  }

  /** `s` bits read as a signed magnitude category (libjpeg's HUFF_EXTEND). */
  extend(s: number): number {
    const v = this.bitsValue(s);
    return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
  }

  /** Throws once any zero bit supplied past the data has been consumed. */
  checkOverrun(): void {
    if (this.bits < this.padding) {
      throw corrupt(
        this.atEnd
          ? "data is truncated (entropy-coded data ends early)"
          : "entropy-coded segment ends early (marker inside scan data)",
      );
    }
  }

  /** Discards the rest of the segment and reads restart marker RST`index` (0..7). */
  restart(index: number): void {
    const found = this.skipToMarker();
    if (found.marker !== RST0 + index) {
      throw corrupt(`expected restart marker RST${index}, found marker 0xFF${hex(found.marker)}`);
    }
    this.pos = found.pos;
  }

  /** Ends the scan: returns the position of the marker that follows its data. */
  finish(): number {
    const found = this.skipToMarker();
    return found.pos - 2;
  }

  private skipToMarker(): { marker: number; pos: number } {
    this.acc = this.bits = this.padding = 0;
    this.stopped = this.atEnd = false;
    // Like libjpeg, leftover bytes before the marker (there should be none) are skipped.
    return nextMarker(this.data, this.pos);
  }
}
