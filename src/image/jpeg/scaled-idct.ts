// libjpeg's reduced-size inverse DCTs (jidctred.c: jpeg_idct_4x4, jpeg_idct_2x2, jpeg_idct_1x1), which
// libjpeg-turbo runs when a decode is scaled by 1/2, 1/4 or 1/8 (Pillow's draft(), sharp's shrink-on-load).
// Each keeps only the low-frequency half, quarter or DC of the 8x8 block: the 8-point IDCT is folded so
// that an N-point output comes straight from the coefficients, with the same 13-bit fixed-point
// constants, the same two extra bits between the column and row passes, and the same range-limit table,
// so the samples equal libjpeg-turbo's bit for bit. Coefficients the folded transform never reads (column
// 4 for 4x4; columns 2, 4, 6 for 2x2) are skipped, as libjpeg does. Negative terms are subtracted
// rather than negated (-z * c): a negated zero is -0, which makes V8 drop to floating-point arithmetic.
// Every sum is exact either way (far below 2^53), so the order does not change a result.

import {
  CONST_BITS,
  FIX_0_765366865,
  FIX_0_899976223,
  FIX_1_847759065,
  FIX_2_562915447,
  PASS1_BITS,
  RANGE_LIMIT,
} from "./idct";

const FIX_0_211164243 = 1730;
const FIX_0_509795579 = 4176;
const FIX_0_601344887 = 4926;
const FIX_0_720959822 = 5906;
const FIX_0_850430095 = 6967;
const FIX_1_061594337 = 8697;
const FIX_1_272758580 = 10426;
const FIX_1_451774981 = 11893;
const FIX_2_172734803 = 17799;
const FIX_3_624509785 = 29692;

/**
 * Same signature as idctBlock: dequantise block `coefs[at..at+64)` and write N x N samples into `out`;
 * `nonzero` is idct.ts's ANY_NONZERO mask.
 */
export type BlockIdct = (
  coefs: Int16Array,
  at: number,
  quant: Int32Array,
  out: Uint8Array,
  outAt: number,
  stride: number,
  nonzero: number,
) => void;

const ws = new Int32Array(64);

const descale = (x: number, n: number) => (x + (1 << (n - 1))) >> n;

/** 4x4 output: the even part from coefficients 0, 2, 6; the odd part from 1, 3, 5, 7. */
export const idct4x4: BlockIdct = (coefs, at, quant, out, outAt, stride, nonzero) => {
  const shift1 = CONST_BITS - PASS1_BITS + 1;
  // Only column 0 when the mask says the others are zero: pass 2 then reads only column 0 (see idctBlock).
  const columns = (nonzero & 0x100) === 0 ? 1 : 8;
  for (let col = 0; col < columns; col++) {
    if (col === 4) continue; // the second pass never reads it
    const c = at + col;
    if (
      ((nonzero >> col) & 1) === 0 ||
      (coefs[c + 8] === 0 &&
        coefs[c + 16] === 0 &&
        coefs[c + 24] === 0 &&
        coefs[c + 40] === 0 &&
        coefs[c + 48] === 0 &&
        coefs[c + 56] === 0)
    ) {
      // Only DC in this column: the general formula reduces to it exactly.
      const dc = (coefs[c] * quant[col]) << PASS1_BITS;
      ws[col] = ws[col + 8] = ws[col + 16] = ws[col + 24] = dc;
      continue;
    }
    const tmp0 = (coefs[c] * quant[col]) << (CONST_BITS + 1);
    const tmp2 =
      coefs[c + 16] * quant[col + 16] * FIX_1_847759065 - coefs[c + 48] * quant[col + 48] * FIX_0_765366865;
    const tmp10 = tmp0 + tmp2;
    const tmp12 = tmp0 - tmp2;
    const z1 = coefs[c + 56] * quant[col + 56];
    const z2 = coefs[c + 40] * quant[col + 40];
    const z3 = coefs[c + 24] * quant[col + 24];
    const z4 = coefs[c + 8] * quant[col + 8];
    const odd0 = z2 * FIX_1_451774981 + z4 * FIX_1_061594337 - z1 * FIX_0_211164243 - z3 * FIX_2_172734803;
    const odd2 = z3 * FIX_0_899976223 + z4 * FIX_2_562915447 - z1 * FIX_0_509795579 - z2 * FIX_0_601344887;
    ws[col] = descale(tmp10 + odd2, shift1);
    ws[col + 24] = descale(tmp10 - odd2, shift1);
    ws[col + 8] = descale(tmp12 + odd0, shift1);
    ws[col + 16] = descale(tmp12 - odd0, shift1);
  }
  const shift2 = CONST_BITS + PASS1_BITS + 3 + 1;
  // No coefficient below row 0 (a clear low byte): pass 1 made every column constant, so the four
  // rows are equal and only the first is computed (many chroma blocks are like this).
  const rows = (nonzero & 0xff) === 0 ? 1 : 4;
  for (let row = 0, w = 0, o = outAt; row < rows; row++, w += 8, o += stride) {
    if (
      (nonzero & 0x100) === 0 ||
      (ws[w + 1] === 0 &&
        ws[w + 2] === 0 &&
        ws[w + 3] === 0 &&
        ws[w + 5] === 0 &&
        ws[w + 6] === 0 &&
        ws[w + 7] === 0)
    ) {
      const v = RANGE_LIMIT[descale(ws[w], PASS1_BITS + 3) & 1023];
      out[o] = out[o + 1] = out[o + 2] = out[o + 3] = v;
      continue;
    }
    const tmp0 = ws[w] << (CONST_BITS + 1);
    const tmp2 = ws[w + 2] * FIX_1_847759065 - ws[w + 6] * FIX_0_765366865;
    const tmp10 = tmp0 + tmp2;
    const tmp12 = tmp0 - tmp2;
    const z1 = ws[w + 7];
    const z2 = ws[w + 5];
    const z3 = ws[w + 3];
    const z4 = ws[w + 1];
    const odd0 = z2 * FIX_1_451774981 + z4 * FIX_1_061594337 - z1 * FIX_0_211164243 - z3 * FIX_2_172734803;
    const odd2 = z3 * FIX_0_899976223 + z4 * FIX_2_562915447 - z1 * FIX_0_509795579 - z2 * FIX_0_601344887;
    out[o] = RANGE_LIMIT[descale(tmp10 + odd2, shift2) & 1023];
    out[o + 3] = RANGE_LIMIT[descale(tmp10 - odd2, shift2) & 1023];
    out[o + 1] = RANGE_LIMIT[descale(tmp12 + odd0, shift2) & 1023];
    out[o + 2] = RANGE_LIMIT[descale(tmp12 - odd0, shift2) & 1023];
  }
  for (let row = rows, o = outAt + rows * stride; row < 4; row++, o += stride) {
    out[o] = out[outAt];
    out[o + 1] = out[outAt + 1];
    out[o + 2] = out[outAt + 2];
    out[o + 3] = out[outAt + 3];
  }
};

/** 2x2 output: DC plus the odd coefficients 1, 3, 5, 7 of each direction. */
export const idct2x2: BlockIdct = (coefs, at, quant, out, outAt, stride, nonzero) => {
  const shift1 = CONST_BITS - PASS1_BITS + 2;
  const columns = (nonzero & 0x100) === 0 ? 1 : 8;
  // Columns 0, 1, 3, 5, 7: the second pass never reads 2, 4 and 6.
  for (let col = 0; col < columns; col += col === 0 ? 1 : 2) {
    const c = at + col;
    if (
      ((nonzero >> col) & 1) === 0 ||
      (coefs[c + 8] === 0 && coefs[c + 24] === 0 && coefs[c + 40] === 0 && coefs[c + 56] === 0)
    ) {
      ws[col] = ws[col + 8] = (coefs[c] * quant[col]) << PASS1_BITS;
      continue;
    }
    const tmp10 = (coefs[c] * quant[col]) << (CONST_BITS + 2);
    const odd =
      coefs[c + 40] * quant[col + 40] * FIX_0_850430095 +
      coefs[c + 8] * quant[col + 8] * FIX_3_624509785 -
      coefs[c + 56] * quant[col + 56] * FIX_0_720959822 -
      coefs[c + 24] * quant[col + 24] * FIX_1_272758580;
    ws[col] = descale(tmp10 + odd, shift1);
    ws[col + 8] = descale(tmp10 - odd, shift1);
  }
  const shift2 = CONST_BITS + PASS1_BITS + 3 + 2;
  // As in idct4x4: with no coefficient below row 0 both rows are equal.
  const rows = (nonzero & 0xff) === 0 ? 1 : 2;
  for (let row = 0, w = 0, o = outAt; row < rows; row++, w += 8, o += stride) {
    if (
      (nonzero & 0x100) === 0 ||
      (ws[w + 1] === 0 && ws[w + 3] === 0 && ws[w + 5] === 0 && ws[w + 7] === 0)
    ) {
      out[o] = out[o + 1] = RANGE_LIMIT[descale(ws[w], PASS1_BITS + 3) & 1023];
      continue;
    }
    const tmp10 = ws[w] << (CONST_BITS + 2);
    const odd =
      ws[w + 5] * FIX_0_850430095 +
      ws[w + 1] * FIX_3_624509785 -
      ws[w + 7] * FIX_0_720959822 -
      ws[w + 3] * FIX_1_272758580;
    out[o] = RANGE_LIMIT[descale(tmp10 + odd, shift2) & 1023];
    out[o + 1] = RANGE_LIMIT[descale(tmp10 - odd, shift2) & 1023];
  }
  if (rows === 1) {
    out[outAt + stride] = out[outAt];
    out[outAt + stride + 1] = out[outAt + 1];
  }
};

/** 1x1 output: the dequantised DC divided by 8, rounded. */
export const idct1x1: BlockIdct = (coefs, at, quant, out, outAt) => {
  out[outAt] = RANGE_LIMIT[descale(coefs[at] * quant[0], 3) & 1023];
};
