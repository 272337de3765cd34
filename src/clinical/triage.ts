/**
 * Triage: how soon to see someone, and why. Every rule that fires adds a reason; the most urgent wins.
 * Red flags in the patient's words apply whatever the photo shows, even when a gate failed.
 *
 * Red flags (words, plus the ranked findings where named):
 *   airway          swelling of the lips/face/tongue/throat or trouble breathing          -> emergency
 *   fever_infection fever with a spreading, red, painful, warm or swollen area            -> doctor_soon
 *   changing_mole   a mole (in the words, or a mole-like finding in the top findings)
 *                   that bleeds, grows or changes colour/shape/size                       -> doctor_soon
 *   eye             near the eye with blisters, or with shingles in the top findings      -> doctor_soon
 * From the ranking (only when the photo passed the quality and skin gates):
 *   in_person_review an entry marked needsInPersonReview in the top `reviewTopK` by combined or image
 *                   rank, with at least `reviewProbability` by either score -> its urgency. Symptom
 *                   shifts therefore can never hide a melanoma.
 *   finding         the top finding's catalogue urgency (status "ok")
 *   custom_label    a top label not in the catalogue -> doctor (routine)
 *   uncertain       -> doctor
 *   persistent      the top finding has lasted at least its `reviewAfterDays` -> doctor
 */
import { catalogueEntry } from "./catalogue";
import type { ClinicalConfig } from "./config";
import { formatPercent, messages } from "./messages";
import { presentSymptoms } from "./symptoms";
import {
  type AssessmentStatus,
  type Finding,
  type Lang,
  type ParsedText,
  TRIAGE_LEVELS,
  type Triage,
  type TriageLevel,
  type TriageReason,
  type TriageRule,
} from "./types";
import type { SymptomId } from "./vocabulary";

export interface TriageContext {
  readonly status: AssessmentStatus;
  /** Ranked findings; empty when a gate failed. */
  readonly findings: readonly Finding[];
  readonly parsed: ParsedText;
  readonly config: ClinicalConfig;
  readonly lang: Lang;
}

const AIRWAY: readonly SymptomId[] = ["face_swelling", "breathing_difficulty"];
const INFECTED_AREA: readonly SymptomId[] = ["spreading", "redness", "pain", "warmth", "swelling"];
const MOLE_CHANGE: readonly SymptomId[] = [
  "bleeding",
  "rapid_growth",
  "size_change",
  "colour_change",
  "shape_change",
  "changing",
];

function urgencyRank(level: TriageLevel): number {
  return TRIAGE_LEVELS.indexOf(level);
}

/** Findings close enough to the top to act on: the top K by either ranking, with a non-trivial score. */
function topFindings(ctx: TriageContext): Finding[] {
  const { reviewTopK, reviewProbability } = ctx.config;
  return ctx.findings.filter(
    (f) =>
      (f.rank <= reviewTopK || f.imageRank <= reviewTopK) &&
      Math.max(f.probability, f.imageProbability) >= reviewProbability,
  );
}

function redFlags(ctx: TriageContext, top: readonly Finding[]): TriageReason[] {
  const present = presentSymptoms(ctx.parsed);
  const has = (ids: readonly SymptomId[]) => ids.some((id) => present.has(id));
  const words = (ids: readonly SymptomId[]) =>
    ctx.parsed.mentions.filter((m) => !m.negated && ids.includes(m.id)).flatMap((m) => m.words);
  const m = messages[ctx.lang];
  const reasons: TriageReason[] = [];
  // The message quotes the patient's words; triggers add any finding that completed the rule.
  const flag = (
    rule: TriageRule,
    level: TriageLevel,
    message: string,
    ids: readonly SymptomId[],
    findings: readonly Finding[] = [],
  ) => {
    const said = words(ids);
    const triggers = [...said, ...findings.map((f) => f.name)];
    reasons.push({ rule, level, message: message + m.youMentioned(said), triggers });
  };

  if (has(AIRWAY)) {
    flag("airway", "emergency", m.reasons.airway, AIRWAY);
  }
  if (has(["fever"]) && has(INFECTED_AREA)) {
    flag("fever_infection", "doctor_soon", m.reasons.feverInfection, ["fever", ...INFECTED_AREA]);
  }
  const moleFindings = top.filter((f) => catalogueEntry(f.id)?.moleLike);
  if ((has(["mole"]) || moleFindings.length > 0) && has(MOLE_CHANGE)) {
    const findings = has(["mole"]) ? [] : moleFindings;
    flag("changing_mole", "doctor_soon", m.reasons.changingMole, ["mole", ...MOLE_CHANGE], findings);
  }
  const shingles = top.filter((f) => f.id === "herpes_zoster");
  if (has(["near_eye"]) && (has(["blisters"]) || shingles.length > 0)) {
    flag("eye", "doctor_soon", m.reasons.eye, ["near_eye", "blisters"], shingles);
  }
  return reasons;
}

function rankingRules(ctx: TriageContext, top: readonly Finding[]): TriageReason[] {
  const text = messages[ctx.lang].reasons;
  const reasons: TriageReason[] = [];
  const review = top.filter((f) => catalogueEntry(f.id)?.needsInPersonReview);
  for (const f of review) {
    const percent = formatPercent(Math.max(f.probability, f.imageProbability));
    const level = f.urgency ?? "doctor";
    reasons.push({
      rule: "in_person_review",
      level,
      message: text.inPersonReview(f.name, percent),
      triggers: [f.name],
    });
  }
  const first = ctx.findings[0];
  if (ctx.status === "uncertain") {
    reasons.push({ rule: "uncertain", level: "doctor", message: text.uncertain, triggers: [] });
  } else if (ctx.status === "ok" && first) {
    const entry = catalogueEntry(first.id);
    if (!entry) {
      reasons.push({
        rule: "custom_label",
        level: "doctor",
        message: text.customLabel(first.id),
        triggers: [first.id],
      });
    } else if (!review.includes(first)) {
      reasons.push({
        rule: "finding",
        level: entry.urgency,
        message: text.finding(first.name),
        triggers: [first.name],
      });
    }
    const limit = entry?.reviewAfterDays;
    const lasting = limit === undefined ? [] : ctx.parsed.durations.filter((d) => d.days >= limit);
    if (limit !== undefined && lasting.length > 0) {
      const days = Math.round(Math.max(...lasting.map((d) => d.days)));
      const message = text.persistent(first.name, days, limit);
      reasons.push({ rule: "persistent", level: "doctor", message, triggers: lasting.map((d) => d.text) });
    }
  }
  return reasons;
}

/** Null when no rule fires: a failed gate and no red flag in the words. */
export function triage(ctx: TriageContext): Triage | null {
  const top = topFindings(ctx);
  const reasons = [...redFlags(ctx, top), ...rankingRules(ctx, top)].sort(
    (a, b) => urgencyRank(b.level) - urgencyRank(a.level),
  );
  if (reasons.length === 0) return null;
  const level = reasons[0].level;
  return { level, label: messages[ctx.lang].levels[level], reasons };
}
