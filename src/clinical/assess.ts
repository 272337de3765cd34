/** The one function the service calls: model probabilities + photo quality + the patient's words -> an answer. */
import { CATALOGUE_VERSION, catalogueEntry } from "./catalogue";
import { type ClinicalConfig, resolveConfig } from "./config";
import { checkCertainty, checkSkin } from "./gates";
import { chooseLanguage } from "./language";
import { formatPercent, messages, TIME_FRAMES } from "./messages";
import { rankFindings } from "./ranking";
import { parseText, presentSymptoms } from "./symptoms";
import { triage } from "./triage";
import {
  type Answers,
  type Assessment,
  type AssessmentStatus,
  type Finding,
  type Lang,
  type Localised,
  type ParsedText,
  type QualityReport,
  type SkinGate,
  TRIAGE_LEVELS,
  type Triage,
} from "./types";
import { type SymptomId, symptomKind, symptomName } from "./vocabulary";

export interface AssessInput {
  /**
   * Zero-shot probabilities over the labels the photo was scored against: catalogue ids (prompts from
   * `cataloguePrompts`) and/or the caller's own labels. Renormalised here.
   */
  readonly imageProbabilities: Readonly<Record<string, number>>;
  /** Zero-shot probabilities over the `gatePrompts` labels; must include "skin". */
  readonly gateProbabilities: Readonly<Record<string, number>>;
  /** From `assessPhotoQuality`. */
  readonly quality: QualityReport;
  /** The patient's words, in English or Chinese. */
  readonly text?: string;
  /** Answers to red-flag questions (questions.ts): a yes adds the sign, a no beats the words. */
  readonly answers?: Answers;
  /** Answer language; detected from `text`, then `locale`, when absent. */
  readonly lang?: Lang;
  /** The client's locale or Accept-Language, e.g. "zh-CN". */
  readonly locale?: string;
  readonly config?: Partial<ClinicalConfig>;
  /**
   * Labels the catalogue does not know but someone described (a clinic's classes, `dermedge adapt`): their
   * names and advice. Triage still treats them as custom labels.
   */
  readonly otherLabels?: Readonly<Record<string, { name: Localised; advice: Localised }>>;
}

const UNCERTAIN_CANDIDATES = 3;
/** Possible matches named in the summary of a certain result. */
const SUMMARY_MATCHES = 3;

function statusOf(quality: QualityReport, skin: SkinGate, certain: boolean | null): AssessmentStatus {
  if (!quality.ok) return "poor_photo";
  if (!skin.passed) return "not_skin";
  return certain ? "ok" : "uncertain";
}

function summarise(
  status: AssessmentStatus,
  findings: readonly Finding[],
  skin: SkinGate,
  lang: Lang,
): string {
  const m = messages[lang];
  switch (status) {
    case "poor_photo":
      return m.summary.poorPhoto;
    case "no_photo":
      return m.summary.noPhoto;
    case "not_skin": {
      const label = skin.bestOther?.label;
      const known = label !== undefined && Object.hasOwn(m.gateLabels, label);
      return m.summary.notSkin(known ? m.gateLabels[label as keyof typeof m.gateLabels] : null);
    }
    case "uncertain": {
      const candidates = findings
        .slice(0, UNCERTAIN_CANDIDATES)
        .map((f) => m.match(f.name, formatPercent(f.probability)));
      return m.summary.uncertain(m.alternatives(candidates));
    }
    case "ok": {
      const matches = findings
        .slice(0, SUMMARY_MATCHES)
        .filter((f, i) => i === 0 || f.probability >= 0.05)
        .map((f) => m.match(f.name, formatPercent(f.probability)));
      return m.summary.ok(m.list(matches));
    }
  }
}

function adviseOn(
  status: AssessmentStatus,
  findings: readonly Finding[],
  quality: QualityReport,
  triaged: Triage,
  lang: Lang,
  otherAdvice: (id: string) => string | undefined,
  groups: ReadonlySet<string>,
): string[] {
  const m = messages[lang];
  // Every possible match that must be seen in person speaks first, not only the top one; advice for one group
  // (a diabetic foot) only when that group applies or the entry is the top finding.
  const review = triaged.reasons
    .filter((r) => r.rule === "in_person_review")
    .flatMap((r) => findings.filter((f) => r.triggers.includes(f.name)))
    .map((f) => catalogueEntry(f.id))
    .filter((e) => e !== undefined && (!e.forGroup || e.id === findings[0]?.id || groups.has(e.forGroup)))
    .map((e) => e?.advice[lang])
    .filter((a): a is string => a !== undefined);
  const specific: Record<AssessmentStatus, () => string[]> = {
    poor_photo: () => quality.problems.map((p) => p.tip[lang]),
    no_photo: () => [],
    not_skin: () => [m.notSkinTip],
    uncertain: () => [m.uncertainAdvice],
    ok: () => [catalogueEntry(findings[0].id)?.advice[lang] ?? otherAdvice(findings[0].id) ?? m.customAdvice],
  };
  // Nothing under an emergency's action offers a slower time frame ("within 2 to 3 days" under "call 120 now").
  const slower = triaged.level === "emergency" ? slowerTimeFrames(triaged.level, lang) : [];
  const advice = [...review, ...specific[status]()].filter((a) => !slower.some((frame) => a.includes(frame)));
  return [...new Set([triaged.action, ...advice])];
}

/** The time frames of the levels below this one, in the answer's language (messages.ts: one per level). */
function slowerTimeFrames(level: Triage["level"], lang: Lang): string[] {
  const frames = TIME_FRAMES[lang];
  return TRIAGE_LEVELS.slice(1, TRIAGE_LEVELS.indexOf(level)).map((l) => frames[l]);
}

/** The groups a group-specific piece of advice can be for, from the words and answers. */
function groupsOf(present: ReadonlySet<SymptomId>, answers: Answers | undefined): Set<"diabetes" | "infant"> {
  const groups = new Set<"diabetes" | "infant">();
  if (present.has("diabetes") || answers?.diabetes === "yes") groups.add("diabetes");
  if (
    ["infant", "under_3_months", "newborn", "nappy_area"].some((id) => present.has(id as SymptomId)) ||
    answers?.baby_under_3_months === "yes"
  )
    groups.add("infant");
  return groups;
}

/**
 * Gates in order: photo quality, then skin, then certainty. A failed quality or skin gate ranks nothing;
 * the words are still triaged. Throws a RangeError on malformed probabilities or config.
 */
export function assess(input: AssessInput): Assessment {
  const config = resolveConfig(input.config);
  const text = input.text ?? "";
  const lang = chooseLanguage({ lang: input.lang, text, locale: input.locale });
  const parsed = parseText(text);
  const skin = checkSkin(input.gateProbabilities);
  const others = input.otherLabels ?? {};
  const otherNames = Object.fromEntries(Object.entries(others).map(([id, o]) => [id, o.name]));
  const present = presentSymptoms(parsed);
  const ranked = rankFindings(input.imageProbabilities, present, lang, config, otherNames);
  const certainty = input.quality.ok && skin.passed ? checkCertainty(ranked, config) : null;
  const status = statusOf(input.quality, skin, certainty?.passed ?? null);
  const findings = certainty ? ranked : [];
  const { triage: triaged, questions } = triage({
    status,
    findings,
    parsed,
    answers: input.answers,
    config,
    lang,
    text,
  });
  return {
    catalogueVersion: CATALOGUE_VERSION,
    lang,
    status,
    gates: { quality: input.quality, skin, certainty },
    findings,
    symptoms: symptomsOf(parsed, lang),
    triage: triaged,
    questions,
    summary: summarise(status, findings, skin, lang),
    advice: adviseOn(
      status,
      findings,
      input.quality,
      triaged,
      lang,
      (id) => (Object.hasOwn(others, id) ? others[id].advice[lang] : undefined),
      groupsOf(present, input.answers),
    ),
    disclaimer: messages[lang].disclaimer,
  };
}

export interface AssessWordsInput {
  readonly text: string;
  readonly lang?: Lang;
  readonly locale?: string;
  readonly answers?: Answers;
  readonly config?: Partial<ClinicalConfig>;
}

/** Words without a photo: status no_photo, no findings, the triage, questions and advice from the words. */
export function assessWords(input: AssessWordsInput): Assessment {
  const config = resolveConfig(input.config);
  const lang = chooseLanguage({ lang: input.lang, text: input.text, locale: input.locale });
  const parsed = parseText(input.text);
  const status = "no_photo";
  const { triage: triaged, questions } = triage({
    status,
    findings: [],
    parsed,
    answers: input.answers,
    config,
    lang,
    text: input.text,
  });
  return {
    catalogueVersion: CATALOGUE_VERSION,
    lang,
    status,
    gates: null,
    findings: [],
    symptoms: symptomsOf(parsed, lang),
    triage: triaged,
    questions,
    summary: messages[lang].summary.noPhoto,
    advice: [triaged.action],
    disclaimer: messages[lang].disclaimer,
  };
}

function symptomsOf(parsed: ParsedText, lang: Lang): Assessment["symptoms"] {
  return {
    recognised: parsed.mentions.map((s) => ({
      ...s,
      name: symptomName(s.id)[lang],
      kind: symptomKind(s.id),
    })),
    durationDays: parsed.durationDays,
    ageYears: parsed.ageYears,
    temperatureC: parsed.temperatureC,
  };
}
