import { describe, expect, it } from "vitest";
import { decodeEmbedding, encodeEmbedding } from "../../src/model/label-embeddings";
import {
  isEmbedRequest,
  MAX_PROMPTS,
  packEmbeddings,
  unpackEmbeddings,
} from "../../src/model/remote/text-protocol";
import { parseDims } from "../../src/model/remote/vision-tail-protocol";

// Values that a lossy or misaligned round trip would change: signs, extremes, a subnormal, -0.
const awkward = Float32Array.of(1, -0.5, 3.4028234663852886e38, 1.401298464324817e-45, -0, 0.1);

describe("text Worker body: packEmbeddings / unpackEmbeddings", () => {
  it("round-trips every float32 bit for bit, in order", () => {
    const embeddings = [awkward, awkward.map((x) => -x), Float32Array.from(awkward).reverse()];
    const bytes = packEmbeddings(embeddings);
    expect(bytes.byteLength).toBe(3 * awkward.length * 4);
    const back = unpackEmbeddings(bytes.slice().buffer, 3);
    expect(back.map((e) => Array.from(new Uint8Array(e.buffer)))).toEqual(
      embeddings.map((e) => Array.from(new Uint8Array(e.buffer))),
    );
  });

  it("is little-endian float32, one embedding after another", () => {
    expect(Array.from(packEmbeddings([Float32Array.of(1), Float32Array.of(-2)]))).toEqual([
      0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0,
    ]);
  });

  it("packs views into a larger buffer by their own elements only", () => {
    const big = Float32Array.of(9, 1, 2, 9);
    expect(unpackEmbeddings(packEmbeddings([big.subarray(1, 3)]).buffer as ArrayBuffer, 1)).toEqual([
      Float32Array.of(1, 2),
    ]);
  });

  it("refuses a body that does not split into `count` equal embeddings", () => {
    const eight = new ArrayBuffer(8);
    expect(() => unpackEmbeddings(eight, 3)).toThrow("text Worker sent 8 bytes for 3 prompts");
    expect(() => unpackEmbeddings(new ArrayBuffer(0), 1)).toThrow(/0 bytes for 1 prompts/);
    expect(unpackEmbeddings(eight, 2)).toHaveLength(2);
  });

  it("accepts only a revision and 1..MAX_PROMPTS strings as a request", () => {
    expect(isEmbedRequest({ revision: "r", prompts: ["a"] })).toBe(true);
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
    ]) {
      expect(isEmbedRequest(bad), JSON.stringify(bad)?.slice(0, 60)).toBe(false);
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

describe("vision-tail X-Dims header: parseDims", () => {
  it("reads comma-separated positive integers", () => {
    expect(parseDims("1,50,768")).toEqual([1, 50, 768]);
    expect(parseDims("3")).toEqual([3]);
  });

  it("answers null for anything else, so the tail refuses it before touching ORT", () => {
    for (const bad of [null, "", ",", "1,,2", "1,0", "1,-2", "1.5,2", "a,b", "1,NaN", "9007199254740993"]) {
      expect(parseDims(bad), String(bad)).toBeNull();
    }
  });
});
