/**
 * Triage: how soon to see someone, and why. Every rule that fires adds a reason; the most urgent wins, and a
 * rule can only raise the level. The patient's words (and answers) are always heard, whatever the photo:
 * a photo that failed a gate still gets a triage from the words.
 *
 * Red flags on the words and answers: rules.ts (one rule per family, each citing its guidance).
 * On the ranked findings (only when the photo passed the quality and skin gates):
 *   in_person_review an entry marked needsInPersonReview in the top `reviewTopK` by combined or image rank, with
 *                    at least `reviewProbability` by either score -> its urgency, at most same_day unless it is
 *                    the top finding of a certain result (an image alone never calls an ambulance at 5%).
 *                    Symptom shifts therefore can never hide a melanoma.
 *   finding          the top finding's catalogue urgency (status "ok")
 *   custom_label     a top label not in the catalogue -> doctor (routine)
 *   uncertain        -> doctor
 *   persistent       the top finding has lasted at least its `reviewAfterDays` -> doctor; with no finding, a
 *                    skin problem lasting 4 weeks or more -> doctor
 *   no_red_flag      a photo that failed a gate and words without a warning sign -> self_care
 * Questions: each unanswered red-flag question (questions.ts) whose "yes" would raise the level is listed.
 */
import { catalogueEntry } from "./catalogue";
import type { ClinicalConfig } from "./config";
import { buildFacts, type Facts } from "./facts";
import { formatPercent, messages } from "./messages";
import { answerEffects, QUESTIONS } from "./questions";
import { RED_FLAG_RULE_DEFS } from "./rules";
import {
  type Answers,
  type AssessmentStatus,
  type Finding,
  type Lang,
  type ParsedText,
  type RedFlagQuestion,
  TRIAGE_LEVELS,
  type Triage,
  type TriageLevel,
  type TriageReason,
} from "./types";

export interface TriageContext {
  readonly status: AssessmentStatus;
  /** Ranked findings; empty when a gate failed. */
  readonly findings: readonly Finding[];
  readonly parsed: ParsedText;
  readonly answers?: Answers;
  readonly config: ClinicalConfig;
  readonly lang: Lang;
}

/** Questions listed at most, most urgent first. */
const MAX_QUESTIONS = 5;
/** A skin problem lasting this long should be checked (NHS: see a GP about a rash that has not gone away). */
const PERSISTENT_DAYS = 28;

export function levelRank(level: TriageLevel): number {
  return TRIAGE_LEVELS.indexOf(level);
}

export function maxLevel(levels: readonly TriageLevel[]): TriageLevel {
  return levels.reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a), "self_care");
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

function redFlags(facts: Facts, lang: Lang): TriageReason[] {
  const m = messages[lang];
  const reasons: TriageReason[] = [];
  for (const rule of RED_FLAG_RULE_DEFS) {
    const fired = rule.evaluate(facts);
    if (!fired) continue;
    const said = [...new Set(facts.words(fired.ids))];
    const triggers = [...said, ...facts.findingNames(fired.findings ?? [])];
    const message = m.rules[rule.id] + (said.length ? m.youMentioned(said) : "");
    reasons.push({ rule: rule.id, level: fired.level, message, triggers, source: rule.source });
  }
  return reasons;
}

function rankingRules(ctx: TriageContext, top: readonly Finding[]): TriageReason[] {
  const text = messages[ctx.lang].reasons;
  const reasons: TriageReason[] = [];
  const first = ctx.findings[0];
  const certainFirst = ctx.status === "ok" ? first : undefined;
  const review = top.filter((f) => catalogueEntry(f.id)?.needsInPersonReview);
  for (const f of review) {
    const percent = formatPercent(Math.max(f.probability, f.imageProbability));
    const urgency = f.urgency ?? "doctor";
    const level = f === certainFirst || urgency !== "emergency" ? urgency : "same_day";
    reasons.push({
      rule: "in_person_review",
      level,
      message: text.inPersonReview(f.name, percent),
      triggers: [f.name],
      source: null,
    });
  }
  if (ctx.status === "uncertain") {
    reasons.push({ rule: "uncertain", level: "doctor", message: text.uncertain, triggers: [], source: null });
  } else if (certainFirst) {
    const entry = catalogueEntry(certainFirst.id);
    if (!entry) {
      reasons.push({
        rule: "custom_label",
        level: "doctor",
        message: text.customLabel(certainFirst.id),
        triggers: [certainFirst.id],
        source: null,
      });
    } else if (!review.includes(certainFirst)) {
      reasons.push({
        rule: "finding",
        level: entry.urgency,
        message: text.finding(certainFirst.name),
        triggers: [certainFirst.name],
        source: null,
      });
    }
    const limit = entry?.reviewAfterDays;
    const lasting = limit === undefined ? [] : ctx.parsed.durations.filter((d) => d.days >= limit);
    if (limit !== undefined && lasting.length > 0) {
      const days = Math.round(Math.max(...lasting.map((d) => d.days)));
      reasons.push({
        rule: "persistent",
        level: "doctor",
        message: text.persistent(certainFirst.name, days, limit),
        triggers: lasting.map((d) => d.text),
        source: null,
      });
    }
  }
  return reasons;
}

/** Reasons that need no photo: a long-lasting problem, or nothing at all. */
function wordsOnlyRules(ctx: TriageContext, flags: readonly TriageReason[]): TriageReason[] {
  const text = messages[ctx.lang].reasons;
  const days = ctx.parsed.durationDays;
  if (ctx.status === "ok" || ctx.status === "uncertain") return [];
  if (days !== null && days >= PERSISTENT_DAYS) {
    const lasting = ctx.parsed.durations.filter((d) => d.days >= PERSISTENT_DAYS).map((d) => d.text);
    return [
      {
        rule: "persistent",
        level: "doctor",
        message: text.persistentWords(Math.round(days)),
        triggers: lasting,
        source: "NHS Rashes in adults",
      },
    ];
  }
  if (flags.length > 0) return [];
  return [{ rule: "no_red_flag", level: "self_care", message: text.noRedFlag, triggers: [], source: null }];
}

interface Evaluation {
  readonly level: TriageLevel;
  readonly wordsLevel: TriageLevel;
  readonly reasons: TriageReason[];
}

function evaluate(ctx: TriageContext, answers: Answers): Evaluation {
  const effects = answerEffects(ctx.lang);
  const top = topFindings(ctx);
  const flags = redFlags(buildFacts(ctx.parsed, top, answers, effects), ctx.lang);
  const wordsFlags = redFlags(buildFacts(ctx.parsed, [], answers, effects), ctx.lang);
  const reasons = [...flags, ...rankingRules(ctx, top), ...wordsOnlyRules(ctx, flags)].sort(
    (a, b) => levelRank(b.level) - levelRank(a.level),
  );
  const durationLevel: TriageLevel =
    ctx.parsed.durationDays !== null && ctx.parsed.durationDays >= PERSISTENT_DAYS ? "doctor" : "self_care";
  return {
    level: reasons[0].level,
    wordsLevel: maxLevel([durationLevel, ...wordsFlags.map((r) => r.level)]),
    reasons,
  };
}

/** The red-flag questions still open here whose "yes" would raise the level. */
function openQuestions(ctx: TriageContext, current: Evaluation): RedFlagQuestion[] {
  const answers = ctx.answers ?? {};
  const facts = buildFacts(ctx.parsed, topFindings(ctx), answers, answerEffects(ctx.lang));
  const asked: RedFlagQuestion[] = [];
  for (const q of QUESTIONS) {
    if (Object.hasOwn(answers, q.id) || facts.mentioned(q.yes) || facts.has(q.yes) || !q.relevant(facts))
      continue;
    const raisesTo = evaluate(ctx, { ...answers, [q.id]: "yes" }).level;
    if (levelRank(raisesTo) > levelRank(current.level))
      asked.push({ id: q.id, text: q.text[ctx.lang], raisesTo });
  }
  return asked
    .map((q, order) => ({ q, order }))
    .sort((a, b) => levelRank(b.q.raisesTo) - levelRank(a.q.raisesTo) || a.order - b.order)
    .slice(0, MAX_QUESTIONS)
    .map(({ q }) => q);
}

export function triage(ctx: TriageContext): { triage: Triage; questions: RedFlagQuestion[] } {
  const current = evaluate(ctx, ctx.answers ?? {});
  const m = messages[ctx.lang];
  return {
    triage: {
      level: current.level,
      label: m.levels[current.level],
      action: m.actions[current.level],
      wordsLevel: current.wordsLevel,
      reasons: current.reasons,
    },
    questions: openQuestions(ctx, current),
  };
}

/** The level the words and answers alone ask for: what `dermedge triage-eval` measures. */
export function wordsLevel(parsed: ParsedText, answers: Answers = {}, lang: Lang = "en"): TriageLevel {
  const facts = buildFacts(parsed, [], answers, answerEffects(lang));
  const flags = RED_FLAG_RULE_DEFS.map((r) => r.evaluate(facts)?.level).filter((l): l is TriageLevel => !!l);
  const persistent: TriageLevel[] =
    parsed.durationDays !== null && parsed.durationDays >= PERSISTENT_DAYS ? ["doctor"] : [];
  return maxLevel([...persistent, ...flags]);
}
