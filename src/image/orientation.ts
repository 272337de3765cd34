import type { Orientation } from "./types";

/**
 * How the oriented image (EXIF applied, as `PIL.ImageOps.exif_transpose` makes it) maps onto the stored one.
 * `transposed`: oriented x runs along stored y (orientations 5-8). `mirrorX` / `mirrorY`: the oriented axis
 * runs backwards along the stored axis it comes from.
 */
export interface OrientationAxes {
  readonly transposed: boolean;
  readonly mirrorX: boolean;
  readonly mirrorY: boolean;
}

// Index = orientation. 6 is exif_transpose's ROTATE_270 (90° clockwise): oriented (x, y) = stored (y, h-1-x).
const AXES: readonly OrientationAxes[] = [
  { transposed: false, mirrorX: false, mirrorY: false },
  { transposed: false, mirrorX: false, mirrorY: false },
  { transposed: false, mirrorX: true, mirrorY: false },
  { transposed: false, mirrorX: true, mirrorY: true },
  { transposed: false, mirrorX: false, mirrorY: true },
  { transposed: true, mirrorX: false, mirrorY: false },
  { transposed: true, mirrorX: true, mirrorY: false },
  { transposed: true, mirrorX: true, mirrorY: true },
  { transposed: true, mirrorX: false, mirrorY: true },
];

export function orientationAxes(orientation: Orientation): OrientationAxes {
  return AXES[orientation];
}

/** Width and height once the orientation is applied. */
export function orientedSize(
  width: number,
  height: number,
  orientation: Orientation,
): { width: number; height: number } {
  return AXES[orientation].transposed ? { width: height, height: width } : { width, height };
}
