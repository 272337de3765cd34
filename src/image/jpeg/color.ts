// Colour conversion to RGB. YCbCr uses libjpeg's fixed-point tables (jdcolor.c build_ycc_rgb_table);
// CMYK/YCCK follow what Pillow does with such files: libjpeg outputs CMYK (YCCK converted by
// ycck_cmyk_convert), Pillow reads it as Adobe-inverted "CMYK;I", then converts to RGB (Convert.c
// cmyk2rgb) with r = k - k * c / 255 in its integer form.

const SCALEBITS = 16;
const ONE_HALF = 1 << (SCALEBITS - 1);
const fix = (x: number) => Math.floor(x * (1 << SCALEBITS) + 0.5);

const CR_R = new Int32Array(256);
const CB_B = new Int32Array(256);
const CR_G = new Int32Array(256);
const CB_G = new Int32Array(256);
for (let i = 0; i < 256; i++) {
  const x = i - 128;
  CR_R[i] = (fix(1.402) * x + ONE_HALF) >> SCALEBITS;
  CB_B[i] = (fix(1.772) * x + ONE_HALF) >> SCALEBITS;
  CR_G[i] = -fix(0.71414) * x;
  CB_G[i] = -fix(0.34414) * x + ONE_HALF;
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** Which conversion a frame needs (libjpeg's jpeg_color_space guess, jdapimin.c default_decompress_parms). */
export type ColorSpace = "gray" | "ycbcr" | "rgb" | "cmyk" | "ycck";

/** `out` is a clamped array: its stores do libjpeg's range limiting, without a branch per channel. */
export function yccToRgb(
  y: Uint8Array,
  yAt: number,
  cb: Uint8Array,
  cbAt: number,
  cr: Uint8Array,
  crAt: number,
  out: Uint8ClampedArray,
  width: number,
): void {
  for (let x = 0, o = 0; x < width; x++, o += 3) {
    const l = y[yAt + x];
    const b = cb[cbAt + x];
    const r = cr[crAt + x];
    out[o] = l + CR_R[r];
    out[o + 1] = l + ((CB_G[b] + CR_G[r]) >> SCALEBITS);
    out[o + 2] = l + CB_B[b];
  }
}

export function grayToRgb(g: Uint8Array, at: number, out: Uint8Array, width: number): void {
  for (let x = 0, o = 0; x < width; x++, o += 3) {
    const v = g[at + x];
    out[o] = v;
    out[o + 1] = v;
    out[o + 2] = v;
  }
}

export function planesToRgb(
  r: Uint8Array,
  rAt: number,
  g: Uint8Array,
  gAt: number,
  b: Uint8Array,
  bAt: number,
  out: Uint8Array,
  width: number,
): void {
  for (let x = 0, o = 0; x < width; x++, o += 3) {
    out[o] = r[rAt + x];
    out[o + 1] = g[gAt + x];
    out[o + 2] = b[bAt + x];
  }
}

/** Pillow's cmyk2rgb on inverted CMYK: with K = 255 - k, each channel is clip(k - muldiv255(255 - c, k)). */
function inkToRgb(ink: number, k: number): number {
  const t = (255 - ink) * k + 128;
  return clamp(k - (((t >> 8) + t) >> 8));
}

/**
 * Four components to RGB. For YCCK the first three are YCbCr of the inverted CMY: libjpeg's
 * 255 - clamp(255 - (Y + ...)) equals clamp(Y + ...), so they go through the YCbCr tables first.
 */
export function cmykToRgb(
  c0: Uint8Array,
  at0: number,
  c1: Uint8Array,
  at1: number,
  c2: Uint8Array,
  at2: number,
  k: Uint8Array,
  atK: number,
  ycck: boolean,
  out: Uint8Array,
  width: number,
): void {
  for (let x = 0, o = 0; x < width; x++, o += 3) {
    let c = c0[at0 + x];
    let m = c1[at1 + x];
    let y = c2[at2 + x];
    if (ycck) {
      const l = c;
      const b = m;
      const r = y;
      c = 255 - clamp(l + CR_R[r]);
      m = 255 - clamp(l + ((CB_G[b] + CR_G[r]) >> SCALEBITS));
      y = 255 - clamp(l + CB_B[b]);
    }
    const black = k[atK + x];
    out[o] = inkToRgb(c, black);
    out[o + 1] = inkToRgb(m, black);
    out[o + 2] = inkToRgb(y, black);
  }
}
