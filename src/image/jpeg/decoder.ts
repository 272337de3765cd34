import { ImageError, type ReadRegion, type RowSink } from "../types";
import { BitReader } from "./bit-reader";
import { CoefficientStore } from "./block-stores";
import { adobeTransform, type ColorMarkers, guessColorSpace, isJfif, noColorMarkers } from "./color-space";
import { corrupt, unsupported } from "./errors";
import { type Frame, isSof, parseFrame } from "./frame";
import {
  APP0,
  APP14,
  DAC,
  DHT,
  DNL,
  DQT,
  DRI,
  EOI,
  hex,
  isParameterless,
  readSegment,
  type Segment,
  SOI,
  SOS,
  startsWithSoi,
} from "./markers";
import { progressiveDecoder } from "./progressive";
import { RowAssembler } from "./row-assembler";
import type { JpegScale } from "./scale";
import { decodeScan, parseScan, type Scan } from "./scan";
import { decodeSequentialBlock } from "./sequential";
import { standardHuffmanTables } from "./standard-huffman";
import { STREAMING_SCAN_BYTES, streamSequentialScan } from "./streaming-scan";
import { emptyTables, readHuffmanTables, readQuantTables, readRestartInterval, type Tables } from "./tables";

export interface DecodeStats {
  /** True when the image was decoded MCU row by MCU row (a sequential image coded in one scan). */
  streamed: boolean;
  /** Bytes of every buffer sized by the image: sample rings, row buffers, coefficients. */
  sampleBytes: number;
}

/**
 * Decodes a whole JPEG stream, sending RGB rows to `sink` top to bottom. Sequential images coded in a
 * single scan are streamed; other images keep their coefficients until EOI. `expected`, when given,
 * must match the SOF dimensions (the caller sized its limits on it). At `scale` 2, 4 or 8 the rows are
 * libjpeg-turbo's scaled decode (ceil(width / scale) pixels wide), made by the reduced IDCTs. With
 * `region`, only that part of the rows is converted, and blocks clear of it are not transformed.
 */
export function decodeJpeg(
  bytes: Uint8Array,
  sink: RowSink,
  expected?: { width: number; height: number },
  scale: JpegScale = 1,
  region?: ReadRegion,
): DecodeStats {
  if (bytes.length === 0) throw new ImageError("empty_image", "JPEG: the file is empty", "jpeg");
  if (!startsWithSoi(bytes)) throw unsupported("not a JPEG stream (no SOI marker)", "unknown");
  const tables = emptyTables();
  const color = noColorMarkers();
  let frame: Frame | null = null;
  let store: CoefficientStore | null = null;
  let scans = 0;
  let pos = 2;
  for (;;) {
    const seg = readSegment(bytes, pos);
    pos = seg.end;
    const { marker } = seg;
    if (marker === SOS) {
      if (!frame) throw corrupt("SOS marker before any SOF marker");
      const scan = parseScan(bytes, seg, frame, tables);
      latchQuantTables(scan, tables);
      const reader = new BitReader(bytes, seg.end);
      if (scans === 0 && !frame.progressive && scan.components.length === frame.components.length) {
        const space = guessColorSpace(frame, color);
        return streamSequential(
          bytes,
          frame,
          scan,
          tables,
          reader,
          new RowAssembler(frame, space, sink, scale, region),
        );
      }
      store ??= allocateCoefficients(frame, scale);
      const decode = frame.progressive ? progressiveDecoder(scan) : decodeSequentialBlock;
      store.beginScan(scan);
      decodeScan(reader, frame, scan, tables.restartInterval, decode, store);
      pos = reader.finish();
      scans++;
    } else if (marker === EOI) {
      if (!frame || !store) throw corrupt(frame ? "no scan data before EOI" : "no SOF marker before EOI");
      const assembler = new RowAssembler(frame, guessColorSpace(frame, color), sink, scale, region);
      store.output(assembler);
      return { streamed: false, sampleBytes: assembler.allocatedBytes + store.allocatedBytes };
    } else if (isSof(marker)) {
      if (frame) throw corrupt("more than one SOF marker");
      frame = parseFrame(bytes, seg);
      if (expected && (frame.width !== expected.width || frame.height !== expected.height)) {
        throw corrupt(
          `SOF says ${frame.width}x${frame.height}, the header said ${expected.width}x${expected.height}`,
        );
      }
      if (!frame.progressive) installStandardHuffmanTables(tables);
    } else {
      readTableOrSkip(bytes, seg, tables, color);
    }
  }
}

/** A single-scan sequential image: decode and emit MCU row by MCU row, then expect EOI. */
function streamSequential(
  bytes: Uint8Array,
  frame: Frame,
  scan: Scan,
  tables: Tables,
  reader: BitReader,
  assembler: RowAssembler,
): DecodeStats {
  streamSequentialScan(reader, frame, scan, tables.restartInterval, assembler);
  // Pillow refuses a file that stops before EOI, so do we; another scan here is malformed too.
  let pos = reader.finish();
  for (;;) {
    const seg = readSegment(bytes, pos);
    pos = seg.end;
    if (seg.marker === EOI) break;
    if (seg.marker === SOS || isSof(seg.marker)) {
      throw corrupt(`unexpected marker 0xFF${hex(seg.marker)} after a complete single-scan image`);
    }
    readTableOrSkip(bytes, seg, tables, noColorMarkers());
  }
  return { streamed: true, sampleBytes: assembler.allocatedBytes + STREAMING_SCAN_BYTES };
}

/** Table and miscellaneous segments; anything unknown is an error, as in libjpeg. */
function readTableOrSkip(bytes: Uint8Array, seg: Segment, tables: Tables, color: ColorMarkers): void {
  const { marker } = seg;
  if (marker === DQT) readQuantTables(bytes, seg, tables);
  else if (marker === DHT) readHuffmanTables(bytes, seg, tables);
  else if (marker === DRI) readRestartInterval(bytes, seg, tables);
  else if (marker === APP0) color.jfif ||= isJfif(bytes, seg);
  else if (marker === APP14) color.adobeTransform = adobeTransform(bytes, seg) ?? color.adobeTransform;
  else if (marker === SOI) throw corrupt("SOI marker inside the image");
  else if (!(marker > APP0 && marker <= 0xef) && marker !== 0xfe && marker !== DNL && marker !== DAC) {
    if (!isParameterless(marker)) throw corrupt(`unexpected marker 0xFF${hex(marker)}`);
  }
}

/** Multi-scan images keep every coefficient; a header too big for memory is refused as such. */
function allocateCoefficients(frame: Frame, scale: JpegScale): CoefficientStore {
  try {
    return new CoefficientStore(frame, scale);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const message = `JPEG: no memory for the coefficients of a ${frame.width}x${frame.height} multi-scan image`;
    throw new ImageError("image_too_large", message, "jpeg");
  }
}

/** libjpeg copies a component's quantisation table at the first scan that includes it. */
function latchQuantTables(scan: Scan, tables: Tables): void {
  for (const { component } of scan.components) {
    if (component.quant) continue;
    const table = tables.quant[component.tq];
    if (!table) throw corrupt(`quantisation table ${component.tq} is not defined`);
    component.quant = table.slice();
  }
}

/** libjpeg-turbo gives sequential images the standard tables for Huffman slots 0 and 1 left empty. */
function installStandardHuffmanTables(tables: Tables): void {
  if (tables.dc[0] && tables.dc[1] && tables.ac[0] && tables.ac[1]) return;
  const std = standardHuffmanTables();
  for (let i = 0; i < 2; i++) {
    tables.dc[i] ??= std.dc[i];
    tables.ac[i] ??= std.ac[i];
  }
}
