/**
 * The merged decoder's cached branch returns no cross-attention cache once packed
 * (src/packing/empty-cross-cache.ts): a decoder whose cached branch hands present.*.encoder.* back (an
 * Identity of the past) gets optimum's empty constants instead, its logits and self-attention cache stay
 * bit for bit, and `dermedge model pack`'s package decodes the same token ids as one packed without it.
 * optimum's own form (the synthetic default, and Xenova's exports) is left as it is.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import onnxProto, { type onnx as Onnx } from "onnx-proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeWasm } from "../../src/lib/node-wasm.node";
import { directoryStore } from "../../src/model/package/directory-store.node";
import { SpeechEngine } from "../../src/model/speech/engine";
import { emptyCachedCrossAttention } from "../../src/packing/empty-cross-cache";
import { packSpeechPackage } from "../../src/packing/pack-speech";
import { Rng } from "../../src/synthetic/prng";
import { cacheNames, whisperMergedDecoder } from "../../src/synthetic/whisper/decoder";
import { WHISPER_FILES, writeSyntheticWhisper } from "../../src/synthetic/whisper/package";
import { WHISPER_SIZES } from "../../src/synthetic/whisper/sizes";
import { copyModel, decoderStepFeeds, runOnce, seededFloats } from "../support/graph-inputs";

const { ModelProto } = onnxProto.onnx;
const dims = WHISPER_SIZES.test;
const headDim = dims.width / dims.heads;

/** A cached step (3 tokens in the cache, 1 new) through `model` (or an ORT-format file) on onnxruntime-node: every output. */
async function cachedStep(model: Onnx.IModelProto | string) {
  const feeds = decoderStepFeeds(dims, { ids: [7n], cached: true, seed: 1 });
  return runOnce(typeof model === "string" ? new Uint8Array(await readFile(model)) : model, feeds);
}

describe("emptyCachedCrossAttention", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dermedge-cross-cache-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("a cached branch that hands the past back: empty present.*.encoder.*, the other outputs bit for bit", async () => {
    const original = whisperMergedDecoder(dims, new Rng(0, 11), { cachedCrossAttention: "pass-through" });
    const rewritten = copyModel(original);
    expect(emptyCachedCrossAttention(rewritten)).toBe(2 * dims.decoderLayers);
    const before = await cachedStep(original);
    const after = await cachedStep(rewritten);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [name, value] of Object.entries(after)) {
      if (name.includes(".encoder.")) {
        expect(before[name].dims).toEqual([1, dims.heads, 1500, headDim]);
        expect(value.dims).toEqual([0, dims.heads, 1, headDim]);
      } else {
        expect(value.dims).toEqual(before[name].dims);
        expect(Buffer.from((value.data as Float32Array).buffer)).toEqual(
          Buffer.from((before[name].data as Float32Array).buffer),
        );
      }
    }
  });

  it("leaves optimum's form (empty constants already) as it is", () => {
    const optimum = whisperMergedDecoder(dims, new Rng(0, 11));
    const before = Buffer.from(ModelProto.encode(optimum).finish());
    expect(emptyCachedCrossAttention(optimum)).toBe(0);
    expect(before.equals(ModelProto.encode(optimum).finish())).toBe(true);
  });

  it("packed, its cached steps return no cross-attention cache and it decodes the ids of a pack without the rewrite (WASM)", async () => {
    const source = join(dir, "pass-through");
    const packedDir = join(dir, "packed");
    const unrewritten = join(dir, "packed-as-before");
    await writeSyntheticWhisper({ size: "test", outDir: source, cachedCrossAttention: "pass-through" });
    await packSpeechPackage(source, packedDir);
    await packSpeechPackage(source, unrewritten, { emptyCrossCache: false });

    // Without the rewrite the packed graph would return the 1500-row cache here.
    const cached = await cachedStep(join(packedDir, WHISPER_FILES.decoder.replace(/\.onnx$/, ".ort")));
    for (const name of cacheNames(dims.decoderLayers, "present").filter((n) => n.includes(".encoder."))) {
      expect(cached[name].dims).toEqual([0, dims.heads, 1, headDim]);
    }

    const ortWasm = await nodeWasm("onnxruntime-web/ort-wasm-simd-threaded.wasm");
    const fromSource = await SpeechEngine.open(directoryStore(unrewritten), { ortWasm });
    const fromPacked = await SpeechEngine.open(directoryStore(packedDir), { ortWasm });
    const features = seededFloats(80 * 3000, 3);
    for (const language of ["en", "zh"] as const) {
      const options = { language, maxNewTokens: 12 };
      const a = await fromSource.transcribeFeatures(features, options);
      const b = await fromPacked.transcribeFeatures(features, options);
      expect(b.tokenIds).toEqual(a.tokenIds);
      expect(b.logprobSum).toBe(a.logprobSum);
    }
  });
});
