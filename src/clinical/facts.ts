/**
 * What the rules read (rules.ts): the signs the patient reports (words and answers), who the patient is, and
 * the catalogue ids among the top findings. Answers only raise: a "yes" adds the sign; a "no" or "not sure"
 * adds nothing and takes nothing away from the patient's own words (the words win over a "no").
 */
import type { Answers, Finding, ParsedText } from "./types";
import type { SymptomId } from "./vocabulary";

/** Facts derived from numbers rather than words. */
export type DerivedFact = "lasting_4_weeks";
export type FactId = SymptomId | DerivedFact;

/**
 * Atoms computed from several facts, ages, temperatures or findings; each is documented here once and named in
 * docs/clinical-rules.md.
 */
export const DERIVED_ATOMS = {
  child:
    "a child (under 16 by stated age, child or baby words, or answered yes), unless an adult age is stated",
  newborn: "a baby under 4 weeks (stated age or newborn / 新生儿 / 没满月 words)",
  under_1_year: "a baby under 1 year (stated age)",
  age_3_to_6_months: "a baby aged 3 to 6 months (stated age)",
  age_50_plus: "aged 50 or over (stated age)",
  age_70_plus: "aged 70 or over (stated age, elderly words, or answered yes)",
  temp_39: "a temperature of 39 °C / 102.2 °F or more",
  fever_days_3: "fever with a stated duration of 3 days or more",
  days_5: "a stated duration of 5 days or more",
  infant_age_unknown: "baby words with no stated age",
  rash_or_finding: "any rash word, or any possible match in the photo other than normal skin",
  blue_skin: "blue or grey skin, lips or tongue",
  sunburn_only: "a burn that the words say is sunburn",
  eye_area: "a swollen eye, or swelling or redness near the eye",
  shingles_band:
    "blisters or a rash in a band on one side (or round the waist) with pain, burning or tingling",
} as const;
export type DerivedAtom = keyof typeof DERIVED_ATOMS;

export interface Facts {
  /** Whether an atom holds: a concept, `group:`, `finding:`, `denied:` or a derived atom (rules.ts). */
  holds(atom: string): boolean;
  /** The patient's words (or answers) for the concepts present among these. */
  words(ids: readonly string[]): string[];
  readonly ageYears: number | null;
  readonly temperatureC: number | null;
  readonly durationDays: number | null;
  /** Catalogue ids among the top findings; empty when a gate failed. */
  readonly findings: ReadonlySet<string>;
  /** The top findings' names, for the triggers. */
  findingNames(ids: readonly string[]): string[];
  /** Mentioned in the words at all, present or negated. */
  mentioned(id: FactId): boolean;
}

/** What a question's "yes" means for the facts (questions.ts). */
export interface AnswerEffect {
  readonly yes: FactId;
  /** The words an answer stands for in the triggers, in the answer's language. */
  readonly label: string;
}

const ELDERLY_AGE = 70;
const NEWBORN_YEARS = 28 / 365;

export function buildFacts(
  parsed: ParsedText,
  top: readonly Finding[],
  answers: Answers,
  effects: Readonly<Record<string, AnswerEffect>>,
  groups: Readonly<Record<string, readonly string[]>>,
): Facts {
  const present = new Map<string, string[]>();
  const denied = new Set<string>();
  for (const m of parsed.mentions) {
    if (!m.negated) present.set(m.id, [...m.words]);
    else denied.add(m.id);
  }
  const mentioned = new Set<string>(parsed.mentions.map((m) => m.id));
  if (parsed.durationDays !== null && parsed.durationDays >= 28) {
    const longest = parsed.durations.reduce((a, b) => (b.days > a.days ? b : a));
    present.set("lasting_4_weeks", [longest.text]);
    mentioned.add("lasting_4_weeks");
  }
  for (const [id, answer] of Object.entries(answers)) {
    const effect = Object.hasOwn(effects, id) ? effects[id] : undefined;
    if (effect && answer === "yes")
      present.set(effect.yes, [...(present.get(effect.yes) ?? []), effect.label]);
  }
  const age = parsed.ageYears;
  if (age !== null && age < NEWBORN_YEARS && !present.has("newborn")) present.set("newborn", []);
  if (((age !== null && age < 0.25) || present.has("newborn")) && !present.has("under_3_months"))
    present.set("under_3_months", []);
  const adult = age !== null && age >= 16;
  const findings = new Set(top.map((f) => f.id));
  const has = (id: string) => present.has(id);
  const temperature = parsed.temperatureC ?? 0;
  const days = parsed.durationDays ?? 0;

  const derived: Record<DerivedAtom, () => boolean> = {
    child: () =>
      !adult && (has("under_3_months") || (age !== null && age < 16) || has("child") || has("infant")),
    newborn: () => has("newborn"),
    under_1_year: () => has("under_3_months") || (age !== null && age < 1),
    age_3_to_6_months: () => age !== null && age >= 0.25 && age < 0.5,
    age_50_plus: () => age !== null && age >= 50,
    age_70_plus: () => (age !== null && age >= ELDERLY_AGE) || (age === null && has("elderly")),
    temp_39: () => temperature >= 39,
    fever_days_3: () => has("fever") && days >= 3,
    days_5: () => days >= 5,
    infant_age_unknown: () => has("infant") && age === null,
    rash_or_finding: () => holdsGroup("rash") || [...findings].some((id) => id !== "normal_skin"),
    // Blue or grey lips or skin is an emergency alone; mottling alone (a cold baby's skin) asks for today.
    blue_skin: () => (present.get("mottled") ?? []).some((w) => /blue|grey|gray|ashen|紫|青|绀|灰/i.test(w)),
    sunburn_only: () => has("sunburn") && (present.get("burn_injury") ?? []).every((w) => /sun|晒/i.test(w)),
    eye_area: () => has("eye_swelling") || (has("near_eye") && (has("swelling") || has("redness"))),
    shingles_band: () =>
      (has("blisters") || has("rash")) &&
      has("one_side_band") &&
      ["pain", "burning", "tingling", "severe_pain"].some(has),
  };
  const holdsGroup = (name: string): boolean => (groups[name] ?? []).some((atom) => holds(atom));
  function holds(atom: string): boolean {
    if (atom.startsWith("group:")) return holdsGroup(atom.slice(6));
    if (atom.startsWith("finding:")) return findings.has(atom.slice(8));
    if (atom.startsWith("denied:")) return denied.has(atom.slice(7)) && !has(atom.slice(7));
    if (Object.hasOwn(derived, atom)) return derived[atom as DerivedAtom]();
    return has(atom);
  }

  return {
    holds,
    words: (ids) => ids.flatMap((id) => present.get(id) ?? []),
    ageYears: age,
    temperatureC: parsed.temperatureC,
    durationDays: parsed.durationDays,
    findings,
    findingNames: (ids) => top.filter((f) => ids.includes(f.id)).map((f) => f.name),
    mentioned: (id) => mentioned.has(id),
  };
}
