/**
 * `npm run bench:report`: the newest bench/results/*.json (written by `npm run bench -- --json`) as a
 * Markdown table (bench/results/report.md) and an SVG chart (bench/results/report.svg): one bar per
 * row with a peer, ours/peer on a log scale, 1x and the goal marked, green when the goal is met; then
 * each isolate's memory as counted (section 7), in MB against the 128 MB limit.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type Row, tableLines } from "./lib/report";

const dir = resolve(import.meta.dirname, "results");

interface Results {
  machine: { cores: number; cpu: string; node: string; date: string; photos: string; rounds: number };
  minutes: number;
  rows: Row[];
  notes: string[];
  failures: string[];
}

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Bars of log10(ours/peer), 1x in the middle: shorter to the left is better. */
function chart(results: Results): string {
  const rows = results.rows.filter((r) => r.ratio);
  const [labelWidth, barWidth, rowHeight, top] = [560, 420, 22, 56];
  const [lo, hi] = [-2, 2]; // 0.01x .. 100x
  const x = (ratio: number) =>
    labelWidth + ((Math.min(hi, Math.max(lo, Math.log10(ratio))) - lo) / (hi - lo)) * barWidth;
  const height = top + rows.length * rowHeight + 30;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 230}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="8" y="18" font-size="14" font-weight="bold">DermEdge vs peers: ours/peer, median and min–max (log scale; left of 1x = ours faster/smaller)</text>`,
    `<text x="8" y="36" fill="#555">${escapeXml(`${results.machine.cores} cores, ${results.machine.cpu}, ${results.machine.date}, ${results.machine.rounds} rounds`)}</text>`,
  ];
  for (const tick of [0.01, 0.1, 1, 10, 100]) {
    out.push(
      `<line x1="${x(tick)}" y1="${top - 8}" x2="${x(tick)}" y2="${height - 24}" stroke="${tick === 1 ? "#000" : "#ddd"}"/>`,
      `<text x="${x(tick)}" y="${height - 8}" text-anchor="middle">${tick}x</text>`,
    );
  }
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const ratio = r.ratio!;
    const colour = r.goal ? (r.goal.met ? "#2e7d32" : "#c62828") : "#607d8b";
    const label = `${r.section.split(" ")[0]} ${r.what}`.slice(0, 90);
    out.push(
      `<text x="8" y="${y + 14}">${escapeXml(label)}</text>`,
      `<rect x="${Math.min(x(1), x(ratio.median))}" y="${y + 4}" width="${Math.abs(x(ratio.median) - x(1))}" height="12" fill="${colour}" opacity="0.8"/>`,
      `<line x1="${x(ratio.min)}" y1="${y + 10}" x2="${x(ratio.max)}" y2="${y + 10}" stroke="#000"/>`,
      `<text x="${labelWidth + barWidth + 6}" y="${y + 14}">${ratio.median.toFixed(2)}x${r.goal ? ` (${escapeXml(r.goal.text)})` : ""}</text>`,
    );
  });
  out.push(...memoryPanel(results.rows, height, labelWidth, barWidth));
  const total = height + memoryPanelHeight(results.rows);
  out[0] = out[0].replace(`height="${height}"`, `height="${total}"`);
  out.push("</svg>");
  return out.join("\n");
}

const MEMORY_PREFIX = "memory as counted:";
const LIMIT_MB = 128;
const memoryRows = (rows: readonly Row[]) => rows.filter((r) => r.what.startsWith(MEMORY_PREFIX));
const memoryPanelHeight = (rows: readonly Row[]) =>
  memoryRows(rows).length ? 50 + memoryRows(rows).length * 22 + 24 : 0;

/** Memory as Cloudflare counts it, per isolate: MB on a linear scale up to the 128 MB limit, the goal marked. */
function memoryPanel(rows: readonly Row[], top: number, labelWidth: number, barWidth: number): string[] {
  const list = memoryRows(rows);
  if (list.length === 0) return [];
  const x = (mb: number) => labelWidth + (Math.min(mb, LIMIT_MB) / LIMIT_MB) * barWidth;
  const first = top + 40;
  const bottom = first + list.length * 22;
  const out = [
    `<text x="8" y="${top + 22}" font-size="14" font-weight="bold">Memory as counted per isolate (JS heap + ArrayBuffers + WASM), MB, peak of every phase; the limit is ${LIMIT_MB} MB</text>`,
  ];
  for (const tick of [0, 32, 64, 96, LIMIT_MB]) {
    out.push(
      `<line x1="${x(tick)}" y1="${first - 8}" x2="${x(tick)}" y2="${bottom}" stroke="${tick === LIMIT_MB ? "#000" : "#ddd"}"/>`,
      `<text x="${x(tick)}" y="${bottom + 16}" text-anchor="middle">${tick}</text>`,
    );
  }
  list.forEach((r, i) => {
    const y = first + i * 22;
    const colour = r.goal ? (r.goal.met ? "#2e7d32" : "#c62828") : "#607d8b";
    out.push(
      `<text x="8" y="${y + 14}">${escapeXml(`${r.section.split(" ")[0]} ${r.what}`)}</text>`,
      `<rect x="${x(0)}" y="${y + 4}" width="${x(r.ours.median) - x(0)}" height="12" fill="${colour}" opacity="0.8"/>`,
      `<text x="${labelWidth + barWidth + 6}" y="${y + 14}">${r.ours.median.toFixed(1)} MB${r.goal ? ` (${escapeXml(r.goal.text)})` : ""}</text>`,
    );
  });
  return out;
}

async function main(): Promise<void> {
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(".json")).sort();
  if (files.length === 0) throw new Error("no results: run `npm run bench -- --json` first");
  const newest = resolve(dir, files[files.length - 1]);
  const results: Results = JSON.parse(await readFile(newest, "utf8"));
  const m = results.machine;
  const markdown = [
    `# DermEdge benchmarks (${m.date})`,
    "",
    `${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.rounds} alternating rounds per row, photos: ${m.photos}; the run took ${results.minutes.toFixed(1)} min.`,
    "Each cell: median (min–max). ours/peer: the median of the per-round ratios (min–max).",
    "",
    ...tableLines(results.rows),
    "",
    ...results.notes.map((n) => `- ${n}`),
    ...(results.failures.length
      ? ["", "Failed sections:", ...results.failures.map((f) => `- ${f.split("\n")[0]}`)]
      : []),
    "",
    "![chart](report.svg)",
    "",
  ].join("\n");
  await writeFile(resolve(dir, "report.md"), markdown);
  await writeFile(resolve(dir, "report.svg"), chart(results));
  console.log(markdown);
  console.log(`wrote ${resolve(dir, "report.md")} and ${resolve(dir, "report.svg")} from ${newest}`);
}

await main();
