import { concatBytes } from "../lib/bytes";
import { AudioError } from "./errors";

/**
 * A strict reader of one logical Ogg stream (RFC 3533): every page must follow the last with the right
 * sequence number and a valid CRC, and the stream must end with its end-of-stream page. A voice note that
 * fails any of these is damaged or cut short, and is refused rather than half heard.
 */

const MAX_PAGE_BYTES = 27 + 255 + 255 * 255;
const FLAG_CONTINUED = 1;
const FLAG_FIRST = 2;
const FLAG_LAST = 4;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let b = 0; b < 8; b++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg's CRC-32 (polynomial 0x04c11db7, not reflected, initial 0) of a page with its checksum field as 0. */
export function oggCrc(page: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < page.length; i++) {
    const byte = i >= 22 && i < 26 ? 0 : page[i];
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]) >>> 0;
  }
  return crc;
}

export interface OggPage {
  flags: number;
  /** The granule position: for Opus, 48 kHz samples up to the end of the page's last finished packet; -1 if none finishes. */
  granule: bigint;
  serial: number;
  sequence: number;
  lacing: Uint8Array;
  body: Uint8Array;
  /** Offset of the byte after the page. */
  end: number;
}

const truncated = () => new AudioError("corrupt", "The Ogg stream is cut short.");

/** The page at `offset`, checked (capture pattern, version, bounds, CRC). */
export function readOggPage(bytes: Uint8Array, offset: number): OggPage {
  if (offset + 27 > bytes.length) throw truncated();
  if (
    bytes[offset] !== 0x4f ||
    bytes[offset + 1] !== 0x67 ||
    bytes[offset + 2] !== 0x67 ||
    bytes[offset + 3] !== 0x53
  )
    throw new AudioError("corrupt", "The Ogg stream has bytes that are not a page.");
  if (bytes[offset + 4] !== 0) throw new AudioError("corrupt", "Unknown Ogg page version.");
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset);
  const segments = bytes[offset + 26];
  const bodyStart = offset + 27 + segments;
  if (bodyStart > bytes.length) throw truncated();
  const lacing = bytes.subarray(offset + 27, bodyStart);
  const end = bodyStart + lacing.reduce((n, l) => n + l, 0);
  if (end > bytes.length) throw truncated();
  if (oggCrc(bytes.subarray(offset, end)) !== view.getUint32(22, true))
    throw new AudioError("corrupt", "An Ogg page fails its checksum.");
  return {
    flags: bytes[offset + 5],
    granule: view.getBigInt64(6, true),
    serial: view.getUint32(14, true),
    sequence: view.getUint32(18, true),
    lacing,
    body: bytes.subarray(bodyStart, end),
    end,
  };
}

/**
 * The granule position of the stream's last page, found from the end without reading the rest: the cheap
 * duration check before any decoding. The last page must end exactly at the end of the file.
 */
export function lastOggGranule(bytes: Uint8Array): bigint {
  for (let at = bytes.length - 27; at >= Math.max(0, bytes.length - MAX_PAGE_BYTES); at--) {
    if (bytes[at] !== 0x4f || bytes[at + 1] !== 0x67 || bytes[at + 2] !== 0x67 || bytes[at + 3] !== 0x53)
      continue;
    let page: OggPage;
    try {
      page = readOggPage(bytes, at);
    } catch {
      continue; // "OggS" inside a packet's data, or a damaged page
    }
    if (page.end !== bytes.length || !(page.flags & FLAG_LAST)) break;
    return page.granule;
  }
  throw truncated();
}

/** The packets of the stream in order (views of `bytes` unless a packet spans pages), and its last granule. */
export function oggPackets(bytes: Uint8Array): { packets: Uint8Array[]; lastGranule: bigint } {
  const packets: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let offset = 0;
  let serial = 0;
  for (let sequence = 0; ; sequence++) {
    const page = readOggPage(bytes, offset);
    if (sequence === 0) {
      if (!(page.flags & FLAG_FIRST))
        throw new AudioError("corrupt", "The Ogg stream does not start with its first page.");
      serial = page.serial;
    } else if (page.serial !== serial || page.flags & FLAG_FIRST) {
      throw new AudioError("unsupported_format", "The Ogg file holds more than one stream.");
    }
    if (page.sequence !== sequence) throw new AudioError("corrupt", "The Ogg stream misses a page.");
    if (Boolean(page.flags & FLAG_CONTINUED) !== pending.length > 0)
      throw new AudioError("corrupt", "An Ogg page breaks a packet.");
    let start = 0;
    let at = 0;
    for (const length of page.lacing) {
      at += length;
      if (length === 255) continue; // the packet goes on in the next segment
      const piece = page.body.subarray(start, at);
      packets.push(pending.length ? concatBytes([...pending, piece]) : piece);
      pending = [];
      start = at;
    }
    // Lacing values of 255 that reach the end of the page leave a packet to continue on the next page.
    if (start < page.body.length) pending.push(page.body.subarray(start));
    offset = page.end;
    if (page.flags & FLAG_LAST) {
      if (offset !== bytes.length) throw new AudioError("corrupt", "The Ogg file has bytes after its end.");
      if (pending.length) throw truncated();
      return { packets, lastGranule: page.granule };
    }
    if (offset === bytes.length) throw truncated();
  }
}
