/**
 * Scores the words side of triage against a corpus of patient messages with expected levels: the level each
 * message gets (from the words and answers alone), under- and over-triage,
 * and how well durations and ages are read. Pure: `dermedge triage-eval` reads the files and prints the table.
 * A photo the skin gate rejects triages the words the same way (test/clinical/triage.test.ts).
 */
import { assessWords } from "./assess";
import { levelRank } from "./levels";
import { parseText } from "./symptoms";
import { ANSWERS, type Answers, type Lang, QUESTION_IDS, TRIAGE_LEVELS, type TriageLevel } from "./types";

export interface CorpusCase {
  readonly id: string;
  readonly lang: Lang;
  readonly text: string;
  /** The least urgent level that is safe: anything below is under-triage. */
  readonly min: TriageLevel;
  /** The most urgent level that is reasonable: anything above is over-triage. */
  readonly max: TriageLevel;
  /** Expected duration in days; null = no duration must be read; absent = not checked. */
  readonly durationDays?: number | null;
  /** Expected age in years; null = no age must be read; absent = not checked. */
  readonly ageYears?: number | null;
  readonly answers?: Answers;
  /**
   * The answers this patient would give, truthfully, to the intake's questions (held-out corpora): replayed
   * with the words to measure the answers path.
   */
  readonly truth?: Answers;
  /** The rule family or trap the case exercises, for the report. */
  readonly family?: string;
}

export interface CaseResult {
  readonly case: CorpusCase;
  readonly level: TriageLevel;
  readonly under: boolean;
  readonly over: boolean;
  readonly durationDays: number | null;
  readonly ageYears: number | null;
  readonly durationOk: boolean | null;
  readonly ageOk: boolean | null;
}

export interface TriageEvalReport {
  readonly cases: number;
  readonly byLang: Readonly<Record<Lang, number>>;
  /** counts[expected min][actual], in TRIAGE_LEVELS order. */
  readonly confusion: readonly (readonly number[])[];
  readonly underTriage: number;
  readonly overTriage: number;
  readonly duration: { readonly checked: number; readonly correct: number };
  readonly age: { readonly checked: number; readonly correct: number };
  readonly results: readonly CaseResult[];
}

/** Parses one JSON Lines text; throws a RangeError naming the line of a malformed case. */
export function parseCorpus(jsonl: string, source = "corpus"): CorpusCase[] {
  const cases: CorpusCase[] = [];
  jsonl.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}:${i + 1}`;
    let c: CorpusCase;
    try {
      c = JSON.parse(line);
    } catch {
      throw new RangeError(`${where}: not JSON`);
    }
    const levels: readonly string[] = TRIAGE_LEVELS;
    if (typeof c.text !== "string" || !c.text.trim()) throw new RangeError(`${where}: no text`);
    if (c.lang !== "en" && c.lang !== "zh") throw new RangeError(`${where}: lang must be en or zh`);
    if (!levels.includes(c.min) || !levels.includes(c.max) || levelRank(c.min) > levelRank(c.max)) {
      throw new RangeError(`${where}: min and max must be levels with min <= max`);
    }
    for (const [q, a] of [...Object.entries(c.answers ?? {}), ...Object.entries(c.truth ?? {})]) {
      if (!(QUESTION_IDS as readonly string[]).includes(q) || !(ANSWERS as readonly string[]).includes(a))
        throw new RangeError(`${where}: unknown answer ${q}=${a}`);
    }
    cases.push({ ...c, id: c.id ?? where });
  });
  return cases;
}

const close = (actual: number | null, expected: number | null, tolerance: number) =>
  expected === null ? actual === null : actual !== null && Math.abs(actual - expected) <= tolerance;

/** The level a message gets when only its words can be heard (no photo, or one that failed its gates). */
export function triageWords(c: Pick<CorpusCase, "text" | "lang" | "answers">): TriageLevel {
  return assessWords({ text: c.text, lang: c.lang, answers: c.answers }).triage.level;
}

/**
 * `words`: the words (and any answers given with them) alone, as a patient who stops after the first message
 * is triaged; `answers`: the words with the truthful answers to the intake's questions (`truth`).
 */
export type TriagePath = "words" | "answers";

export function evaluateTriageCorpus(
  cases: readonly CorpusCase[],
  path: TriagePath = "words",
): TriageEvalReport {
  if (cases.length === 0) throw new RangeError("no cases to evaluate");
  const confusion = TRIAGE_LEVELS.map(() => TRIAGE_LEVELS.map(() => 0));
  const results = cases.map((c): CaseResult => {
    const answers = path === "answers" ? { ...c.truth, ...c.answers } : c.answers;
    const level = triageWords({ ...c, answers });
    const parsed = parseText(c.text);
    confusion[levelRank(c.min)][levelRank(level)]++;
    return {
      case: c,
      level,
      under: levelRank(level) < levelRank(c.min),
      over: levelRank(level) > levelRank(c.max),
      durationDays: parsed.durationDays,
      ageYears: parsed.ageYears,
      // A day either way, or 5%: "a month" is 30 days, "4 weeks" 28.
      // An expected 0 ("it came up today", or an injury just now) is met by reading no duration at all.
      durationOk:
        c.durationDays === undefined
          ? null
          : (c.durationDays === 0 && parsed.durationDays === null) ||
            close(parsed.durationDays, c.durationDays, Math.max(1, 0.05 * (c.durationDays ?? 0))),
      ageOk:
        c.ageYears === undefined
          ? null
          : close(parsed.ageYears, c.ageYears, Math.max(0.01, 0.02 * (c.ageYears ?? 0))),
    };
  });
  const count = (f: (r: CaseResult) => boolean) => results.filter(f).length;
  return {
    cases: results.length,
    byLang: { en: count((r) => r.case.lang === "en"), zh: count((r) => r.case.lang === "zh") },
    confusion,
    underTriage: count((r) => r.under),
    overTriage: count((r) => r.over),
    duration: { checked: count((r) => r.durationOk !== null), correct: count((r) => r.durationOk === true) },
    age: { checked: count((r) => r.ageOk !== null), correct: count((r) => r.ageOk === true) },
    results,
  };
}

/** The report as the plain-text table `dermedge triage-eval` prints. */
export function formatTriageReport(report: TriageEvalReport, path: TriagePath = "words"): string {
  const width = Math.max(...TRIAGE_LEVELS.map((l) => l.length)) + 2;
  const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
  const lines = [
    `messages: ${report.cases} (en ${report.byLang.en}, zh ${report.byLang.zh})`,
    "",
    path === "words"
      ? "level confusion (rows: expected minimum level, columns: level given from the words)"
      : "level confusion (rows: expected minimum level, columns: level given from the words and the true answers)",
    `${"".padEnd(width)}${TRIAGE_LEVELS.map((l) => l.padStart(width)).join("")}`,
    ...TRIAGE_LEVELS.map(
      (l, i) => `${l.padEnd(width)}${report.confusion[i].map((n) => String(n).padStart(width)).join("")}`,
    ),
    "",
    `under-triage (below the expected minimum): ${report.underTriage}`,
    `over-triage (above the expected maximum):  ${report.overTriage} (${pct(report.overTriage, report.cases)})`,
    `durations read correctly: ${report.duration.correct}/${report.duration.checked} (${pct(report.duration.correct, report.duration.checked)})`,
    `ages read correctly:      ${report.age.correct}/${report.age.checked} (${pct(report.age.correct, report.age.checked)})`,
  ];
  const show = (title: string, rows: readonly CaseResult[], detail: (r: CaseResult) => string) => {
    if (rows.length === 0) return;
    lines.push("", title, ...rows.map((r) => `  ${r.case.id}: ${detail(r)}  ${JSON.stringify(r.case.text)}`));
  };
  show(
    "UNDER-TRIAGED",
    report.results.filter((r) => r.under),
    (r) => `${r.level} < ${r.case.min}`,
  );
  show(
    "over-triaged",
    report.results.filter((r) => r.over),
    (r) => `${r.level} > ${r.case.max}`,
  );
  show(
    "durations misread",
    report.results.filter((r) => r.durationOk === false),
    (r) => `${r.durationDays} != ${r.case.durationDays}`,
  );
  show(
    "ages misread",
    report.results.filter((r) => r.ageOk === false),
    (r) => `${r.ageYears} != ${r.case.ageYears}`,
  );
  return lines.join("\n");
}
