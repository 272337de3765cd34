/**
 * `npm run bench:report`: the newest bench/results/*.json (written by `npm run bench -- --json`) as a
 * Markdown table (bench/results/report.md) and an SVG chart (bench/results/report.svg): one bar per
 * row with a peer, ours/peer on a log scale, 1x and the goal marked, green when the goal is met.
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
  out.push("</svg>");
  return out.join("\n");
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
