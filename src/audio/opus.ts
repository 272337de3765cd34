import { OpusDecoder } from "./decoders";
import { AudioError, decoderReady, requireDecoderModule } from "./errors";
import { lastOggGranule, oggPackets, readOggPage } from "./ogg";
import { downmix, freeAll, type PcmSink, pushFreeing, tooLong } from "./pcm";

const OPUS_RATE = 48000;
/** Packets decoded at once: about a second of a voice note (20 ms packets). */
const BATCH = 50;

interface OpusHead {
  channels: number;
  preSkip: number;
  /** Output gain, as a linear factor (the header holds dB in Q7.8). */
  gain: number;
  streamCount: number;
  coupledStreamCount: number;
  channelMappingTable: number[];
}

/** The identification header (RFC 7845 §5.1); channel mapping families 0 (mono, stereo) and 1 (surround). */
export function parseOpusHead(packet: Uint8Array): OpusHead {
  const magic = String.fromCharCode(...packet.subarray(0, 8));
  if (magic !== "OpusHead" || packet.length < 19)
    throw new AudioError("corrupt", "The Opus header is damaged.");
  if (packet[8] >> 4 !== 0)
    throw new AudioError("unsupported_format", "An Opus stream of an unknown version.");
  const view = new DataView(packet.buffer, packet.byteOffset, packet.length);
  const channels = packet[9];
  const family = packet[18];
  const head = {
    channels,
    preSkip: view.getUint16(10, true),
    gain: 10 ** (view.getInt16(16, true) / 256 / 20),
  };
  if (family === 0 && (channels === 1 || channels === 2))
    return {
      ...head,
      streamCount: 1,
      coupledStreamCount: channels - 1,
      channelMappingTable: channels === 2 ? [0, 1] : [0],
    };
  if (family === 1 && channels >= 1 && channels <= 8 && packet.length >= 21 + channels) {
    const streamCount = packet[19];
    const coupledStreamCount = packet[20];
    const channelMappingTable = [...packet.subarray(21, 21 + channels)];
    if (
      streamCount === 0 ||
      coupledStreamCount > streamCount ||
      channelMappingTable.some((m) => m >= streamCount + coupledStreamCount && m !== 255)
    )
      throw new AudioError("corrupt", "The Opus channel mapping is inconsistent.");
    return { ...head, streamCount, coupledStreamCount, channelMappingTable };
  }
  throw new AudioError(
    "unsupported_format",
    `An Opus channel layout we do not decode (family ${family}, ${channels} channels).`,
  );
}

/**
 * Decodes an Ogg/Opus file with libopus (opus-decoder's WASM build) at 48 kHz, as opusdec does: the
 * pre-skip dropped, the header's output gain applied, the end trimmed to the last granule position. The
 * duration is checked from that granule before anything is decoded, and decoding stops at it.
 */
export async function decodeOggOpus(
  bytes: Uint8Array,
  out: PcmSink,
  maxSeconds: number,
  module?: WebAssembly.Module,
) {
  const head = parseOpusHead(firstPacket(bytes));
  const total = Number(lastOggGranule(bytes)) - head.preSkip; // samples at 48 kHz after the pre-skip
  if (total > maxSeconds * OPUS_RATE) throw tooLong(maxSeconds);
  const { packets } = oggPackets(bytes);
  if (String.fromCharCode(...(packets[1]?.subarray(0, 8) ?? [])) !== "OpusTags")
    throw new AudioError("corrupt", "The Opus comment header is missing.");
  if (total <= 0 || packets.length <= 2) return;
  out.expect?.(total, OPUS_RATE);

  requireDecoderModule("Opus", module);
  if (module) (OpusDecoder as unknown as { module?: WebAssembly.Module }).module = module;
  const decoder = new OpusDecoder({
    channels: head.channels,
    streamCount: head.streamCount,
    coupledStreamCount: head.coupledStreamCount,
    channelMappingTable: head.channelMappingTable,
    preSkip: head.preSkip,
    sampleRate: OPUS_RATE,
  });
  await decoderReady("Opus", decoder.ready); // before the try: a decoder that never started has nothing to free
  try {
    let left = total;
    for (let i = 2; i < packets.length && left > 0; i += BATCH) {
      const { channelData, samplesDecoded, errors } = decoder.decodeFrames(packets.slice(i, i + BATCH));
      if (errors.length) throw new AudioError("corrupt", "An Opus packet is damaged.");
      const length = Math.min(samplesDecoded, left);
      left -= length;
      if (length) pushFreeing(out, downmix(channelData, length, head.gain), OPUS_RATE);
      freeAll(channelData);
    }
  } finally {
    decoder.free();
  }
}

/** The first packet, read from the first page alone (the header must be there). */
function firstPacket(bytes: Uint8Array): Uint8Array {
  const page = readOggPage(bytes, 0);
  const length = page.lacing[0] ?? 0;
  if (length === 255) throw new AudioError("corrupt", "The Opus header is damaged.");
  return page.body.subarray(0, length);
}
