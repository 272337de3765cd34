/**
 * Evaluation maths for `dermedge eval`: top-k accuracy, confusion matrix, per-class sensitivity and
 * specificity, expected calibration error. Pure functions over labelled predictions.
 */

export interface EvalSample {
  /** The true label. */
  readonly truth: string;
  /** The predicted probability of each label (e.g. an assessment's findings, or raw model output). */
  readonly probabilities: Readonly<Record<string, number>>;
}

export interface ConfusionMatrix {
  readonly classes: readonly string[];
  /** counts[t][p]: samples whose truth is classes[t] and whose top-1 prediction is classes[p]. */
  readonly counts: readonly (readonly number[])[];
}

export interface ClassMetrics {
  readonly label: string;
  /** Samples whose truth is this class. */
  readonly support: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  /** TP / (TP + FN), the recall; null when the class has no samples. */
  readonly sensitivity: number | null;
  /** TN / (TN + FP); null when every sample belongs to this class. */
  readonly specificity: number | null;
}

export interface EvaluationReport {
  readonly samples: number;
  readonly top1: number;
  readonly top3: number;
  readonly confusion: ConfusionMatrix;
  readonly perClass: readonly ClassMetrics[];
  readonly expectedCalibrationError: number;
}

function requireSamples(samples: readonly EvalSample[]): void {
  if (samples.length === 0) throw new RangeError("no samples to evaluate");
}

/** Labels by descending probability; ties keep the input order. */
export function rankLabels(probabilities: Readonly<Record<string, number>>): string[] {
  return Object.entries(probabilities)
    .sort((a, b) => b[1] - a[1])
    .map(([label]) => label);
}

/** Fraction of samples whose truth is among the k most probable labels. */
export function topKAccuracy(samples: readonly EvalSample[], k: number): number {
  requireSamples(samples);
  const hits = samples.filter((s) => rankLabels(s.probabilities).slice(0, k).includes(s.truth)).length;
  return hits / samples.length;
}

/**
 * Rows are truths, columns top-1 predictions. `classes` defaults to every truth and predicted label,
 * sorted; a given list must contain them all.
 */
export function confusionMatrix(
  samples: readonly EvalSample[],
  classes?: readonly string[],
): ConfusionMatrix {
  requireSamples(samples);
  const pairs = samples.map((s) => [s.truth, rankLabels(s.probabilities)[0]] as const);
  const labels = classes ?? [...new Set(pairs.flat())].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => labels.map(() => 0));
  for (const [truth, predicted] of pairs) {
    const t = index.get(truth);
    const p = index.get(predicted);
    if (t === undefined || p === undefined) {
      throw new RangeError(`label "${t === undefined ? truth : predicted}" is not in the class list`);
    }
    counts[t][p]++;
  }
  return { classes: labels, counts };
}

/** One-vs-rest counts and rates for each class of a confusion matrix. */
export function perClassMetrics(matrix: ConfusionMatrix): ClassMetrics[] {
  const { classes, counts } = matrix;
  const total = counts.flat().reduce((a, b) => a + b, 0);
  return classes.map((label, c) => {
    const truePositives = counts[c][c];
    const support = counts[c].reduce((a, b) => a + b, 0);
    const predicted = counts.reduce((sum, row) => sum + row[c], 0);
    const falseNegatives = support - truePositives;
    const falsePositives = predicted - truePositives;
    const trueNegatives = total - support - falsePositives;
    return {
      label,
      support,
      truePositives,
      falsePositives,
      falseNegatives,
      trueNegatives,
      sensitivity: support > 0 ? truePositives / support : null,
      specificity:
        trueNegatives + falsePositives > 0 ? trueNegatives / (trueNegatives + falsePositives) : null,
    };
  });
}

/**
 * ECE = Σ_b (n_b / N) · |accuracy_b − confidence_b| over `bins` equal-width confidence bins, where a
 * sample's confidence is its top probability (as given, not renormalised) and it is correct when its
 * top-1 label is the truth. Bin b holds confidences in [b/bins, (b+1)/bins); 1.0 goes in the last bin.
 */
export function expectedCalibrationError(samples: readonly EvalSample[], bins = 10): number {
  requireSamples(samples);
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const count = new Array<number>(bins).fill(0);
  const correct = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  for (const s of samples) {
    const [top] = rankLabels(s.probabilities);
    const p = s.probabilities[top];
    const b = Math.min(bins - 1, Math.floor(p * bins));
    count[b]++;
    confidence[b] += p;
    if (top === s.truth) correct[b]++;
  }
  return count.reduce(
    (ece, n, b) => (n ? ece + (n / samples.length) * Math.abs(correct[b] / n - confidence[b] / n) : ece),
    0,
  );
}

/** Everything `dermedge eval` reports. */
export function evaluate(
  samples: readonly EvalSample[],
  classes?: readonly string[],
  bins = 10,
): EvaluationReport {
  const confusion = confusionMatrix(samples, classes);
  return {
    samples: samples.length,
    top1: topKAccuracy(samples, 1),
    top3: topKAccuracy(samples, 3),
    confusion,
    perClass: perClassMetrics(confusion),
    expectedCalibrationError: expectedCalibrationError(samples, bins),
  };
}
