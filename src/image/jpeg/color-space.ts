import type { ColorSpace } from "./color";
import type { Frame } from "./frame";
import type { Segment } from "./markers";

/** What APP0 (JFIF) and APP14 (Adobe) segments said about the colour space. */
export interface ColorMarkers {
  jfif: boolean;
  /** The Adobe transform flag of the last APP14, null without one. */
  adobeTransform: number | null;
}

export function noColorMarkers(): ColorMarkers {
  return { jfif: false, adobeTransform: null };
}

/** APP0 "JFIF\0" with its 14 bytes of interesting data (libjpeg's examine_app0). */
export function isJfif(bytes: Uint8Array, seg: Segment): boolean {
  return seg.end - seg.start >= 14 && matches(bytes, seg.start, "JFIF\0");
}

/** The transform flag of APP14 "Adobe" with its 12 bytes (libjpeg's examine_app14), else null. */
export function adobeTransform(bytes: Uint8Array, seg: Segment): number | null {
  return seg.end - seg.start >= 12 && matches(bytes, seg.start, "Adobe") ? bytes[seg.start + 11] : null;
}

function matches(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** libjpeg's guess of the stored colour space (jdapimin.c default_decompress_parms). */
export function guessColorSpace(frame: Frame, markers: ColorMarkers): ColorSpace {
  const n = frame.components.length;
  const transform = markers.adobeTransform;
  if (n === 1) return "gray";
  if (n === 4) return transform === null || transform === 0 ? "cmyk" : "ycck";
  if (markers.jfif) return "ycbcr";
  if (transform !== null) return transform === 0 ? "rgb" : "ycbcr";
  const [a, b, c] = frame.components.map((comp) => comp.id);
  return a === 82 && b === 71 && c === 66 ? "rgb" : "ycbcr";
}
