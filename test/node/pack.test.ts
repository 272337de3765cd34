import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeRuntime } from "../../src/cli/runtime";
import { ClipEngine } from "../../src/model/engine";
import { onnxImageTower, runVisionStages, splitImageTower } from "../../src/model/onnx-towers";
import { directoryStore } from "../../src/model/package/directory-store.node";
import { readManifest, readVerified } from "../../src/model/package/load";
import { defaultSplit, packPackage } from "../../src/packing/pack";
import { TEST_IMAGES } from "../support/test-images";

const tiny = resolve(import.meta.dirname, "../../.cache/models/tiny");
const photos = [TEST_IMAGES.photo, TEST_IMAGES.portrait].map((p) =>
  resolve(import.meta.dirname, "../../.cache/images", p),
);

/**
 * Packing may change rounding: ORT's graph optimisations change float summation order, and each of the
 * quantised layers rounds its activations to uint8, so a sum that lands on the other side of a quantum
 * moves later layers a little. Measured on the base package (12 + 12 layers): image cosine 0.9993, text
 * 0.99985, largest component difference 0.0063 of a unit vector. Zero-shot scores use softmax(100 * cos),
 * so a cosine change of 1e-3 moves a logit by at most 0.1: far below the gaps a triage decision rests on.
 */
const MIN_COSINE = 0.999;
const MAX_COMPONENT_DIFF = 0.01;

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);
const maxDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

describe("dermedge model pack (tiny synthetic package)", () => {
  let out: string;
  let original: ClipEngine;
  let split: ClipEngine;
  let whole: ClipEngine;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "dermedge-pack-test-"));
    await packPackage(tiny, join(out, "split"));
    await packPackage(tiny, join(out, "whole"), { splitAfterLayer: null });
    const runtime = await nodeRuntime();
    original = await ClipEngine.open(directoryStore(tiny), runtime);
    split = await ClipEngine.open(directoryStore(join(out, "split")), runtime);
    whole = await ClipEngine.open(directoryStore(join(out, "whole")), runtime);
  });

  afterAll(() => rm(out, { recursive: true, force: true }));

  it("writes ORT-format graphs, the vision tower in two stages, and a manifest that verifies", async () => {
    const store = directoryStore(join(out, "split"));
    const manifest = await readManifest(store);
    expect(manifest.vision.stages?.map((s) => s.file)).toEqual([
      "onnx/vision_model_quantized.stage1.ort",
      "onnx/vision_model_quantized.stage2.ort",
    ]);
    expect(manifest.vision.stages?.[0].output).toBe(manifest.vision.stages?.[1].input);
    expect(manifest.text.file).toBe("onnx/text_model_quantized.ort");
    expect(manifest.revision).toMatch(/\+ort\.[0-9a-f]{8}$/);
    for (const f of manifest.files)
      await expect(readVerified(store, manifest, f.path)).resolves.toHaveLength(f.size);
  });

  it("gives the original's embeddings within the stated tolerance", async () => {
    for (const path of photos) {
      const bytes = new Uint8Array(await readFile(path));
      const a = (await original.embedImage(bytes)).embedding;
      for (const packed of [split, whole]) {
        const b = (await packed.embedImage(bytes)).embedding;
        expect(cosine(a, b)).toBeGreaterThan(MIN_COSINE);
        expect(maxDiff(a, b)).toBeLessThan(MAX_COMPONENT_DIFF);
      }
    }
    const [a] = await original.embedTexts(["a photo of a skin rash"]);
    const [b] = await split.embedTexts(["a photo of a skin rash"]);
    expect(cosine(a, b)).toBeGreaterThan(MIN_COSINE);
  });

  it("gives the same embedding split in two stages as whole, and through a tail as here", async () => {
    const bytes = new Uint8Array(await readFile(photos[0]));
    const { pixels, embedding } = await split.embedImage(bytes);
    expect(maxDiff(embedding, (await whole.embedImage(bytes)).embedding)).toBeLessThan(1e-5);
    const manifest = await readManifest(directoryStore(join(out, "split")));
    const context = {
      store: directoryStore(join(out, "split")),
      manifest,
      ortWasm: (await nodeRuntime()).ortWasm,
    };
    const tail = async (hidden: { data: Float32Array; dims: number[] }) => {
      expect(hidden.dims).toHaveLength(3); // [batch, tokens, width]: the hidden state between layers
      return (await runVisionStages(context, manifest.vision.stages!.slice(1), hidden)).data;
    };
    const viaTail = await splitImageTower(context, tail).encode(pixels, 224);
    expect(Array.from(viaTail)).toEqual(Array.from(await onnxImageTower(context).encode(pixels, 224)));
  });
});

describe("the default cut of the vision tower", () => {
  it("puts one layer fewer in stage 1 (the API isolate, which also holds the photos) than in stage 2", () => {
    expect(defaultSplit(12)).toBe(4); // ViT-B/32: layers 0-4 in the API Worker, 5-11 in the vision tail
    expect(defaultSplit(24)).toBe(10);
    expect(defaultSplit(2)).toBe(0); // the tiny test package: one layer each
  });
});
