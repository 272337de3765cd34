/**
 * A long note makes no garbage while it is decoded: every block a decoder hands the sink, and the
 * channel arrays copied out of libopus's or mpg123's heap behind it, is freed once pushed (workerd has
 * ES2024 `transfer`; where it is missing, freeNow does nothing and they wait for a collection). Unfreed,
 * a 90 s Opus note's 48 kHz blocks (17 MB) and their resampled copies piled up beside its samples in the
 * speech isolate. A block reads as empty once freed; the samples themselves are the decoders' parity
 * tests' concern (opus-parity, decode).
 */
import { describe, expect, it } from "vitest";
import { decodeMp3 } from "../../src/audio/mp3";
import { decodeOggOpus } from "../../src/audio/opus";
import { audioWasm } from "../../src/audio/wasm-worker";
import { decodeWav } from "../../src/audio/wav";
import { audioFixture } from "./support";
import { tone, wavFile } from "./wav-writer";

/** A sink that keeps what it is given (as no sink may) and counts the samples while they are there. */
function keepingSink() {
  const kept: Float32Array[] = [];
  let samples = 0;
  return {
    kept,
    get samples() {
      return samples;
    },
    push(mono: Float32Array) {
      samples += mono.length;
      kept.push(mono);
    },
  };
}

describe("decoders free each block once pushed", () => {
  it("Ogg/Opus", async () => {
    const sink = keepingSink();
    await decodeOggOpus(await audioFixture("en.opus"), sink, 90, audioWasm.opus);
    expect(sink.samples).toBeGreaterThan(48000);
    expect(sink.kept.every((block) => block.length === 0)).toBe(true);
  });

  it("MP3", async () => {
    const sink = keepingSink();
    await decodeMp3(await audioFixture("en.mp3"), sink, audioWasm.mpg123);
    expect(sink.samples).toBeGreaterThan(16000);
    expect(sink.kept.every((block) => block.length === 0)).toBe(true);
  });

  it("WAV, stereo and mono", () => {
    for (const channels of [1, 2]) {
      const sink = keepingSink();
      const wav = wavFile(
        Array.from({ length: channels }, () => tone(440, 48000, 3)),
        48000,
      );
      decodeWav(wav, sink, 90);
      expect(sink.samples).toBe(3 * 48000);
      expect(sink.kept).toHaveLength(3);
      expect(sink.kept.every((block) => block.length === 0)).toBe(true);
    }
  });
});
