import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import {
  type CorpusCase,
  evaluateTriageCorpus,
  formatTriageReport,
  parseCorpus,
} from "../../clinical/triage-eval";
import { parse } from "../args";
import { CliError } from "../errors";

/** Every `.jsonl` file of a folder (sorted), or the one file given. */
export async function readCorpus(path: string): Promise<CorpusCase[]> {
  const info = await stat(path).catch(() => {
    throw new CliError(`cannot read ${path}`);
  });
  const files = info.isDirectory()
    ? (await readdir(path))
        .filter((f) => extname(f) === ".jsonl")
        .sort()
        .map((f) => join(path, f))
    : [path];
  if (files.length === 0) throw new CliError(`no .jsonl files in ${path}`);
  const cases: CorpusCase[] = [];
  for (const file of files) {
    try {
      cases.push(...parseCorpus(await readFile(file, "utf8"), basename(file)));
    } catch (error) {
      if (error instanceof RangeError) throw new CliError(error.message);
      throw error;
    }
  }
  if (cases.length === 0) throw new CliError(`no messages in ${path}`);
  return cases;
}

/**
 * `dermedge triage-eval CORPUS [--out report.json]`: triages every message of a JSON Lines corpus from its
 * words alone and prints the expected-vs-actual level confusion table, under- and over-triage, and how well
 * durations and ages are read. Exits 1 when any message is under-triaged.
 */
export async function triageEvalCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { out: { type: "string" } }, ["CORPUS"]);
  const report = evaluateTriageCorpus(await readCorpus(positionals[0]));
  console.log(formatTriageReport(report));
  if (values.out) {
    const results = report.results.map(({ case: c, ...r }) => ({
      id: c.id,
      text: c.text,
      min: c.min,
      max: c.max,
      ...r,
    }));
    await writeFile(values.out, `${JSON.stringify({ ...report, results }, null, 2)}\n`);
    console.log(`\nreport written to ${values.out}`);
  }
  if (report.underTriage > 0) throw new CliError(`${report.underTriage} message(s) under-triaged`);
}
