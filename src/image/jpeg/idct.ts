// libjpeg's accurate integer inverse DCT (jidctint.c, jpeg_idct_islow), bit for bit: 13-bit constants,
// two extra bits kept between the column and row passes, and the output wrapped through the same
// range-limit table (so out-of-range values are clamped, and wildly corrupt ones wrap, as in libjpeg).
// libjpeg's negative constants are subtracted instead of multiplied in: 0 * -c is -0 in JavaScript,
// which makes V8 fall back to floating-point arithmetic. The sums are exact integers either way.

export const CONST_BITS = 13;
export const PASS1_BITS = 2;
const FIX_0_298631336 = 2446;
const FIX_0_390180644 = 3196;
const FIX_0_541196100 = 4433;
export const FIX_0_765366865 = 6270;
export const FIX_0_899976223 = 7373;
const FIX_1_175875602 = 9633;
const FIX_1_501321110 = 12299;
export const FIX_1_847759065 = 15137;
const FIX_1_961570560 = 16069;
const FIX_2_053119869 = 16819;
export const FIX_2_562915447 = 20995;
const FIX_3_072711026 = 25172;

const PASS1_SHIFT = CONST_BITS - PASS1_BITS;
const PASS1_ROUND = 1 << (PASS1_SHIFT - 1);
const PASS2_SHIFT = CONST_BITS + PASS1_BITS + 3;
const PASS2_ROUND = 1 << (PASS2_SHIFT - 1);
const DC_SHIFT = PASS1_BITS + 3;
const DC_ROUND = 1 << (DC_SHIFT - 1);

/** libjpeg's IDCT range-limit table: index (value & 1023) -> clamp(value + 128), wrapping beyond ±512. */
export const RANGE_LIMIT = (() => {
  const table = new Uint8Array(1024);
  for (let i = 0; i < 1024; i++) {
    const v = (i < 512 ? i : i - 1024) + 128;
    table[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return table;
})();

const workspace = new Int32Array(64);

/**
 * What the caller knows of a block's non-zero coefficients, so that the IDCTs need not test them all:
 * bit c (0..7) is set when column c may have a non-zero coefficient below row 0, bit 8 when a column
 * other than the first may have any. A clear bit is a promise (that column, or those rows, take
 * libjpeg's all-zero shortcut without testing); a set bit is tested as libjpeg does. This value knows
 * nothing.
 */
export const ANY_NONZERO = 0x1ff;

/**
 * Each natural position's share of a `nonzero` mask (0 for UNREAD, 64): a block's mask is the OR over
 * its non-zero AC coefficients. (pos + 56) >> 6 is 1 below row 0, ((pos & 7) + 7) >> 3 outside column 0.
 */
export const NONZERO_BIT = Int16Array.from({ length: 65 }, (_, pos) =>
  pos === 64 ? 0 : (((pos + 56) >> 6) << (pos & 7)) | ((((pos & 7) + 7) >> 3) << 8),
);

/**
 * Dequantises the block at `coefs[at..at+64)` with `quant` and writes its 8x8 samples into `out`
 * starting at `outAt`, rows `stride` apart. `nonzero`: see ANY_NONZERO.
 */
export function idctBlock(
  coefs: Int16Array,
  at: number,
  quant: Int32Array,
  out: Uint8Array,
  outAt: number,
  stride: number,
  nonzero: number,
): void {
  const ws = workspace;
  // Pass 1: columns, results scaled up by 2^PASS1_BITS. Without bit 8 only column 0 can be non-zero,
  // and pass 2 then reads nothing but column 0 (its all-zero shortcut), so the others are not computed.
  const columns = (nonzero & 0x100) === 0 ? 1 : 8;
  for (let col = 0; col < columns; col++) {
    const c = at + col;
    if (
      ((nonzero >> col) & 1) === 0 ||
      (coefs[c + 8] === 0 &&
        coefs[c + 16] === 0 &&
        coefs[c + 24] === 0 &&
        coefs[c + 32] === 0 &&
        coefs[c + 40] === 0 &&
        coefs[c + 48] === 0 &&
        coefs[c + 56] === 0)
    ) {
      const dc = (coefs[c] * quant[col]) << PASS1_BITS;
      for (let row = 0; row < 64; row += 8) ws[row + col] = dc;
      continue;
    }
    // Even part.
    let z2 = coefs[c + 16] * quant[col + 16];
    let z3 = coefs[c + 48] * quant[col + 48];
    let z1 = (z2 + z3) * FIX_0_541196100;
    let tmp2 = z1 - z3 * FIX_1_847759065;
    let tmp3 = z1 + z2 * FIX_0_765366865;
    z2 = coefs[c] * quant[col];
    z3 = coefs[c + 32] * quant[col + 32];
    let tmp0 = (z2 + z3) * 8192;
    let tmp1 = (z2 - z3) * 8192;
    const tmp10 = tmp0 + tmp3;
    const tmp13 = tmp0 - tmp3;
    const tmp11 = tmp1 + tmp2;
    const tmp12 = tmp1 - tmp2;
    // Odd part.
    tmp0 = coefs[c + 56] * quant[col + 56];
    tmp1 = coefs[c + 40] * quant[col + 40];
    tmp2 = coefs[c + 24] * quant[col + 24];
    tmp3 = coefs[c + 8] * quant[col + 8];
    z1 = tmp0 + tmp3;
    z2 = tmp1 + tmp2;
    z3 = tmp0 + tmp2;
    let z4 = tmp1 + tmp3;
    const z5 = (z3 + z4) * FIX_1_175875602;
    tmp0 *= FIX_0_298631336;
    tmp1 *= FIX_2_053119869;
    tmp2 *= FIX_3_072711026;
    tmp3 *= FIX_1_501321110;
    z1 *= FIX_0_899976223; // these two enter negated
    z2 *= FIX_2_562915447;
    z3 = z5 - z3 * FIX_1_961570560;
    z4 = z5 - z4 * FIX_0_390180644;
    tmp0 += z3 - z1;
    tmp1 += z4 - z2;
    tmp2 += z3 - z2;
    tmp3 += z4 - z1;
    ws[col] = (tmp10 + tmp3 + PASS1_ROUND) >> PASS1_SHIFT;
    ws[col + 56] = (tmp10 - tmp3 + PASS1_ROUND) >> PASS1_SHIFT;
    ws[col + 8] = (tmp11 + tmp2 + PASS1_ROUND) >> PASS1_SHIFT;
    ws[col + 48] = (tmp11 - tmp2 + PASS1_ROUND) >> PASS1_SHIFT;
    ws[col + 16] = (tmp12 + tmp1 + PASS1_ROUND) >> PASS1_SHIFT;
    ws[col + 40] = (tmp12 - tmp1 + PASS1_ROUND) >> PASS1_SHIFT;
    ws[col + 24] = (tmp13 + tmp0 + PASS1_ROUND) >> PASS1_SHIFT;
    ws[col + 32] = (tmp13 - tmp0 + PASS1_ROUND) >> PASS1_SHIFT;
  }

  // Pass 2: rows, descaled by 8 and 2^PASS1_BITS, then range-limited.
  const limit = RANGE_LIMIT;
  for (let row = 0, o = outAt; row < 64; row += 8, o += stride) {
    if (
      (nonzero & 0x100) === 0 ||
      (ws[row + 1] === 0 &&
        ws[row + 2] === 0 &&
        ws[row + 3] === 0 &&
        ws[row + 4] === 0 &&
        ws[row + 5] === 0 &&
        ws[row + 6] === 0 &&
        ws[row + 7] === 0)
    ) {
      out.fill(limit[((ws[row] + DC_ROUND) >> DC_SHIFT) & 1023], o, o + 8);
      continue;
    }
    let z2 = ws[row + 2];
    let z3 = ws[row + 6];
    let z1 = (z2 + z3) * FIX_0_541196100;
    let tmp2 = z1 - z3 * FIX_1_847759065;
    let tmp3 = z1 + z2 * FIX_0_765366865;
    let tmp0 = (ws[row] + ws[row + 4]) * 8192;
    let tmp1 = (ws[row] - ws[row + 4]) * 8192;
    const tmp10 = tmp0 + tmp3;
    const tmp13 = tmp0 - tmp3;
    const tmp11 = tmp1 + tmp2;
    const tmp12 = tmp1 - tmp2;
    tmp0 = ws[row + 7];
    tmp1 = ws[row + 5];
    tmp2 = ws[row + 3];
    tmp3 = ws[row + 1];
    z1 = tmp0 + tmp3;
    z2 = tmp1 + tmp2;
    z3 = tmp0 + tmp2;
    let z4 = tmp1 + tmp3;
    const z5 = (z3 + z4) * FIX_1_175875602;
    tmp0 *= FIX_0_298631336;
    tmp1 *= FIX_2_053119869;
    tmp2 *= FIX_3_072711026;
    tmp3 *= FIX_1_501321110;
    z1 *= FIX_0_899976223; // these two enter negated
    z2 *= FIX_2_562915447;
    z3 = z5 - z3 * FIX_1_961570560;
    z4 = z5 - z4 * FIX_0_390180644;
    tmp0 += z3 - z1;
    tmp1 += z4 - z2;
    tmp2 += z3 - z2;
    tmp3 += z4 - z1;
    out[o] = limit[((tmp10 + tmp3 + PASS2_ROUND) >> PASS2_SHIFT) & 1023];
    out[o + 7] = limit[((tmp10 - tmp3 + PASS2_ROUND) >> PASS2_SHIFT) & 1023];
    out[o + 1] = limit[((tmp11 + tmp2 + PASS2_ROUND) >> PASS2_SHIFT) & 1023];
    out[o + 6] = limit[((tmp11 - tmp2 + PASS2_ROUND) >> PASS2_SHIFT) & 1023];
    out[o + 2] = limit[((tmp12 + tmp1 + PASS2_ROUND) >> PASS2_SHIFT) & 1023];
    out[o + 5] = limit[((tmp12 - tmp1 + PASS2_ROUND) >> PASS2_SHIFT) & 1023];
    out[o + 3] = limit[((tmp13 + tmp0 + PASS2_ROUND) >> PASS2_SHIFT) & 1023];
    out[o + 4] = limit[((tmp13 - tmp0 + PASS2_ROUND) >> PASS2_SHIFT) & 1023];
  }
}
