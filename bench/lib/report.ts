import { availableParallelism, cpus } from "node:os";

/** Median and range of a set of samples. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

/**
 * One printed row: ours against the peer measured in the same run, alternating rounds. `ratio` is the
 * median of the per-round ratios ours/peer (and their range), so a slow moment of the machine hits
 * both sides of one round rather than one side of the comparison.
 */
export interface Row {
  section: string;
  what: string;
  unit: string;
  ours: Spread;
  peerName?: string;
  peer?: Spread;
  ratio?: Spread;
  /** The goal, in the row's unit (`ratio` rows: on the ratio), and whether the median meets it. */
  goal?: { text: string; met: boolean };
  note?: string;
}

export function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A row comparing paired samples (round i of ours with round i of the peer). */
export function compare(
  base: Omit<Row, "ours" | "peer" | "ratio">,
  ours: readonly number[],
  peer: readonly number[],
): Row {
  const ratios = ours.map((o, i) => o / peer[i]);
  return { ...base, ours: spread(ours), peer: spread(peer), ratio: spread(ratios) };
}

/**
 * Runs `rounds` rounds of A then B, alternating which goes first, after one warm-up of each, and
 * returns each side's per-round samples.
 */
export async function alternate(
  rounds: number,
  a: () => Promise<number>,
  b: () => Promise<number>,
): Promise<[number[], number[]]> {
  await a();
  await b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
  }
  return [as, bs];
}

export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export function machine() {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.version,
    date: new Date().toISOString(),
  };
}

export function step(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

const num = (n: number) =>
  Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
const range = (s: Spread) => `${num(s.median)} (${num(s.min)}–${num(s.max)})`;

/** The table `npm run bench` prints and bench:report writes: one line per row. */
export function tableLines(rows: readonly Row[]): string[] {
  const header = ["section", "what", "ours", "peer", "peer value", "ours/peer", "goal", "met", "note"];
  const lines = rows.map((r) => [
    r.section,
    r.what,
    `${range(r.ours)} ${r.unit}`,
    r.peerName ?? "",
    r.peer ? `${range(r.peer)} ${r.unit}` : "",
    r.ratio ? `${range(r.ratio)}x` : "",
    r.goal?.text ?? "",
    r.goal ? (r.goal.met ? "yes" : "NO") : "",
    r.note ?? "",
  ]);
  const escapePipes = (c: string) => c.replaceAll("|", "\\|");
  const format = (cells: string[]) => `| ${cells.map(escapePipes).join(" | ")} |`;
  return [format(header), format(header.map(() => "---")), ...lines.map(format)];
}

/** The row with a goal on its median ratio (or on our median value): at most `max`. */
export function goal(row: Row, text: string, max: number, on: "ratio" | "ours" = "ratio"): Row {
  const value = on === "ratio" && row.ratio ? row.ratio.median : row.ours.median;
  return { ...row, goal: { text, met: value <= max } };
}
