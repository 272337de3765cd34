import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { pngDecoder } from "../../src/image/png";
import { runDermedge } from "../support/dermedge-cli.node";
import { TEST_IMAGES, type TestImage } from "../support/test-images";

const root = resolve(import.meta.dirname, "../..");
const shared = resolve(root, "../shared");
const tiny = resolve(root, ".cache/models/tiny");
const fixture = (path: string) => resolve(shared, "fixtures", path);
/** A photo the global setup made (test/support/test-images.node.ts). */
const image = (name: TestImage) => resolve(root, ".cache/images", TEST_IMAGES[name]);
const pillowCrop = fixture("reference/preprocess/chelsea_exif_orientation6.png");

const dermedge = (...args: string[]) => runDermedge(args);

async function decodePng(path: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(await readFile(path));
  const header = pngDecoder.readHeader(bytes);
  const rgb = new Uint8Array(header.width * header.height * 3);
  await pngDecoder.decode(bytes, header, (y, row) => rgb.set(row, y * header.width * 3));
  return rgb;
}

/** One line on stderr naming the problem, no stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^dermedge: /);
  expect(lines[0]).toMatch(pattern);
}

describe("dermedge command", () => {
  it("through npx prints only the tool's output (npm's config warnings would come first)", async () => {
    const { stdout, stderr } = await promisify(execFile)("npx", ["--offline", "dermedge", "--help"], {
      cwd: root,
    });
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^usage: dermedge /);
  });

  it("tokenize prints the token ids start..end", async () => {
    const { code, stdout } = await dermedge("tokenize", "--model", tiny, "a photo of a skin rash");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([49406, 320, 1125, 539, 320, 3575, 30608, 49407]);
  });

  it.skipIf(!existsSync(pillowCrop))(
    "preprocess writes the same crop as Hugging Face + Pillow (reference crop in ../shared)",
    async () => {
      const out = join(await mkdtemp(join(tmpdir(), "dermedge-")), "crop.png");
      const { code } = await dermedge(
        "preprocess",
        fixture("images/formats/chelsea_exif_orientation6.jpg"),
        "--out",
        out,
      );
      expect(code).toBe(0);
      const ours = await decodePng(out);
      const reference = await decodePng(pillowCrop);
      expect(ours.length).toBe(224 * 224 * 3);
      const diff = ours.reduce((sum, v, i) => sum + Math.abs(v - reference[i]), 0) / ours.length;
      expect(diff).toBeLessThanOrEqual(1);
    },
  );

  it("classify prints every label's probability, the top label and timings", async () => {
    const { code, stdout } = await dermedge(
      "classify",
      image("photo"),
      "--model",
      tiny,
      "--labels",
      "a photo of a skin rash",
      "--labels",
      "a photo of normal skin",
      "--labels",
      "a photo of a mole",
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.model).toMatchObject({ id: "synthetic/clip-tiny", synthetic: true });
    expect(result.labels.map((l: { label: string }) => l.label)).toEqual([
      "a photo of a skin rash",
      "a photo of normal skin",
      "a photo of a mole",
    ]);
    const probabilities: number[] = result.labels.map((l: { probability: number }) => l.probability);
    expect(probabilities.reduce((a, b) => a + b)).toBeCloseTo(1, 6);
    expect(result.top.probability).toBe(Math.max(...probabilities));
    expect(result.timings).toMatchObject({ decodeMs: expect.any(Number), encodeMs: expect.any(Number) });
  });

  it("model synthetic writes a package the engine can open", async () => {
    const out = await mkdtemp(join(tmpdir(), "dermedge-model-"));
    const made = await dermedge(
      "model",
      "synthetic",
      "--size",
      "tiny",
      "--tokenizer",
      resolve(root, "assets/clip-vit-base-patch32"),
      "--out",
      out,
    );
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/synthetic\/clip-tiny/);
    const tokens = await dermedge("tokenize", "--model", out, "a photo of a tumor");
    expect(JSON.parse(tokens.stdout)).toEqual([49406, 320, 1125, 539, 320, 22616, 49407]);
  });

  it.each([
    [["classify", "/no/such.jpg", "--model", tiny, "--labels", "a", "--labels", "b"], 1, /no such file/],
    [["classify", image("gif"), "--model", tiny, "--labels", "a", "--labels", "b"], 1, /GIF/i],
    [["preprocess", image("truncated"), "--out", "/tmp/x.png"], 1, /truncated|corrupt/i],
    [["preprocess", image("empty"), "--out", "/tmp/x.png"], 1, /empty/i],
    [["tokenize", "--model", "/tmp", "x"], 1, /no model package/],
    [["classify", image("photo"), "--model", tiny, "--labels", "only one"], 2, /two --labels/],
    [["tokenize", "x"], 2, /--model/],
    [["model", "synthetic", "--size", "huge", "--tokenizer", "x", "--out", "y"], 2, /tiny or base/],
    [["frobnicate"], 2, /unknown command/],
    [["preprocess", "a.jpg", "--out", "b.png", "--bogus"], 2, /bogus/],
  ])("fails with one line and no stack: %j", async (args, exitCode, message) => {
    const { code, stderr } = await dermedge(...(args as string[]));
    expect(code).toBe(exitCode);
    expectOneLineError(stderr, message as RegExp);
  });
});
