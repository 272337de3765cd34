import { exifOrientation } from "../exif";
import { ImageError, type ImageHeader, type Orientation } from "../types";
import { corruptWebp } from "./errors";
import { type RiffChunk, riffChunks } from "./riff";

const VP8X_ANIMATION = 0x02;

/** Size and orientation from the RIFF chunks (no pixel decoding): simple lossy, lossless or extended. */
export function readWebpHeader(bytes: Uint8Array): ImageHeader {
  const chunks = riffChunks(bytes);
  const first = chunks[0];
  if (first?.fourcc !== "VP8X") return { format: "webp", ...bitstreamSize(first), orientation: 1 };

  if (first.data.length < 10) throw corruptWebp("VP8X chunk too short");
  if (first.data[0] & VP8X_ANIMATION || chunks.some((c) => c.fourcc === "ANMF")) {
    throw new ImageError(
      "unsupported_format",
      "Animated WebP images are not supported; send a still JPEG, PNG or WebP photo",
      "webp-animated",
    );
  }
  const width = uint24(first.data, 4) + 1;
  const height = uint24(first.data, 7) + 1;
  const image = bitstreamSize(chunks.find((c) => c.fourcc === "VP8 " || c.fourcc === "VP8L"));
  if (image.width !== width || image.height !== height) {
    throw corruptWebp(`canvas ${width}x${height} but image ${image.width}x${image.height}`);
  }
  const exif = chunks.find((c) => c.fourcc === "EXIF");
  const orientation: Orientation = exif ? exifOrientation(exif.data) : 1;
  return { format: "webp", width, height, orientation };
}

/** How the picture is coded, which decides what libwebp holds while decoding it (see webpDecodeBytes). */
export function webpCoding(bytes: Uint8Array): { lossless: boolean; alpha: boolean } {
  const chunks = riffChunks(bytes);
  const lossless = chunks.some((c) => c.fourcc === "VP8L");
  return { lossless, alpha: chunks.some((c) => c.fourcc === "ALPH") };
}

/** Dimensions from a VP8 key frame header or a VP8L header. */
function bitstreamSize(chunk: RiffChunk | undefined): { width: number; height: number } {
  const d = chunk?.data;
  if (chunk?.fourcc === "VP8 " && d && d.length >= 10) {
    if (d[0] & 1) throw corruptWebp("the VP8 frame is not a key frame");
    if (d[3] !== 0x9d || d[4] !== 0x01 || d[5] !== 0x2a) throw corruptWebp("bad VP8 start code");
    return { width: (d[6] | (d[7] << 8)) & 0x3fff, height: (d[8] | (d[9] << 8)) & 0x3fff };
  }
  if (chunk?.fourcc === "VP8L" && d && d.length >= 5) {
    if (d[0] !== 0x2f) throw corruptWebp("bad VP8L signature");
    const bits = (d[1] | (d[2] << 8) | (d[3] << 16) | (d[4] << 24)) >>> 0;
    if (bits >>> 29 !== 0) throw corruptWebp("unknown VP8L version");
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  throw corruptWebp("no VP8 or VP8L image data");
}

function uint24(d: Uint8Array, offset: number): number {
  return d[offset] | (d[offset + 1] << 8) | (d[offset + 2] << 16);
}
