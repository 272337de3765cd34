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
 * With no usable photo and no red flag (the safe default):
 *   benign_pattern   the words match a benign, self-limiting pattern (rules.ts) with nothing open that makes
 *                    it more -> self_care, with what would make it urgent
 *   unrecognised     anything else, words we did not recognise included -> doctor: self-care is a claim that a
 *                    problem is benign, never what a patient gets when we understood nothing
 * Questions (questions.ts): the core checklist while the words leave it open, its follow-ups, and each relevant
 * red-flag question whose "yes" would raise the level.
 */
import { catalogueEntry } from "./catalogue";
import type { ClinicalConfig } from "./config";
import { buildFacts, type Facts } from "./facts";
import { levelRank, maxLevel } from "./levels";
import { formatPercent, messages } from "./messages";
import { answerEffects, QUESTIONS } from "./questions";
import { benignMatches, fireRules } from "./rule-engine";
import { GROUPS } from "./rules";
import type {
  Answers,
  AssessmentStatus,
  Finding,
  Lang,
  ParsedText,
  RedFlagQuestion,
  Triage,
  TriageLevel,
  TriageReason,
} from "./types";

export interface TriageContext {
  readonly status: AssessmentStatus;
  /** Ranked findings; empty when a gate failed. */
  readonly findings: readonly Finding[];
  readonly parsed: ParsedText;
  readonly answers?: Answers;
  readonly config: ClinicalConfig;
  readonly lang: Lang;
  /** The patient's words as written (to tell "nothing described" from "not recognised"). */
  readonly text?: string;
}

/** Red-flag questions listed at most, most urgent first (the core checklist and follow-ups come first). */
const MAX_RED_FLAG_QUESTIONS = 5;
/** A skin problem lasting this long should be checked (NHS: see a GP about a rash that has not gone away). */
const PERSISTENT_DAYS = 28;

/** Findings close enough to the top to act on: the top K by either ranking, with a non-trivial score. */
function topFindings(ctx: TriageContext): Finding[] {
  const { reviewTopK, reviewProbability } = ctx.config;
  return ctx.findings.filter(
    (f) =>
      (f.rank <= reviewTopK || f.imageRank <= reviewTopK) &&
      Math.max(f.probability, f.imageProbability) >= reviewProbability,
  );
}

function factsOf(ctx: TriageContext, top: readonly Finding[], answers: Answers): Facts {
  return buildFacts(ctx.parsed, top, answers, answerEffects(ctx.lang), GROUPS);
}

function redFlags(facts: Facts, lang: Lang): TriageReason[] {
  const m = messages[lang];
  return fireRules(facts).map((fired) => {
    const said = [...new Set(facts.words(fired.concepts))];
    const triggers = [...said, ...facts.findingNames(fired.findings)];
    const message = fired.rule.message[lang] + (said.length ? m.youMentioned(said) : "");
    return {
      rule: fired.rule.id as TriageReason["rule"],
      level: fired.level,
      message,
      triggers,
      source: fired.rule.sources.join("; "),
    };
  });
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

/** Reasons that need no photo: a long-lasting problem, and the safe default when nothing raised the level. */
function wordsOnlyRules(ctx: TriageContext, facts: Facts, flags: readonly TriageReason[]): TriageReason[] {
  const text = messages[ctx.lang].reasons;
  const days = ctx.parsed.durationDays;
  if (ctx.status === "ok" || ctx.status === "uncertain") return [];
  const reasons: TriageReason[] = [];
  if (days !== null && days >= PERSISTENT_DAYS) {
    const lasting = ctx.parsed.durations.filter((d) => d.days >= PERSISTENT_DAYS).map((d) => d.text);
    reasons.push({
      rule: "persistent",
      level: "doctor",
      message: text.persistentWords(Math.round(days)),
      triggers: lasting,
      source: "NHS Rashes in adults",
    });
  }
  if (flags.length > 0 || reasons.length > 0) return reasons;
  const benign = benignMatches(facts);
  if (benign.length > 0) {
    const names = benign.map((p) => p.name[ctx.lang]);
    return [
      {
        rule: "benign_pattern",
        level: "self_care",
        message: text.benignPattern(names),
        triggers: names,
        source: [...new Set(benign.flatMap((p) => p.sources))].join("; "),
      },
    ];
  }
  const described = ctx.parsed.mentions.length > 0 || (ctx.text ?? "").trim().length > 0;
  return [
    {
      rule: "unrecognised",
      level: "doctor",
      message: described ? text.unrecognisedWords : text.unrecognisedNoWords,
      triggers: [],
      source: null,
    },
  ];
}

interface Evaluation {
  readonly level: TriageLevel;
  readonly wordsLevel: TriageLevel;
  readonly reasons: TriageReason[];
}

function evaluate(ctx: TriageContext, answers: Answers): Evaluation {
  const top = topFindings(ctx);
  const facts = factsOf(ctx, top, answers);
  const flags = redFlags(facts, ctx.lang);
  const wordsFlags = redFlags(factsOf(ctx, [], answers), ctx.lang);
  const reasons = [...flags, ...rankingRules(ctx, top), ...wordsOnlyRules(ctx, facts, flags)].sort(
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

/**
 * The questions still open: the core checklist while the words leave an item open, the follow-ups that an
 * answer or the words opened, and the relevant red-flag questions whose "yes" would raise the level.
 */
function openQuestions(ctx: TriageContext, current: Evaluation): RedFlagQuestion[] {
  const answers = ctx.answers ?? {};
  const facts = factsOf(ctx, topFindings(ctx), answers);
  const intake: RedFlagQuestion[] = [];
  const redFlags: RedFlagQuestion[] = [];
  for (const q of QUESTIONS) {
    if (Object.hasOwn(answers, q.id) || facts.mentioned(q.yes) || facts.holds(q.yes) || !q.relevant(facts))
      continue;
    const raisesTo = evaluate(ctx, { ...answers, [q.id]: "yes" }).level;
    const text = (facts.holds("child") && q.child ? q.child : q.text)[ctx.lang];
    const question = { id: q.id, kind: q.kind, text, raisesTo };
    if (q.kind !== "red_flag") intake.push(question);
    else if (levelRank(raisesTo) > levelRank(current.level)) redFlags.push(question);
  }
  const urgentFirst = redFlags
    .map((q, order) => ({ q, order }))
    .sort((a, b) => levelRank(b.q.raisesTo) - levelRank(a.q.raisesTo) || a.order - b.order)
    .slice(0, MAX_RED_FLAG_QUESTIONS)
    .map(({ q }) => q);
  return [...intake, ...urgentFirst];
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
