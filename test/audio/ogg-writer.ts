import { oggCrc } from "../../src/audio/ogg";
import { concatBytes } from "../../src/lib/bytes";

/** Samples (at 48 kHz) an Opus packet holds, from its TOC byte (RFC 6716 §3.1). */
export function opusPacketSamples(packet: Uint8Array): number {
  const config = packet[0] >> 3;
  const frameMs =
    config < 12
      ? [10, 20, 40, 60][config % 4]
      : config < 16
        ? [10, 20][config % 2]
        : [2.5, 5, 10, 20][config % 4];
  const code = packet[0] & 3;
  const frames = code === 0 ? 1 : code < 3 ? 2 : packet[1] & 0x3f;
  return frames * frameMs * 48;
}

/** One Ogg page holding `packet` whole (for tests: one packet a page). */
export function oggPage(
  packet: Uint8Array,
  o: { flags: number; granule: bigint; serial: number; sequence: number },
) {
  const lacing = [...Array(Math.floor(packet.length / 255)).fill(255), packet.length % 255];
  const page = new Uint8Array(27 + lacing.length + packet.length);
  const view = new DataView(page.buffer);
  page.set([0x4f, 0x67, 0x67, 0x53]);
  page[5] = o.flags;
  view.setBigInt64(6, o.granule, true);
  view.setUint32(14, o.serial, true);
  view.setUint32(18, o.sequence, true);
  page[26] = lacing.length;
  page.set(lacing, 27);
  page.set(packet, 27 + lacing.length);
  view.setUint32(22, oggCrc(page), true);
  return page;
}

/**
 * An Ogg/Opus file of the header packets and audio packets given, one packet a page, granule positions
 * counted from the packets' TOCs plus the pre-skip. `lastGranule` overrides the final page's.
 */
export function oggOpus(headers: Uint8Array[], audio: Uint8Array[], preSkip: number, lastGranule?: bigint) {
  return concatBytes(oggOpusPages(headers, audio, preSkip, lastGranule));
}

export function oggOpusPages(
  headers: Uint8Array[],
  audio: Uint8Array[],
  preSkip: number,
  lastGranule?: bigint,
) {
  const pages: Uint8Array[] = [];
  let granule = BigInt(preSkip);
  const all = [...headers, ...audio];
  all.forEach((packet, i) => {
    if (i >= headers.length) granule += BigInt(opusPacketSamples(packet));
    const last = i === all.length - 1;
    pages.push(
      oggPage(packet, {
        flags: (i === 0 ? 2 : 0) | (last ? 4 : 0),
        granule: i < headers.length ? 0n : last && lastGranule !== undefined ? lastGranule : granule,
        serial: 0x5eed,
        sequence: i,
      }),
    );
  });
  return pages;
}
