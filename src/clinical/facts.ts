/**
 * What the red-flag rules read: the signs the patient reports (words and answers), who the patient is, and
 * the catalogue ids among the top findings. Structured answers beat the words: a "yes" adds the sign, a "no"
 * removes it (and the signs its question covers), "unknown" leaves the words to decide.
 */
import type { Answers, Finding, ParsedText } from "./types";
import type { SymptomId } from "./vocabulary";

/** Facts derived from numbers rather than words. */
export type DerivedFact = "lasting_4_weeks";
export type FactId = SymptomId | DerivedFact;

export interface Facts {
  has(...ids: readonly FactId[]): boolean;
  /** How many of these are present. */
  count(...ids: readonly FactId[]): number;
  /** The patient's words (or answers) for the present ones. */
  words(ids: readonly FactId[]): string[];
  readonly ageYears: number | null;
  readonly temperatureC: number | null;
  readonly durationDays: number | null;
  /** Catalogue ids among the top findings; empty when a gate failed. */
  readonly findings: ReadonlySet<string>;
  /** The top findings' names, for the triggers. */
  findingNames(ids: readonly string[]): string[];
  /** Mentioned in the words at all, present or negated. */
  mentioned(id: FactId): boolean;
  /** A baby under 3 months, by age or by words ("newborn", "新生儿"), unless answered no. */
  readonly under3Months: boolean;
  /** A child (under 16), by age or by words, unless an adult age is stated. */
  readonly child: boolean;
}

/** What a question's answer means for the facts (questions.ts). */
export interface AnswerEffect {
  readonly yes: FactId;
  readonly no: readonly FactId[];
  /** The words an answer stands for in the triggers, in the answer's language. */
  readonly label: string;
}

export function buildFacts(
  parsed: ParsedText,
  top: readonly Finding[],
  answers: Answers,
  effects: Readonly<Record<string, AnswerEffect>>,
): Facts {
  const present = new Map<FactId, string[]>();
  for (const m of parsed.mentions) if (!m.negated) present.set(m.id, [...m.words]);
  const mentioned = new Set<FactId>(parsed.mentions.map((m) => m.id));
  if (parsed.durationDays !== null && parsed.durationDays >= 28) {
    const longest = parsed.durations.reduce((a, b) => (b.days > a.days ? b : a));
    present.set("lasting_4_weeks", [longest.text]);
    mentioned.add("lasting_4_weeks");
  }
  const age = parsed.ageYears;
  if (age !== null && age < 0.25 && !present.has("under_3_months")) {
    present.set("under_3_months", []);
  }
  for (const [id, answer] of Object.entries(answers)) {
    const effect = Object.hasOwn(effects, id) ? effects[id] : undefined;
    if (!effect || (answer !== "yes" && answer !== "no")) continue;
    if (answer === "yes") present.set(effect.yes, [...(present.get(effect.yes) ?? []), effect.label]);
    else for (const fact of effect.no) present.delete(fact);
  }
  const adult = age !== null && age >= 16;
  const under3Months = present.has("under_3_months");
  const child =
    !adult &&
    (under3Months ||
      (age !== null && age < 16) ||
      ["child", "infant"].some((id) => present.has(id as FactId)));
  const findings = new Set(top.map((f) => f.id));
  return {
    has: (...ids) => ids.some((id) => present.has(id)),
    count: (...ids) => ids.filter((id) => present.has(id)).length,
    words: (ids) => ids.flatMap((id) => present.get(id) ?? []),
    ageYears: age,
    temperatureC: parsed.temperatureC,
    durationDays: parsed.durationDays,
    findings,
    findingNames: (ids) => top.filter((f) => ids.includes(f.id)).map((f) => f.name),
    mentioned: (id) => mentioned.has(id),
    under3Months,
    child,
  };
}
