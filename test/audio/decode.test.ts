import { describe, expect, it } from "vitest";
import {
  AudioError,
  type AudioErrorCode,
  decodeAudio,
  logMelSpectrogram,
  sniffAudio,
} from "../../src/audio/index";
import { oggPackets } from "../../src/audio/ogg";
import { audioWasm } from "../../src/audio/wasm-worker";
import { concatBytes } from "../../src/lib/bytes";
import { oggOpus, oggOpusPages, oggPage } from "./ogg-writer";
import { audioFixture } from "./support";
import { tone, wavFile } from "./wav-writer";

const decode = (bytes: Uint8Array, maxSeconds?: number) =>
  decodeAudio(bytes, { wasm: audioWasm, maxSeconds });

async function refusal(bytes: Uint8Array, maxSeconds?: number): Promise<AudioErrorCode> {
  try {
    await decode(bytes, maxSeconds);
  } catch (error) {
    if (error instanceof AudioError) return error.code;
    throw error;
  }
  throw new Error("decoded");
}

/** The en fixture's packets: two headers, then the audio. */
async function enPackets() {
  const { packets } = oggPackets(await audioFixture("en.opus"));
  const preSkip = new DataView(packets[0].buffer, packets[0].byteOffset).getUint16(10, true);
  return { headers: packets.slice(0, 2), audio: packets.slice(2), preSkip };
}

/** The en sentence's audio packets said `times` over in one stream (2.72 s each). */
async function repeatedNote(times: number, lastGranule?: bigint) {
  const { headers, audio, preSkip } = await enPackets();
  return oggOpus(headers, Array.from({ length: times }, () => audio).flat(), preSkip, lastGranule);
}

function meanAbsDiff(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

describe("decodeAudio", () => {
  it("hears a Telegram voice note (Ogg/Opus 48 kHz) as the same sentence as the 16 kHz WAV", async () => {
    for (const lang of ["en", "zh"]) {
      const note = await decode(await audioFixture(`${lang}.opus`));
      const wav = await decode(await audioFixture(`${lang}.wav`));
      expect(note.format).toBe("ogg-opus");
      expect(note.seconds).toBeCloseTo(wav.seconds, 2);
      expect(Math.abs(note.samples.length - wav.samples.length)).toBeLessThanOrEqual(1);
      // Opus at 24 kbit/s is lossy: the features agree closely on average, not exactly.
      expect(meanAbsDiff(logMelSpectrogram(note.samples), logMelSpectrogram(wav.samples))).toBeLessThan(0.02);
    }
  });

  it("decodes MP3 (22.05 kHz, resampled) to the same sentence", async () => {
    const mp3 = await decode(await audioFixture("en.mp3"));
    const wav = await decode(await audioFixture("en.wav"));
    expect(mp3.format).toBe("mp3");
    // LAME pads the start (encoder delay) unless the decoder trims it: a few ms either way.
    expect(Math.abs(mp3.seconds - wav.seconds)).toBeLessThan(0.1);
    expect(meanAbsDiff(logMelSpectrogram(mp3.samples), logMelSpectrogram(wav.samples))).toBeLessThan(0.05);
  });

  it("decodes an MP3 behind a 3 MB ID3v2 tag (cover art) in the decoder's smaller memory", async () => {
    const mp3 = await audioFixture("en.mp3");
    const size = 3 * 1024 * 1024;
    const tag = new Uint8Array(10 + size);
    tag.set([0x49, 0x44, 0x33, 4, 0, 0]); // "ID3", version 2.4, no flags
    tag.set([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f], 6); // syncsafe
    tag.set(
      [..."APIC"].map((c) => c.charCodeAt(0)),
      10,
    );
    const frame = size - 10;
    tag.set([(frame >> 21) & 0x7f, (frame >> 14) & 0x7f, (frame >> 7) & 0x7f, frame & 0x7f], 14);
    const tagged = new Uint8Array(tag.length + mp3.length);
    tagged.set(tag);
    tagged.set(mp3, tag.length);
    const plain = await decode(mp3);
    const behindTag = await decode(tagged);
    expect(behindTag.samples.length).toBe(plain.samples.length);
  });

  it("reads WAV in every encoding and averages stereo to mono", async () => {
    const left = tone(440, 44100, 0.5, 0.5);
    const right = tone(440, 44100, 0.5, 0.25);
    const reference = (
      await decode(wavFile([tone(440, 44100, 0.5, 0.375)], 44100, { format: "float", bits: 32 }))
    ).samples;
    for (const encoding of [
      { format: "int", bits: 8 },
      { format: "int", bits: 16 },
      { format: "int", bits: 24 },
      { format: "int", bits: 32 },
      { format: "float", bits: 32 },
      { format: "float", bits: 64 },
      { format: "int", bits: 16, extensible: true },
      { format: "float", bits: 32, extensible: true },
    ] as const) {
      const { samples, seconds, format } = await decode(
        wavFile([left, right], 44100, encoding, ["LIST", new Uint8Array(3)]),
      );
      expect(format).toBe("wav");
      expect(seconds).toBeCloseTo(0.5, 6);
      expect(samples.length).toBe(reference.length);
      const tolerance = encoding.bits === 8 ? 0.01 : 1e-4;
      expect(Math.max(...samples.map((x, i) => Math.abs(x - reference[i])))).toBeLessThan(tolerance);
    }
  });

  it("sniffs the three formats and nothing else", async () => {
    expect(sniffAudio(await audioFixture("en.opus"))).toBe("ogg-opus");
    expect(sniffAudio(await audioFixture("en.wav"))).toBe("wav");
    expect(sniffAudio(await audioFixture("en.mp3"))).toBe("mp3");
    const vorbis = (await audioFixture("en.opus")).slice();
    vorbis.set(
      [..."\x01vorbis\0"].map((c) => c.charCodeAt(0)),
      28,
    );
    expect(sniffAudio(vorbis)).toBeUndefined();
    expect(sniffAudio(new Uint8Array([0xff, 0xf1, 0x50, 0x80]))).toBeUndefined(); // ADTS AAC
    expect(sniffAudio(new TextEncoder().encode("%PDF-1.7"))).toBeUndefined();
    expect(sniffAudio(new Uint8Array(0))).toBeUndefined();
  });
});

describe("decodeAudio refuses bad recordings with a clear code", () => {
  it("empty: no bytes", async () => {
    expect(await refusal(new Uint8Array(0))).toBe("empty");
  });

  it("empty: a voice note with headers and no audio, or under 0.1 s", async () => {
    const { headers, audio, preSkip } = await enPackets();
    expect(await refusal(oggOpus(headers, [], preSkip))).toBe("empty");
    expect(await refusal(oggOpus(headers, audio.slice(0, 3), preSkip))).toBe("empty"); // 60 ms
    expect(await refusal(wavFile([new Float32Array(0)], 16000))).toBe("empty");
  });

  it("unsupported_format: random bytes, a PDF, Ogg Vorbis, ADPCM WAV", async () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    random[0] = 0x00; // not by chance an MP3 sync
    expect(await refusal(random)).toBe("unsupported_format");
    expect(await refusal(new TextEncoder().encode("%PDF-1.7 ..."))).toBe("unsupported_format");
    const vorbis = (await audioFixture("en.opus")).slice();
    vorbis.set(
      [..."\x01vorbis\0"].map((c) => c.charCodeAt(0)),
      28,
    );
    expect(await refusal(vorbis)).toBe("unsupported_format");
    const adpcm = wavFile([tone(440, 8000, 0.5)], 8000);
    new DataView(adpcm.buffer).setUint16(20, 2, true);
    expect(await refusal(adpcm)).toBe("unsupported_format");
  });

  it("corrupt: a voice note cut short anywhere", async () => {
    const note = await audioFixture("en.opus");
    for (const cut of [30, 100, note.length / 2, note.length - 1]) {
      expect(await refusal(note.subarray(0, Math.floor(cut)))).toBe("corrupt");
    }
  });

  it("corrupt: a flipped byte (the page checksum fails), a missing page, bytes after the end", async () => {
    const note = await audioFixture("en.opus");
    const flipped = note.slice();
    flipped[Math.floor(note.length / 2)] ^= 0x10;
    expect(await refusal(flipped)).toBe("corrupt");
    const { headers, audio, preSkip } = await enPackets();
    const pages = oggOpusPages(headers, audio, preSkip);
    expect(await refusal(concatBytes(pages.filter((_, i) => i !== 5)))).toBe("corrupt");
    const withTail = new Uint8Array(note.length + 10);
    withTail.set(note);
    expect(await refusal(withTail)).toBe("corrupt");
  });

  it("corrupt: a truncated WAV, random bytes after a WAV or MP3 header", async () => {
    const wav = wavFile([tone(440, 16000, 1)], 16000);
    expect(await refusal(wav.subarray(0, wav.length - 100))).toBe("corrupt");
    expect(await refusal(wav.subarray(0, 20))).toBe("corrupt");
    let seed = 7;
    const junk = Uint8Array.from({ length: 8192 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    junk.set([0xff, 0xfb, 0x90, 0x64]); // an MPEG-1 Layer III frame header, then noise
    expect(await refusal(junk)).toBe("corrupt");
  });

  it("too_long: from the last granule position, before decoding", async () => {
    // A short note whose last page claims 95 s: refused from the claim alone.
    const { headers, audio, preSkip } = await enPackets();
    expect(await refusal(oggOpus(headers, audio, preSkip, BigInt(preSkip + 95 * 48000)))).toBe("too_long");
    expect(await refusal(await audioFixture("en.opus"), 2)).toBe("too_long");
  });

  it("too_long: a real 95 s note; a 60 s note passes with its length", async () => {
    expect(await refusal(await repeatedNote(35))).toBe("too_long"); // 35 × 2.72 s
    const note = await decode(await repeatedNote(22)); // 59.9 s
    expect(note.seconds).toBeCloseTo(22 * 2.72, 0);
  });

  it("too_long: WAV from its header, MP3 as it decodes", async () => {
    expect(await refusal(wavFile([new Float32Array(16000 * 91)], 16000))).toBe("too_long");
    expect(await refusal(await audioFixture("en.mp3"), 1)).toBe("too_long");
  });

  it("a note whose last granule claims less than it holds is cut at the granule, as opusdec does", async () => {
    const { headers, audio, preSkip } = await enPackets();
    const note = await decode(oggOpus(headers, audio, preSkip, BigInt(preSkip + 48000)));
    expect(note.seconds).toBe(1);
    expect(note.samples.length).toBe(16000);
  });

  it("corrupt: a stream that does not begin with its first page", async () => {
    const note = await audioFixture("en.opus");
    const { headers } = await enPackets();
    const page = oggPage(headers[0], { flags: 0, granule: 0n, serial: 1, sequence: 0 });
    expect(await refusal(concatBytes([page, note.subarray(note.length / 2)]))).toBe("corrupt");
  });
});
