import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AUDIO_WASM, audioWasmBytes } from "../../scripts/audio-wasm";
import { decodeAudio } from "../../src/audio";
import { decodeOggOpus } from "../../src/audio/opus";
import { runDermedge } from "../support/dermedge-cli.node";

const root = resolve(import.meta.dirname, "../..");
const fixture = (name: string) => readFile(resolve(root, "test/fixtures/audio", name));

describe("the audio decoders' WASM", () => {
  // The Workers import src/audio/wasm/*.wasm; Node lets the packages compile their own embedded copy
  // (the same code, with the packages' larger fixed memory).
  it.each(
    AUDIO_WASM.map((w) => [w.pkg, w] as const),
  )("src/audio/wasm holds what %s embeds, its memory made smaller (else: npx tsx scripts/audio-wasm.ts)", async (_, entry) => {
    const committed = new Uint8Array(await readFile(resolve(root, entry.out)));
    expect(Buffer.compare(committed, await audioWasmBytes(entry))).toBe(0);
  });
});

describe("audio in Node", () => {
  it("decodes Ogg/Opus as opusdec does, with the packages' own WASM", async () => {
    const chunks: Float32Array[] = [];
    await decodeOggOpus(
      new Uint8Array(await fixture("zh.opus")),
      { push: (m) => chunks.push(m.slice()) },
      90,
    );
    const ours = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      ours.set(c, at);
      at += c.length;
    }
    const raw = gunzipSync(await fixture("zh.opusdec.s16.gz"));
    const reference = new Int16Array(raw.buffer, raw.byteOffset, raw.length / 2);
    expect(ours.length).toBe(reference.length);
    let maxLsb = 0;
    for (let i = 0; i < reference.length; i++)
      maxLsb = Math.max(maxLsb, Math.abs(ours[i] * 32768 - reference[i]));
    expect(maxLsb).toBeLessThanOrEqual(1);
  });

  it("decodes a voice note to 16 kHz", async () => {
    const { samples, seconds, format } = await decodeAudio(new Uint8Array(await fixture("en.opus")));
    expect(format).toBe("ogg-opus");
    expect(samples.length).toBe(Math.ceil(seconds * 16000));
  });
});

describe("dermedge audio-features", () => {
  it("prints the 80 x 3000 log-mel matrix of a 16 kHz WAV, equal to the NumPy reference", async () => {
    const { code, stdout } = await runDermedge([
      "audio-features",
      resolve(root, "test/fixtures/audio/en.wav"),
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as number[][];
    expect(rows).toHaveLength(80);
    expect(rows.every((r) => r.length === 3000)).toBe(true);
    const raw = gunzipSync(await fixture("en.logmel.f32.gz"));
    const reference = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
    let diff = 0;
    for (let m = 0; m < 80; m++)
      for (let t = 0; t < 3000; t++) diff = Math.max(diff, Math.abs(rows[m][t] - reference[m * 3000 + t]));
    expect(diff).toBeLessThan(1e-4);
  });

  it.each([
    [["audio-features", "README.md"], 1, /Not an Ogg\/Opus, WAV or MP3/],
    [["audio-features", "/no/such.wav"], 1, /no such file/],
    [["audio-features", "test/fixtures/audio/en.wav", "--window", "1"], 2, /--window must be 0\.\.0/],
    [["audio-features"], 2, /FILE/],
  ])("fails with one line: %j", async (args, exitCode, message) => {
    const { code, stderr } = await runDermedge(args as string[]);
    expect(code).toBe(exitCode);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message as RegExp);
  });

  it("refuses an empty file as empty", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "dermedge-audio-")), "empty.ogg");
    await writeFile(path, new Uint8Array(0));
    const { code, stderr } = await runDermedge(["audio-features", path]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/empty/);
  });
});
