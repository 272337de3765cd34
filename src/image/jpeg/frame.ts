import { ImageError } from "../types";
import { corrupt, unsupported } from "./errors";
import { hex, type Segment } from "./markers";

/** One colour component as the SOF marker declares it, with the geometry derived from it. */
export interface Component {
  id: number;
  /** Position in the frame (0-based). */
  index: number;
  h: number;
  v: number;
  /** Quantisation table slot named by the SOF. */
  tq: number;
  /** Samples per row / rows of this component: ceil(width * h / maxH), ceil(height * v / maxV). */
  width: number;
  height: number;
  /** Blocks that cover the samples (what a non-interleaved scan codes). */
  blocksWide: number;
  blocksHigh: number;
  /** Blocks of the MCU-padded grid (what an interleaved scan codes). */
  blocksPerLine: number;
  blocksPerColumn: number;
  /** Dequantisation table, natural order, latched at the component's first scan (as libjpeg does). */
  quant: Int32Array | null;
}

export interface Frame {
  width: number;
  height: number;
  progressive: boolean;
  components: Component[];
  maxH: number;
  maxV: number;
  mcusPerLine: number;
  mcuRows: number;
}

/** libjpeg's JPEG_MAX_DIMENSION. */
const MAX_DIMENSION = 65500;
/** libjpeg's D_MAX_BLOCKS_IN_MCU. */
export const MAX_BLOCKS_IN_MCU = 10;

/** True for the SOFn markers (C0..CF except DHT C4, JPG C8 and DAC CC). */
export function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Width and height from a SOF payload, refusing what libjpeg-turbo (as Pillow uses it) does not decode. */
function readSofDimensions(bytes: Uint8Array, seg: Segment): { width: number; height: number } {
  refuseUnsupportedSof(seg.marker);
  if (seg.end - seg.start < 6) throw corrupt("SOF marker is too short");
  const at = seg.start;
  const precision = bytes[at];
  if (precision !== 8) {
    throw unsupported(`${precision}-bit samples are not supported (only 8-bit)`, `jpeg-${precision}bit`);
  }
  const height = (bytes[at + 1] << 8) | bytes[at + 2];
  const width = (bytes[at + 3] << 8) | bytes[at + 4];
  if (width === 0) throw corrupt("SOF declares a width of 0");
  if (height === 0) throw unsupported("image height defined by a DNL marker is not supported", "jpeg-dnl");
  if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
    throw new ImageError(
      "image_too_large",
      `JPEG: ${width}x${height} exceeds libjpeg's ${MAX_DIMENSION}`,
      "jpeg",
    );
  }
  return { width, height };
}

function refuseUnsupportedSof(marker: number): void {
  if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) return;
  if (marker === 0xc9 || marker === 0xca || marker === 0xcb) {
    throw unsupported("arithmetic coding is not supported", "jpeg-arithmetic");
  }
  if (marker === 0xc3) throw unsupported("lossless JPEG is not supported", "jpeg-lossless");
  throw unsupported(
    `SOF marker 0xFF${hex(marker)} (hierarchical/differential) is not supported`,
    "jpeg-hierarchical",
  );
}

/** Parses a SOF0/1/2 payload into a frame with per-component geometry. */
export function parseFrame(bytes: Uint8Array, seg: Segment): Frame {
  const { width, height } = readSofDimensions(bytes, seg);
  const count = bytes[seg.start + 5];
  if (count !== 1 && count !== 3 && count !== 4) {
    // Pillow maps 1, 3 and 4 components to L, RGB and CMYK and refuses the rest.
    throw unsupported(`${count}-component images are not supported`, "jpeg");
  }
  if (seg.end - seg.start !== 6 + count * 3) throw corrupt("SOF marker has a bad length");
  const components: Component[] = [];
  for (let i = 0; i < count; i++) {
    const at = seg.start + 6 + i * 3;
    const h = bytes[at + 1] >> 4;
    const v = bytes[at + 1] & 15;
    if (h < 1 || h > 4 || v < 1 || v > 4)
      throw corrupt(`component ${i} has invalid sampling factors ${h}x${v}`);
    components.push({
      id: bytes[at],
      index: i,
      h,
      v,
      tq: bytes[at + 2],
      width: 0,
      height: 0,
      blocksWide: 0,
      blocksHigh: 0,
      blocksPerLine: 0,
      blocksPerColumn: 0,
      quant: null,
    });
  }
  const maxH = Math.max(...components.map((c) => c.h));
  const maxV = Math.max(...components.map((c) => c.v));
  if (components.some((c) => maxH % c.h !== 0 || maxV % c.v !== 0)) {
    // libjpeg: "Fractional sampling not implemented yet".
    throw unsupported("non-integral chroma sampling ratios are not supported", "jpeg");
  }
  const mcusPerLine = Math.ceil(width / (8 * maxH));
  const mcuRows = Math.ceil(height / (8 * maxV));
  for (const c of components) {
    c.width = Math.ceil((width * c.h) / maxH);
    c.height = Math.ceil((height * c.v) / maxV);
    c.blocksWide = Math.ceil(c.width / 8);
    c.blocksHigh = Math.ceil(c.height / 8);
    c.blocksPerLine = mcusPerLine * c.h;
    c.blocksPerColumn = mcuRows * c.v;
  }
  return { width, height, progressive: seg.marker === 0xc2, components, maxH, maxV, mcusPerLine, mcuRows };
}
