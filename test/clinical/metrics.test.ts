import { describe, expect, it } from "vitest";
import {
  confusionMatrix,
  type EvalSample,
  evaluate,
  expectedCalibrationError,
  perClassMetrics,
  rankLabels,
  topKAccuracy,
} from "../../src/clinical";

/** A sample whose top-1 prediction is `predicted` with probability `confidence`. */
function sample(truth: string, predicted: string, confidence = 0.7): EvalSample {
  const rest = ["A", "B", "C", "D"].filter((l) => l !== predicted);
  const probabilities: Record<string, number> = { [predicted]: confidence };
  rest.forEach((l, i) => {
    probabilities[l] = ((1 - confidence) * (3 - i)) / 6;
  });
  return { truth, probabilities };
}

// The hand-made confusion matrix (rows truth, columns prediction):
//        A  B  C
//   A    3  1  0
//   B    1  2  1
//   C    0  1  1
const samples: EvalSample[] = [
  ...Array.from({ length: 3 }, () => sample("A", "A")),
  sample("A", "B"),
  sample("B", "A"),
  sample("B", "B"),
  sample("B", "B"),
  sample("B", "C"),
  sample("C", "B"),
  sample("C", "C"),
];

describe("evaluation metrics", () => {
  it("builds the confusion matrix", () => {
    expect(confusionMatrix(samples)).toEqual({
      classes: ["A", "B", "C"],
      counts: [
        [3, 1, 0],
        [1, 2, 1],
        [0, 1, 1],
      ],
    });
  });

  it("computes per-class sensitivity and specificity from it", () => {
    const metrics = perClassMetrics(confusionMatrix(samples));
    expect(
      metrics.map((m) => [m.label, m.truePositives, m.falsePositives, m.falseNegatives, m.trueNegatives]),
    ).toEqual([
      ["A", 3, 1, 1, 5],
      ["B", 2, 2, 2, 4],
      ["C", 1, 1, 1, 7],
    ]);
    expect(metrics.map((m) => m.sensitivity)).toEqual([3 / 4, 2 / 4, 1 / 2]);
    expect(metrics.map((m) => m.specificity)).toEqual([5 / 6, 4 / 6, 7 / 8]);
    expect(metrics.map((m) => m.support)).toEqual([4, 4, 2]);
  });

  it("reports undefined rates as null", () => {
    const [a, b] = perClassMetrics({
      classes: ["A", "B"],
      counts: [
        [2, 0],
        [0, 0],
      ],
    });
    expect(a.specificity).toBeNull();
    expect(b.sensitivity).toBeNull();
    expect(b.specificity).toBe(1);
  });

  it("takes a fixed class list and refuses labels outside it", () => {
    expect(confusionMatrix(samples, ["C", "B", "A", "D"]).counts).toEqual([
      [1, 1, 0, 0],
      [1, 2, 1, 0],
      [0, 1, 3, 0],
      [0, 0, 0, 0],
    ]);
    expect(() => confusionMatrix(samples, ["A", "B"])).toThrow(RangeError);
  });

  it("computes top-1 and top-3 accuracy", () => {
    expect(topKAccuracy(samples, 1)).toBe(0.6);
    expect(topKAccuracy(samples, 3)).toBe(1);
    // Truth ranked 4th: a top-3 miss.
    const miss: EvalSample = { truth: "D", probabilities: { A: 0.4, B: 0.3, C: 0.2, D: 0.1 } };
    expect(topKAccuracy([miss], 3)).toBe(0);
    expect(topKAccuracy([miss], 4)).toBe(1);
    expect(rankLabels(miss.probabilities)).toEqual(["A", "B", "C", "D"]);
  });

  it("computes the expected calibration error", () => {
    // Bin 9 (0.9-1.0): confidence 0.95, accuracy 1/2 -> |0.5 - 0.95| = 0.45, weight 2/4.
    // Bin 6 (0.6-0.7): confidence 0.65, accuracy 2/2 -> |1 - 0.65| = 0.35, weight 2/4.
    const calibration = [
      sample("A", "A", 0.95),
      sample("B", "A", 0.95),
      sample("A", "A", 0.65),
      sample("C", "C", 0.65),
    ];
    expect(expectedCalibrationError(calibration)).toBeCloseTo(0.5 * 0.45 + 0.5 * 0.35, 12);
    // One bin: overall accuracy 3/4 against mean confidence 0.8.
    expect(expectedCalibrationError(calibration, 1)).toBeCloseTo(0.05, 12);
    // Perfectly calibrated: confidence 1 and always right.
    expect(expectedCalibrationError([sample("A", "A", 1), sample("B", "B", 1)])).toBe(0);
    expect(() => expectedCalibrationError(calibration, 0)).toThrow(RangeError);
  });

  it("bundles everything for `dermedge eval`", () => {
    const report = evaluate(samples);
    expect(report).toMatchObject({ samples: 10, top1: 0.6, top3: 1 });
    expect(report.perClass).toHaveLength(3);
    expect(report.expectedCalibrationError).toBeCloseTo(Math.abs(0.6 - 0.7), 12);
    expect(() => evaluate([])).toThrow(RangeError);
  });
});
