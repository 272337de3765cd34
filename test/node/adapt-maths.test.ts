import { describe, expect, it } from "vitest";
import { fitTemperature, softmaxAt } from "../../src/cli/adapt/calibrate";
import { type Dataset, fitLogistic, logitsOf } from "../../src/cli/adapt/logistic";
import { stratifiedSplit } from "../../src/cli/adapt/split";
import { expectedCalibrationError } from "../../src/clinical";
import { Rng } from "../../src/synthetic/prng";

/** Gaussian blobs in `width` dimensions, class k centred at `spread` on axis k. */
function blobs(counts: number[], width: number, spread: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const x: Float32Array[] = [];
  const y: number[] = [];
  counts.forEach((n, k) => {
    for (let i = 0; i < n; i++) {
      x.push(Float32Array.from({ length: width }, (_, d) => (d === k ? spread : 0) + gauss()));
      y.push(k);
    }
  });
  return { x, y, classes: counts.length };
}

const argmax = (v: number[]) => v.indexOf(Math.max(...v));
const recall = (data: Dataset, model: ReturnType<typeof fitLogistic>, k: number) => {
  const members = data.x.filter((_, n) => data.y[n] === k);
  return members.filter((v) => argmax(logitsOf(model, v)) === k).length / members.length;
};

describe("the head's maths", () => {
  it("learns well-separated classes exactly", () => {
    const data = blobs([40, 40, 40], 8, 8, 1);
    const model = fitLogistic(data, { l2: 1e-3, balanced: true });
    expect(data.x.every((v, n) => argmax(logitsOf(model, v)) === data.y[n])).toBe(true);
  });

  it("reaches the optimum: the penalised log-loss's gradient is ~0 (checked by finite differences)", () => {
    const data = blobs([30, 30], 3, 1, 2);
    const l2 = 0.1;
    const model = fitLogistic(data, { l2 });
    // Loss along a small move of one weight, on the standardised scale it penalises, must not go down.
    const loss = (m: typeof model) =>
      data.x.reduce((s, v, n) => s - Math.log(softmaxAt(logitsOf(m, v), 1)[data.y[n]]), 0) / data.x.length;
    const base = loss(model);
    for (const delta of [1e-3, -1e-3]) {
      const bias = model.bias.map((b, k) => (k === 0 ? b + delta : b));
      expect(loss({ ...model, bias })).toBeGreaterThanOrEqual(base - 1e-7);
    }
  });

  it("stronger L2 shrinks the weights", () => {
    const data = blobs([30, 30, 30], 6, 2, 3);
    const norm = (l2: number) =>
      fitLogistic(data, { l2 }).weights.reduce((s, row) => s + row.reduce((a, w) => a + w * w, 0), 0);
    expect(norm(1)).toBeLessThan(norm(1e-2) / 2);
  });

  it("balanced class weights raise the recall of a rare, overlapping class", () => {
    const data = blobs([300, 20], 2, 1.2, 4);
    const plain = fitLogistic(data, { l2: 1e-2 });
    const balanced = fitLogistic(data, { l2: 1e-2, balanced: true });
    expect(recall(data, balanced, 1)).toBeGreaterThan(recall(data, plain, 1) + 0.2);
  });

  it("temperature scaling recovers an overconfident model's temperature and lowers its ECE", () => {
    // Labels drawn from softmax(z); the model reports 4z: overconfident by a factor of 4.
    const rng = new Rng(5);
    const logits: number[][] = [];
    const y: number[] = [];
    for (let n = 0; n < 2000; n++) {
      const z = [0, 1, 2].map(() => 3 * (rng.next() - 0.5));
      const p = softmaxAt(z, 1);
      const u = rng.next();
      y.push(u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2);
      logits.push(z.map((v) => 4 * v));
    }
    const t = fitTemperature(logits, y);
    expect(t).toBeGreaterThan(3.3);
    expect(t).toBeLessThan(4.8);
    const ece = (temperature: number) =>
      expectedCalibrationError(
        logits.map((row, n) => ({
          truth: String(y[n]),
          probabilities: Object.fromEntries(softmaxAt(row, temperature).map((p, k) => [String(k), p])),
        })),
      );
    expect(ece(t)).toBeLessThan(ece(1) / 2);
  });

  it("holds out a share of every class", () => {
    const y = [...new Array(50).fill(0), ...new Array(10).fill(1), ...new Array(5).fill(2)];
    const { train, test } = stratifiedSplit(y, 3, 0.2, 1);
    expect(test.filter((i) => y[i] === 0)).toHaveLength(10);
    expect(test.filter((i) => y[i] === 1)).toHaveLength(2);
    expect(test.filter((i) => y[i] === 2)).toHaveLength(1);
    expect(new Set([...train, ...test]).size).toBe(65);
  });
});
