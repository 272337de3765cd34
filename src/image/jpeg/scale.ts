// Decoding at 1/2, 1/4 or 1/8 of the stored size in the DCT domain, as libjpeg-turbo does it for
// scale_num/scale_denom (jdmaster.c) and as Pillow asks for it with Image.draft().
import type { DecodeScale } from "../types";
import type { Component, Frame } from "./frame";

/** The denominators libjpeg's reduced IDCTs give (1 = the full decode). */
export type JpegScale = DecodeScale;

/**
 * Pillow's JpegImageFile.draft(mode, (request, request)): the largest of 1/8, 1/4, 1/2 whose output keeps
 * both sides at least `request` (floor(side / request) >= scale), else 1.
 */
export function draftScale(width: number, height: number, request: number): JpegScale {
  const fits = Math.min(Math.floor(width / request), Math.floor(height / request));
  for (const scale of [8, 4, 2] as const) if (fits >= scale) return scale;
  return 1;
}

/** libjpeg's output size at a scale: ceil(side / scale). */
export function scaledSize(
  width: number,
  height: number,
  scale: JpegScale,
): { width: number; height: number } {
  return { width: Math.ceil(width / scale), height: Math.ceil(height / scale) };
}

/**
 * Side of the square a component's 8x8 blocks are decoded to. libjpeg-turbo starts every component at
 * 8 / scale and doubles a subsampled component's size while its sampling ratio allows, so that chroma is
 * decoded straight to the luma resolution by the IDCT instead of being upsampled (4:2:0 at 1/2 decodes
 * chroma with the full 8x8 IDCT and needs no upsampling; 4:2:2 is doubled only if both axes allow).
 */
export function blockSize(frame: Frame, c: Component, scale: JpegScale): number {
  const min = 8 / scale;
  let size = min;
  while (
    size < 8 &&
    (frame.maxH * min) % (c.h * size * 2) === 0 &&
    (frame.maxV * min) % (c.v * size * 2) === 0
  ) {
    size *= 2;
  }
  return size;
}
