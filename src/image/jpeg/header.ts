import { exifOrientation, hasExifPrefix } from "../exif";
import { ImageError, type ImageHeader, type Orientation } from "../types";
import { corrupt, unsupported } from "./errors";
import { type Frame, isSof, parseFrame } from "./frame";
import { APP1, EOI, readSegment, type Segment, SOS, startsWithSoi } from "./markers";

/** What the markers before the first scan say. */
export interface JpegPreamble {
  frame: Frame;
  orientation: Orientation;
  /** Components in the first scan (0 when the data stops before it): all of them = a streamable image. */
  firstScanComponents: number;
}

/**
 * Reads the marker segments up to the first scan: dimensions from SOF (refusing what we cannot
 * decode), orientation from the first EXIF APP1, which Pillow takes from anywhere before SOS. Nothing
 * proportional to the image is allocated. A file cut short after its SOF still yields a header; the
 * decode reports the damage.
 */
export function readJpegHeader(bytes: Uint8Array): ImageHeader {
  const { frame, orientation } = readJpegPreamble(bytes);
  return { format: "jpeg", width: frame.width, height: frame.height, orientation };
}

export function readJpegPreamble(bytes: Uint8Array): JpegPreamble {
  if (bytes.length === 0) throw new ImageError("empty_image", "JPEG: the file is empty", "jpeg");
  if (!startsWithSoi(bytes)) throw unsupported("not a JPEG stream (no SOI marker)", "unknown");
  let orientation: Orientation | null = null;
  let frame: Frame | null = null;
  let firstScanComponents = 0;
  let pos = 2;
  while (pos < bytes.length || !frame) {
    let seg: Segment;
    try {
      seg = readSegment(bytes, pos);
    } catch (error) {
      if (frame) break;
      throw error;
    }
    if (seg.marker === SOS) {
      firstScanComponents = seg.end > seg.start ? bytes[seg.start] : 0;
      break;
    }
    if (seg.marker === EOI) break;
    if (seg.marker === APP1 && orientation === null) {
      const payload = bytes.subarray(seg.start, seg.end);
      // APP1 also carries XMP; only the first EXIF segment counts, as in Pillow.
      if (hasExifPrefix(payload)) orientation = exifOrientation(payload);
    }
    if (isSof(seg.marker)) {
      if (frame) throw corrupt("more than one SOF marker");
      frame = parseFrame(bytes, seg);
    }
    pos = seg.end;
  }
  if (!frame) throw corrupt("no SOF marker before the image data");
  return { frame, orientation: orientation ?? 1, firstScanComponents };
}
