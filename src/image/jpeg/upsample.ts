// Chroma upsampling as libjpeg-turbo's jdsample.c does it with do_fancy_upsampling (the default, which
// Pillow keeps): triangle filters for 2:1 horizontal (h2v1), 2:1 both ways (h2v2) and 2:1 vertical
// (h1v2); plain replication for any other integral ratio. Each function writes one output row.

/** How a component's samples become full-resolution rows. */
export type UpsampleMethod =
  | { kind: "full" }
  | { kind: "h2v1" }
  | { kind: "h2v2" }
  | { kind: "h1v2" }
  | { kind: "replicate"; h: number; v: number };

/**
 * libjpeg-turbo's jinit_upsampler choice for a component of `width` samples and ratios hRatio x vRatio;
 * without `fancy` (1/8-scale decoding) every ratio is plain replication.
 */
export function upsampleMethod(hRatio: number, vRatio: number, width: number, fancy = true): UpsampleMethod {
  if (hRatio === 1 && vRatio === 1) return { kind: "full" };
  if (!fancy) return { kind: "replicate", h: hRatio, v: vRatio };
  // The fancy h2 filters need at least three input columns; narrower components are replicated.
  if (hRatio === 2 && vRatio === 1 && width > 2) return { kind: "h2v1" };
  if (hRatio === 1 && vRatio === 2) return { kind: "h1v2" };
  if (hRatio === 2 && vRatio === 2 && width > 2) return { kind: "h2v2" };
  return { kind: "replicate", h: hRatio, v: vRatio };
}

/** Whether the method reads the row above or below the nearest one (libjpeg's context rows). */
export function needsNeighbourRow(method: UpsampleMethod): boolean {
  return method.kind === "h2v2" || method.kind === "h1v2";
}

/** h2v1: each output pixel is 3/4 of the nearer and 1/4 of the further input pixel. */
export function upsampleH2V1(src: Uint8Array, at: number, width: number, out: Uint8Array): void {
  let value = src[at];
  out[0] = value;
  out[1] = (value * 3 + src[at + 1] + 2) >> 2;
  let o = 2;
  for (let i = at + 1, end = at + width - 1; i < end; i++, o += 2) {
    value = src[i] * 3;
    out[o] = (value + src[i - 1] + 1) >> 2;
    out[o + 1] = (value + src[i + 1] + 2) >> 2;
  }
  value = src[at + width - 1];
  out[o] = (value * 3 + src[at + width - 2] + 1) >> 2;
  out[o + 1] = value;
}

/**
 * h2v2: vertical then horizontal triangle filter; `near` is the nearest input row, `far` the row above
 * (for even output rows) or below (odd rows), both clamped to the component's rows.
 */
export function upsampleH2V2(
  src: Uint8Array,
  near: number,
  far: number,
  width: number,
  out: Uint8Array,
): void {
  let thisSum = src[near] * 3 + src[far];
  let nextSum = src[near + 1] * 3 + src[far + 1];
  out[0] = (thisSum * 4 + 8) >> 4;
  out[1] = (thisSum * 3 + nextSum + 7) >> 4;
  let lastSum = thisSum;
  thisSum = nextSum;
  let o = 2;
  for (let i = 2; i < width; i++, o += 2) {
    nextSum = src[near + i] * 3 + src[far + i];
    out[o] = (thisSum * 3 + lastSum + 8) >> 4;
    out[o + 1] = (thisSum * 3 + nextSum + 7) >> 4;
    lastSum = thisSum;
    thisSum = nextSum;
  }
  out[o] = (thisSum * 3 + lastSum + 8) >> 4;
  out[o + 1] = (thisSum * 4 + 7) >> 4;
}

/** h1v2: vertical triangle filter; the rounding bias alternates (1 above, 2 below) as in libjpeg-turbo. */
export function upsampleH1V2(
  src: Uint8Array,
  near: number,
  far: number,
  width: number,
  bias: number,
  out: Uint8Array,
): void {
  for (let i = 0; i < width; i++) out[i] = (src[near + i] * 3 + src[far + i] + bias) >> 2;
}

/** Box upsampling by an integral horizontal factor (the vertical factor only selects the input row). */
export function upsampleReplicate(
  src: Uint8Array,
  at: number,
  factor: number,
  outWidth: number,
  out: Uint8Array,
): void {
  for (let o = 0, i = at; o < outWidth; i++) {
    const value = src[i];
    for (let k = 0; k < factor && o < outWidth; k++) out[o++] = value;
  }
}
