import { corrupt } from "./errors";

export const SOI = 0xd8;
export const EOI = 0xd9;
export const SOS = 0xda;
export const DQT = 0xdb;
export const DNL = 0xdc;
export const DRI = 0xdd;
export const DHT = 0xc4;
export const DAC = 0xcc;
export const APP0 = 0xe0;
export const APP1 = 0xe1;
export const APP14 = 0xee;
export const RST0 = 0xd0;

/** Markers that stand alone, without a length field (RSTn, TEM). */
export function isParameterless(marker: number): boolean {
  return (marker >= RST0 && marker <= RST0 + 7) || marker === 0x01;
}

/** A marker and, for markers with a length field, the bounds of its payload. */
export interface Segment {
  marker: number;
  /** First payload byte (after the two length bytes). */
  start: number;
  /** One past the last payload byte: where the next marker is looked for. */
  end: number;
}

/** True when the stream starts with SOI, as libjpeg's first_marker demands. */
export function startsWithSoi(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === SOI;
}

/**
 * Finds the next marker at or after `pos`. Like libjpeg's next_marker, bytes that are not part of a
 * marker (extraneous data, stuffed FF 00 pairs) are skipped and FF fill bytes are swallowed.
 * Returns the marker code and the position just after it.
 */
export function nextMarker(bytes: Uint8Array, pos: number): { marker: number; pos: number } {
  const n = bytes.length;
  while (pos < n) {
    if (bytes[pos++] !== 0xff) continue;
    while (pos < n && bytes[pos] === 0xff) pos++;
    if (pos >= n) break;
    const marker = bytes[pos++];
    if (marker !== 0) return { marker, pos };
  }
  throw corrupt("data is truncated (expected a marker, found the end of the file)");
}

/** Reads the marker at or after `pos` and the bounds of its payload. */
export function readSegment(bytes: Uint8Array, pos: number): Segment {
  const found = nextMarker(bytes, pos);
  const { marker } = found;
  if (marker === SOI || marker === EOI || isParameterless(marker)) {
    return { marker, start: found.pos, end: found.pos };
  }
  if (found.pos + 2 > bytes.length) throw corrupt("data is truncated inside a marker segment");
  const length = (bytes[found.pos] << 8) | bytes[found.pos + 1];
  if (length < 2) throw corrupt(`marker 0xFF${hex(marker)} has an invalid length ${length}`);
  const end = found.pos + length;
  if (end > bytes.length) throw corrupt(`data is truncated inside marker 0xFF${hex(marker)}`);
  return { marker, start: found.pos + 2, end };
}

export function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, "0");
}
