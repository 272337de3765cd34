/**
 * `dermedge transcribe` and `dermedge model synthetic --kind whisper`, run as a user would, on the
 * Ogg/Opus voice-note fixtures (test/fixtures/audio) and the synthetic speech package of the global setup.
 * What it hears is gibberish (random weights); the JSON's shape, the forced language and the refusals are
 * what is checked.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runDermedge } from "../support/dermedge-cli.node";

const root = resolve(import.meta.dirname, "../..");
const speech = resolve(root, ".cache/models/whisper-test");
const fixture = (name: string) => resolve(root, "test/fixtures/audio", name);

describe("dermedge transcribe", () => {
  it.each([
    ["en", "en.opus"],
    ["zh", "zh.opus"],
  ])("prints text, language %s, token ids and confidence for a voice note", async (lang, file) => {
    const { code, stdout } = await runDermedge([
      "transcribe",
      fixture(file),
      "--model",
      speech,
      "--lang",
      lang,
      "--max-new-tokens",
      "8",
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.language).toBe(lang);
    expect(out.tokenIds).toHaveLength(out.tokenIds.includes(50257) ? out.tokenIds.indexOf(50257) + 1 : 8);
    expect(typeof out.text).toBe("string");
    expect(out.confidence.avgLogprob).toBeLessThanOrEqual(0);
    expect(out.model.synthetic).toBe(true);
  });

  it("refuses what is not audio, in one line", async () => {
    const { code, stderr } = await runDermedge([
      "transcribe",
      resolve(root, "package.json"),
      "--model",
      speech,
    ]);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/unsupported_format/);
  });

  it("model synthetic --kind whisper writes a speech package with the export's file layout", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "whisper-")), "pkg");
    const { code } = await runDermedge([
      "model",
      "synthetic",
      "--kind",
      "whisper",
      "--size",
      "test",
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
    expect(manifest.format).toBe("dermedge-speech/1");
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual([
      "config.json",
      "generation_config.json",
      "onnx/decoder_model_merged_quantized.onnx",
      "onnx/encoder_model_quantized.onnx",
      "preprocessor_config.json",
      "tokenizer.json",
      "tokenizer_config.json",
    ]);
  });
});
