import { describe, expect, it } from "vitest";
import { decodeEmbedding, encodeEmbedding } from "../../src/model/label-embeddings";
import { isEmbedRequest, MAX_PROMPTS } from "../../src/model/remote/text-encoder";
import { isFloatTensor } from "../../src/model/remote/vision-tail";

// Values that a lossy or misaligned round trip would change: signs, extremes, a subnormal, -0.
const awkward = Float32Array.of(1, -0.5, 3.4028234663852886e38, 1.401298464324817e-45, -0, 0.1);

describe("what the text Worker accepts over RPC: isEmbedRequest", () => {
  it("accepts only a revision and 1..MAX_PROMPTS strings as a request", () => {
    expect(isEmbedRequest({ revision: "r", prompts: ["a"] })).toBe(true);
    expect(isEmbedRequest({ revision: "r", prompts: ["a"], scope: "0".repeat(64) })).toBe(true);
    for (const bad of [
      null,
      "text",
      { prompts: ["a"] },
      { revision: 1, prompts: ["a"] },
      { revision: "r", prompts: [] },
      { revision: "r", prompts: [1] },
      { revision: "r", prompts: "a" },
      { revision: "r", prompts: Array(MAX_PROMPTS + 1).fill("a") },
      { revision: "r", prompts: ["x".repeat(2001)] },
      { revision: "r", prompts: ["a"], scope: 7 },
      { revision: "r", prompts: ["a"], scope: "x".repeat(201) },
    ]) {
      expect(isEmbedRequest(bad), JSON.stringify(bad)?.slice(0, 60)).toBe(false);
    }
  });
});

describe("what the vision-tail Worker accepts over RPC: isFloatTensor", () => {
  it("accepts float32 data whose length is the product of positive integer dims", () => {
    expect(isFloatTensor({ data: new Float32Array(6), dims: [1, 2, 3] })).toBe(true);
    expect(isFloatTensor({ data: new Float32Array(3), dims: [3] })).toBe(true);
  });

  it("refuses anything else, so the tail refuses it before touching ORT", () => {
    for (const bad of [
      null,
      { data: new Float32Array(6) },
      { data: new Float64Array(6), dims: [6] },
      { data: Array(6).fill(0), dims: [6] },
      { data: new Float32Array(6), dims: [] },
      { data: new Float32Array(6), dims: [2, 2] },
      { data: new Float32Array(0), dims: [1, 0] },
      { data: new Float32Array(6), dims: [-2, -3] },
      { data: new Float32Array(6), dims: [1.5, 4] },
      { data: new Float32Array(6), dims: ["2", "3"] },
    ]) {
      expect(isFloatTensor(bad), String(bad && JSON.stringify((bad as { dims?: unknown }).dims))).toBe(false);
    }
  });
});

describe("label-embeddings.json values: encodeEmbedding / decodeEmbedding", () => {
  it("is the base64 of little-endian float32", () => {
    expect(encodeEmbedding(Float32Array.of(1, -2))).toBe("AACAPwAAAMA=");
    expect(decodeEmbedding("AACAPwAAAMA=")).toEqual(Float32Array.of(1, -2));
  });

  it("round-trips bit for bit, a view into a larger buffer by its own elements", () => {
    const back = decodeEmbedding(encodeEmbedding(awkward));
    expect(Array.from(new Uint8Array(back.buffer))).toEqual(Array.from(new Uint8Array(awkward.buffer)));
    const big = Float32Array.of(9, ...awkward, 9);
    expect(decodeEmbedding(encodeEmbedding(big.subarray(1, 1 + awkward.length)))).toEqual(awkward);
    const large = Float32Array.from({ length: 512 }, (_, i) => Math.sin(i));
    expect(decodeEmbedding(encodeEmbedding(large))).toEqual(large);
  });
});
