/**
 * `npm run bench`: DermEdge against what a user would pick instead, on the `base` synthetic package
 * (ViT-B/32 shapes, int8). Every row is a ratio to a peer measured in the same run (alternating rounds,
 * median and min–max), because these machines are shared and noisy. Nothing is downloaded.
 *
 *   npm run bench                      all sections
 *   npm run bench -- --only 1,3        some sections
 *   npm run bench -- --json            also write bench/results/<date>.json (see bench/report.ts)
 *   npm run bench -- --rounds 7        rounds per comparison (default 5)
 */
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { BenchContext } from "./lib/context";
import { benchPackages, root } from "./lib/packages";
import { benchPhotos } from "./lib/photos";
import { machine, type Row, step, tableLines } from "./lib/report";
import { coldStartSection } from "./sections/cold-start";
import { decodeSection } from "./sections/decode";
import { memorySection } from "./sections/isolate-memory";
import { memoryAsCountedSection } from "./sections/memory-as-counted";
import { speechSection } from "./sections/speech";
import { throughputSection } from "./sections/throughput";
import { transformersSection } from "./sections/transformers";
import { visionSection } from "./sections/vision";

const SECTIONS: Record<string, (context: BenchContext) => Promise<Row[]>> = {
  "1": transformersSection,
  "2": visionSection,
  "3": decodeSection,
  "4": coldStartSection,
  "5": memorySection,
  "6": throughputSection,
  "7": memoryAsCountedSection,
  "8": speechSection,
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      json: { type: "boolean", default: false },
      rounds: { type: "string", default: "5" },
      fresh: { type: "boolean", default: false },
    },
  });
  const started = performance.now();
  const only = values.only?.split(",") ?? Object.keys(SECTIONS);
  const context: BenchContext = {
    packages: await benchPackages(values.fresh),
    photos: await benchPhotos(),
    rounds: Number(values.rounds),
    notes: [],
  };
  const rows: Row[] = [];
  const failures: string[] = [];
  for (const key of only) {
    const section = SECTIONS[key];
    if (!section) throw new Error(`no section ${key}; sections: ${Object.keys(SECTIONS).join(", ")}`);
    try {
      rows.push(...(await section(context)));
    } catch (error) {
      // One broken section must not hide the others' figures; the run still fails at the end.
      failures.push(`section ${key}: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      step(`section ${key} FAILED: ${error}`);
    }
  }
  const info = { ...machine(), photos: context.photos.source, rounds: context.rounds };
  const minutes = (performance.now() - started) / 60_000;
  console.log(
    `\nDermEdge benchmarks: ${info.cores} cores (${info.cpu}), Node ${info.node}, ${info.rounds} alternating rounds per row, photos: ${info.photos}; ${minutes.toFixed(1)} min.`,
  );
  console.log("Each cell: median (min–max). ours/peer: median of per-round ratios (min–max).\n");
  console.log(tableLines(rows).join("\n"));
  if (context.notes.length) console.log(`\n${context.notes.join("\n")}`);
  if (values.json) {
    const dir = resolve(root, "bench/results");
    await mkdir(dir, { recursive: true });
    const file = resolve(dir, `${info.date.replaceAll(":", "-")}.json`);
    await writeFile(
      file,
      JSON.stringify({ machine: info, minutes, rows, notes: context.notes, failures }, null, 2),
    );
    console.log(`\nwrote ${file}`);
  }
  if (failures.length) {
    console.error(`\n${failures.join("\n")}`);
    process.exitCode = 1;
  }
}

await main();
