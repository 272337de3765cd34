/**
 * What a decoder window holds in JS is in the isolate's counted peak (src/model/memory.ts, the debug
 * endpoint's peakBytes): the hidden states and, at each step, the cache and the step's outputs. The
 * inspector's samples fall between tasks and miss them; bench section 8 reads this count instead.
 */
import { resolve } from "node:path";
import * as ort from "onnxruntime-web/wasm";
import { describe, expect, it, vi } from "vitest";
import { nodeWasm } from "../../src/lib/node-wasm.node";
import { memoryReport, resetPeak } from "../../src/model/memory";
import { directoryStore } from "../../src/model/package/directory-store.node";
import { readJson } from "../../src/model/package/load";
import { readSpeechManifest } from "../../src/model/package/speech-manifest";
import { AUDIO_POSITIONS, WhisperDecoder } from "../../src/model/speech/decoder";
import { WhisperTokenizer } from "../../src/model/speech/tokenizer";

const dir = resolve(import.meta.dirname, "../../.cache/models/whisper-test");

describe("a decoder window's arrays are counted while it runs", () => {
  it("the peak holds the hidden states and the whole cache; nothing stays held after", async () => {
    const store = directoryStore(dir);
    const manifest = await readSpeechManifest(store);
    const { layers, heads, headDim } = manifest.decoder;
    const ortWasm = await nodeWasm("onnxruntime-web/ort-wasm-simd-threaded.wasm");
    const decoder = await WhisperDecoder.open(store, { ortWasm });
    const tokenizer = new WhisperTokenizer(
      await readJson<object>(store, manifest, "tokenizer.json"),
      await readJson<object>(store, manifest, "tokenizer_config.json"),
    );
    const width = heads * headDim;
    const hidden = Float32Array.from({ length: AUDIO_POSITIONS * width }, (_, i) => Math.sin(i) * 0.5);
    await decoder.warm();
    resetPeak();
    const heldBefore = Object.values(memoryReport().heldBytes).reduce((a, b) => a + b, 0);
    const tokens = 8;
    const result = await decoder.decode(hidden, { ids: tokenizer.ids, language: "en", maxNewTokens: tokens });
    expect(result.tokenIds.length).toBeGreaterThan(0);

    const after = memoryReport();
    const crossAttention = layers * 2 * heads * AUDIO_POSITIONS * headDim * 4;
    const selfAttention = layers * 2 * heads * 4 * headDim * 4; // the prompt's 4 tokens at least
    expect(after.peakHeldBytes - heldBefore).toBeGreaterThanOrEqual(
      hidden.byteLength + crossAttention + selfAttention,
    );
    expect(after.heldBytes["speech hidden states"]).toBeUndefined();
    expect(after.heldBytes["speech decoder tensors"]).toBeUndefined();
  });
});

describe("a cached decoder step", () => {
  it("is given empty hidden states (only the first step reads them), with the same tokens as uncached", async () => {
    const store = directoryStore(dir);
    const manifest = await readSpeechManifest(store);
    const width = manifest.decoder.heads * manifest.decoder.headDim;
    const ortWasm = await nodeWasm("onnxruntime-web/ort-wasm-simd-threaded.wasm");
    const decoder = await WhisperDecoder.open(store, { ortWasm });
    const tokenizer = new WhisperTokenizer(
      await readJson<object>(store, manifest, "tokenizer.json"),
      await readJson<object>(store, manifest, "tokenizer_config.json"),
    );
    const hidden = Float32Array.from({ length: AUDIO_POSITIONS * width }, (_, i) => Math.cos(i) * 0.5);
    const request = { ids: tokenizer.ids, language: "en" as const, maxNewTokens: 6 };
    // ORT-web's session class; its typings show only the factory.
    const sessions = ort.InferenceSession as unknown as {
      prototype: { run(feeds: Record<string, ort.Tensor>): Promise<unknown> };
    };
    const run = vi.spyOn(sessions.prototype, "run");
    try {
      const cached = await decoder.decode(hidden, request);
      const given = run.mock.calls.map(([feeds]) => feeds.encoder_hidden_states.dims);
      expect(given[0]).toEqual([1, AUDIO_POSITIONS, width]);
      expect(given.slice(1)).toEqual(given.slice(1).map(() => [1, 0, width]));
      expect(given.length).toBe(cached.tokenIds.length);
      const uncached = await decoder.decode(hidden, { ...request, useCache: false });
      expect(cached.tokenIds).toEqual(uncached.tokenIds);
    } finally {
      run.mockRestore();
    }
  });
});
