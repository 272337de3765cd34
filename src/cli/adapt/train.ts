import { type EvalSample, expectedCalibrationError } from "../../clinical";
import { fitTemperature, softmaxAt } from "./calibrate";
import { type Dataset, fitLogistic, type LinearModel, logitsOf } from "./logistic";
import { stratifiedFolds, stratifiedSplit } from "./split";

/** L2 strengths tried by cross-validation (on standardised features). */
export const L2_GRID = [1e-4, 1e-3, 1e-2, 1e-1, 1];
export const HELD_OUT_FRACTION = 0.2;
const SEED = 21;

export interface TrainedHead {
  model: LinearModel;
  temperature: number;
  l2: number;
  heldOut: number;
  heldOutAccuracy: number;
  heldOutBalancedAccuracy: number;
  eceBefore: number;
  eceAfter: number;
}

const subset = (data: Dataset, indices: readonly number[]): Dataset => ({
  x: indices.map((i) => data.x[i]),
  y: indices.map((i) => data.y[i]),
  classes: data.classes,
});

/** Mean class-balanced log-loss of a model on a validation set (lower is better). */
function balancedLogLoss(model: LinearModel, data: Dataset): number {
  const perClass = new Array<number>(data.classes).fill(0);
  const counts = new Array<number>(data.classes).fill(0);
  data.x.forEach((v, n) => {
    const p = softmaxAt(logitsOf(model, v), 1)[data.y[n]];
    perClass[data.y[n]] -= Math.log(Math.max(p, 1e-300));
    counts[data.y[n]]++;
  });
  const present = counts.map((c, k) => (c > 0 ? perClass[k] / c : null)).filter((v) => v !== null);
  return present.reduce((a, b) => a + b, 0) / present.length;
}

/** The L2 strength with the lowest cross-validated balanced log-loss. */
function chooseL2(train: Dataset): number {
  const smallest = Math.min(
    ...Array.from({ length: train.classes }, (_, k) => train.y.filter((c) => c === k).length),
  );
  const folds = stratifiedFolds(train.y, train.classes, Math.max(2, Math.min(5, smallest)), SEED);
  let best = { l2: L2_GRID[0], loss: Number.POSITIVE_INFINITY };
  for (const l2 of L2_GRID) {
    let loss = 0;
    for (const fold of folds) {
      const held = new Set(fold);
      const fitOn = subset(
        train,
        train.y.map((_, i) => i).filter((i) => !held.has(i)),
      );
      loss += balancedLogLoss(fitLogistic(fitOn, { l2, balanced: true }), subset(train, fold));
    }
    if (loss < best.loss) best = { l2, loss };
  }
  return best.l2;
}

function accuracies(predicted: number[], truth: readonly number[], classes: number) {
  const hits = predicted.filter((p, n) => p === truth[n]).length;
  const recalls: number[] = [];
  for (let k = 0; k < classes; k++) {
    const members = truth.map((c, n) => (c === k ? n : -1)).filter((n) => n >= 0);
    if (members.length > 0) recalls.push(members.filter((n) => predicted[n] === k).length / members.length);
  }
  return { accuracy: hits / truth.length, balanced: recalls.reduce((a, b) => a + b, 0) / recalls.length };
}

const argmax = (v: readonly number[]) => v.indexOf(Math.max(...v));

/**
 * Holds out a stratified split, chooses L2 by cross-validation on the rest, fits the head there
 * (class-balanced), and fits its temperature on the held-out split, reporting accuracy and ECE there.
 * The held-out ECE after scaling is optimistic (T was fitted on it): `dermedge eval` on photos the head
 * never saw is the honest number.
 */
export function trainHead(data: Dataset): TrainedHead {
  const { train: trainIdx, test: testIdx } = stratifiedSplit(data.y, data.classes, HELD_OUT_FRACTION, SEED);
  const train = subset(data, trainIdx);
  const test = subset(data, testIdx);
  const l2 = chooseL2(train);
  const model = fitLogistic(train, { l2, balanced: true });
  const logits = test.x.map((v) => logitsOf(model, v));
  const temperature = fitTemperature(logits, test.y);
  const samples = (t: number): EvalSample[] =>
    logits.map((row, n) => ({
      truth: String(test.y[n]),
      probabilities: Object.fromEntries(softmaxAt(row, t).map((p, k) => [String(k), p])),
    }));
  const { accuracy, balanced } = accuracies(logits.map(argmax), test.y, data.classes);
  return {
    model,
    temperature,
    l2,
    heldOut: test.y.length,
    heldOutAccuracy: accuracy,
    heldOutBalancedAccuracy: balanced,
    eceBefore: expectedCalibrationError(samples(1)),
    eceAfter: expectedCalibrationError(samples(temperature)),
  };
}
