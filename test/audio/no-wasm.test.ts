import { describe, expect, it } from "vitest";
import { AudioDecoderUnavailableError, decodeAudio } from "../../src/audio/index";
import { audioFixture } from "./support";

// Alone in its file, so that no other test has handed the decoders their compiled module first.
describe("a Worker that forgets the decoders' compiled WASM", () => {
  it("is told so (workerd cannot compile WASM from bytes), and the note is not called corrupt", async () => {
    const note = await audioFixture("en.opus");
    const error = await decodeAudio(note).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AudioDecoderUnavailableError);
    expect((error as Error).message).toMatch(/wasm: audioWasm/);
    await expect(decodeAudio(await audioFixture("en.mp3"))).rejects.toThrow(AudioDecoderUnavailableError);
  });

  it("still reads WAV, which needs no WASM", async () => {
    expect((await decodeAudio(await audioFixture("en.wav"))).format).toBe("wav");
  });
});

describe("a Worker that passes the wrong modules", () => {
  it("is told so within the start timeout instead of waiting for ever", async () => {
    const { audioWasm } = await import("../../src/audio/wasm-worker");
    const swapped = { opus: audioWasm.mpg123, mpg123: audioWasm.opus };
    const error = await decodeAudio(await audioFixture("en.opus"), { wasm: swapped }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AudioDecoderUnavailableError);
  });
});
