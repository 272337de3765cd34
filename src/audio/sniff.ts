export type AudioFormat = "ogg-opus" | "wav" | "mp3";

const ascii = (bytes: Uint8Array, offset: number, text: string) =>
  bytes.length >= offset + text.length && [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));

/**
 * The container and codec of an audio file from its first bytes, or undefined. An Ogg stream counts as
 * Opus only when its first page carries the OpusHead packet (Ogg Vorbis or FLAC is not ours); MP3 is an ID3
 * tag or an MPEG audio frame sync whose layer bits are set (ADTS AAC has the same sync with layer 00).
 */
export function sniffAudio(bytes: Uint8Array): AudioFormat | undefined {
  // An Ogg file cut before it names its codec is taken as Opus, to be refused as cut short.
  if (ascii(bytes, 0, "OggS"))
    return bytes.length < 36 || ascii(bytes, 28, "OpusHead") ? "ogg-opus" : undefined;
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WAVE")) return "wav";
  if (ascii(bytes, 0, "ID3")) return "mp3";
  if (bytes.length >= 4 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0) {
    const version = (bytes[1] >> 3) & 3; // 01 is reserved
    const layer = (bytes[1] >> 1) & 3; // 00 is reserved (and ADTS)
    const bitrate = bytes[2] >> 4; // 1111 is invalid
    const rate = (bytes[2] >> 2) & 3; // 11 is reserved
    if (version !== 1 && layer !== 0 && bitrate !== 15 && rate !== 3) return "mp3";
  }
  return undefined;
}
