import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import {
  type CorpusCase,
  evaluateTriageCorpus,
  formatTriageReport,
  parseCorpus,
  type TriagePath,
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

/** The corpora `dermedge triage-eval` reads when none is named: our own, and the two held-out ones. */
export const DEFAULT_CORPORA = ["test/clinical/corpus", "test/clinical/heldout", "test/clinical/heldout-2"];

/**
 * `dermedge triage-eval [CORPUS ...] [--out report.json]`: triages every message of each JSON Lines corpus
 * (a folder of .jsonl files, or one file; by default our own corpus and the held-out one), each reported
 * separately: the expected-vs-actual level confusion table, under- and over-triage, and how well durations
 * and ages are read, from the words alone; and, where the corpus stores each patient's true answers to the
 * intake's questions, again with those answers. Exits 1 when any message is under-triaged on either path.
 */
export async function triageEvalCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { out: { type: "string" } }, ["CORPUS..."]);
  const corpora = positionals.length > 0 ? positionals : DEFAULT_CORPORA;
  const reports: Record<string, unknown> = {};
  let under = 0;
  for (const [i, corpus] of corpora.entries()) {
    const cases = await readCorpus(corpus);
    const paths: TriagePath[] = cases.some((c) => c.truth) ? ["words", "answers"] : ["words"];
    for (const path of paths) {
      const report = evaluateTriageCorpus(cases, path);
      if (i > 0 || path !== "words") console.log("");
      console.log(`== ${corpus}: ${path === "words" ? "from the words alone" : "with the true answers"} ==`);
      console.log(formatTriageReport(report, path));
      under += report.underTriage;
      const results = report.results.map(({ case: c, ...r }) => ({
        id: c.id,
        text: c.text,
        min: c.min,
        max: c.max,
        ...r,
      }));
      reports[`${corpus}#${path}`] = { ...report, results };
    }
  }
  if (values.out) {
    const single = Object.keys(reports).length === 1 ? Object.values(reports)[0] : reports;
    await writeFile(values.out, `${JSON.stringify(single, null, 2)}\n`);
    console.log(`\nreport written to ${values.out}`);
  }
  if (under > 0) throw new CliError(`${under} message(s) under-triaged`);
}
