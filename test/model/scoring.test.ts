import { describe, expect, it } from "vitest";
import { ensembleEmbedding, l2Normalize, softmax, zeroShotProbabilities } from "../../src/model/scoring";

const v = (...xs: number[]) => new Float32Array(xs);

describe("zero-shot scoring", () => {
  it("softmax(100 * cosine) on hand-checked vectors", () => {
    // cos(image, a) = 1, cos(image, b) = 0.98: logits 100 and 98, so p(a) = 1 / (1 + e^-2) = 0.880797.
    const image = v(1, 0);
    const a = v(1, 0);
    const b = v(0.98, Math.sqrt(1 - 0.98 ** 2));
    const [pa, pb] = zeroShotProbabilities(image, [a, b], 100);
    expect(pa).toBeCloseTo(0.880797, 5);
    expect(pb).toBeCloseTo(0.119203, 5);
  });

  it("a prompt ensemble is the renormalised mean of unit embeddings", () => {
    // (1,0) and (0,3) normalise to (1,0) and (0,1); their mean renormalised is (0.7071, 0.7071).
    const e = ensembleEmbedding([v(1, 0), v(0, 3)]);
    expect(e[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(e[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it("softmax is stable for large logits and sums to 1", () => {
    const p = softmax([1000, 1000, 999]);
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(p[0]).toBeCloseTo(p[1], 12);
  });

  it("refuses a zero embedding rather than dividing by zero", () => {
    expect(() => l2Normalize(v(0, 0))).toThrow(/zero/);
  });
});
