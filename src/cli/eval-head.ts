import { type EvalSample, evaluate } from "../clinical";
import type { LinearHead } from "../model/head";

/** One way of scoring a held-out folder: accuracy, balanced accuracy, per-class recall, confusion, ECE. */
export interface ScoringReport {
  accuracy: number;
  balancedAccuracy: number;
  /** Recall of each class that has photos in the folder. */
  recall: Record<string, number>;
  /** counts[t][p]: rows are the folder's classes (`truths`), columns `classes` (them, then others predicted). */
  confusion: { truths: string[]; classes: string[]; counts: number[][] };
  ece: number;
}

export interface HeadComparison {
  zeroShot: ScoringReport;
  /** The head without its temperature (T = 1). */
  headUncalibrated: ScoringReport;
  /** The head as shipped (calibrated), combined with zero-shot as the manifest says. */
  head: ScoringReport;
  temperature: number;
}

function score(samples: readonly EvalSample[]): ScoringReport {
  const truths = [...new Set(samples.map((s) => s.truth))].sort();
  const report = evaluate(samples);
  const present = report.perClass.filter((c) => c.support > 0);
  const recall = Object.fromEntries(present.map((c) => [c.label, c.sensitivity ?? 0]));
  const order = [...truths, ...report.confusion.classes.filter((c) => !truths.includes(c))];
  const index = order.map((c) => report.confusion.classes.indexOf(c));
  const counts = index.map((t) => index.map((p) => report.confusion.counts[t][p]));
  const used = order.map((_, j) => j < truths.length || counts.some((row) => row[j] > 0));
  return {
    accuracy: report.top1,
    balancedAccuracy: Object.values(recall).reduce((a, b) => a + b, 0) / present.length,
    recall,
    confusion: {
      truths,
      classes: order.filter((_, j) => used[j]),
      counts: counts.slice(0, truths.length).map((row) => row.filter((_, j) => used[j])),
    },
    ece: report.expectedCalibrationError,
  };
}

/**
 * The head's probabilities before temperature scaling, recovered exactly from the calibrated ones:
 * p_cal = softmax(z / T), so softmax(T · ln p_cal) = softmax(z). Only the head's classes are kept.
 */
function uncalibrated(head: LinearHead, sample: EvalSample): EvalSample {
  const logs = head.classes.map(
    (c) => head.temperature * Math.log(Math.max(sample.probabilities[c] ?? 0, 1e-300)),
  );
  const max = Math.max(...logs);
  const exps = logs.map((l) => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return {
    truth: sample.truth,
    probabilities: Object.fromEntries(head.classes.map((c, k) => [c, exps[k] / total])),
  };
}

export function compareWithHead(
  head: LinearHead,
  zeroShot: readonly EvalSample[],
  withHead: readonly EvalSample[],
): HeadComparison {
  return {
    zeroShot: score(zeroShot),
    headUncalibrated: score(withHead.map((s) => uncalibrated(head, s))),
    head: score(withHead),
    temperature: head.temperature,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;

export function headTable(c: HeadComparison): string {
  const rows: [string, ScoringReport][] = [
    ["zero-shot", c.zeroShot],
    ["head, T = 1", c.headUncalibrated],
    [`head, T = ${c.temperature.toFixed(3)}`, c.head],
  ];
  const lines = [
    "zero-shot against the head (this folder; per-class recall = sensitivity)",
    `${"".padEnd(20)} accuracy  balanced     ECE`,
    ...rows.map(
      ([name, r]) =>
        `${name.padEnd(20)} ${pct(r.accuracy)}    ${pct(r.balancedAccuracy)}  ${r.ece.toFixed(3)}`,
    ),
    "",
    `${"recall".padEnd(24)} ${"zero-shot".padStart(10)} ${"head".padStart(10)}`,
    ...Object.keys(c.head.recall).map(
      (k) =>
        `${k.padEnd(24)} ${pct(c.zeroShot.recall[k] ?? 0).padStart(10)} ${pct(c.head.recall[k]).padStart(10)}`,
    ),
  ];
  for (const [name, r] of [rows[0], rows[2]] as const) {
    lines.push("", `confusion, ${name} (rows: truth, columns: top-1)`);
    lines.push(`${"".padEnd(24)} ${r.confusion.classes.map((_, j) => String(j).padStart(4)).join("")}`);
    r.confusion.counts.forEach((row, i) => {
      lines.push(
        `${`${i} ${r.confusion.classes[i]}`.padEnd(24).slice(0, 24)} ${row.map((n) => String(n).padStart(4)).join("")}`,
      );
    });
  }
  return lines.join("\n");
}
