/**
 * Reads the patient's words: which vocabulary symptoms are mentioned, which are negated, how long, how old.
 *
 * Negation: a mention is negated when a negator ("no", "not", "never", "without", "...n't"; 不, 没(有), 无,
 * 未, 并非) comes before it in the same clause, with at most 2 English words or 3 Chinese characters in
 * between ("not very itchy", "一点也不痒", "没有明显发烧"). Clauses end at punctuation and at "but", "and",
 * 但(是), 不过, 就是 ... so "no fever but it itches" keeps the itch. Negators inside a symptom phrase
 * ("can't breathe", "喘不过气", "doesn't heal") belong to that phrase and negate nothing.
 * When unsure we keep the symptom: a missed negation over-warns, a false one could hide a red flag.
 */
import { parseAge, parseDurations } from "./durations";
import type { ParsedText, SymptomMention } from "./types";
import { type SymptomId, vocabulary } from "./vocabulary";

const patterns = vocabulary.flatMap((v) => [
  { id: v.id as SymptomId, regex: new RegExp(`\\b(?:${v.en})\\b`, "gi") },
  { id: v.id as SymptomId, regex: new RegExp(v.zh, "g") },
]);

// "can't stop scratching" and "can't help scratching" still itch.
const EN_NEGATOR = /\b(?:no|not|never|without|nor|neither|non|none|cannot|\w+n't)\b(?!\s+(?:stop|help)\b)/gi;
// Excludes 是不是/有没有 (questions), 忍不住/止不住 (can't help), 不停/不断 (keeps), 不知 (unsure),
// 不过 (but), 受不了 (unbearable), 无法 (unable), 未来 (future).
const ZH_NEGATOR =
  /(?<![是忍止差对要好])不(?![停断了知过少住行得])|(?<!有)没有?|无(?!法|缘|故)|未(?!来)|并非/g;
const CLAUSE_BREAK =
  /[.,;:!?\n。、]|\b(?:but|however|although|though|and|yet|except|whereas)\b|但是?|不过|可是|而是|就是|只是|然而|却/i;
const MAX_EN_WORDS_BETWEEN = 2;
const MAX_ZH_CHARS_BETWEEN = 3;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Folds full-width forms (NFKC) and curly apostrophes, so "３天" and "don’t" read like "3天" and "don't". */
function normaliseText(text: string): string {
  return text.normalize("NFKC").replace(/[\u2018\u2019]/g, "'");
}

function spans(regex: RegExp, text: string): Span[] {
  return [...text.matchAll(regex)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function isNegated(text: string, at: Span, negators: readonly (Span & { zh: boolean })[]): boolean {
  return negators.some((n) => {
    if (n.end > at.start) return false;
    const between = text.slice(n.end, at.start);
    if (CLAUSE_BREAK.test(between)) return false;
    if (n.zh) return between.trim().length <= MAX_ZH_CHARS_BETWEEN;
    return (between.match(/[\p{L}\p{N}']+/gu) ?? []).length <= MAX_EN_WORDS_BETWEEN;
  });
}

export function parseText(raw: string): ParsedText {
  const text = normaliseText(raw);
  const matches = patterns.flatMap(({ id, regex }) =>
    [...text.matchAll(regex)].map((m) => ({ id, text: m[0], start: m.index, end: m.index + m[0].length })),
  );
  const insideAMatch = (s: Span) => matches.some((m) => s.start >= m.start && s.end <= m.end);
  const negators = [
    ...spans(EN_NEGATOR, text).map((s) => ({ ...s, zh: false })),
    ...spans(ZH_NEGATOR, text).map((s) => ({ ...s, zh: true })),
  ].filter((s) => !insideAMatch(s));

  const byId = new Map<SymptomId, { first: number; words: string[]; negated: boolean }>();
  for (const m of matches) {
    const negated = isNegated(text, m, negators);
    const seen = byId.get(m.id);
    if (!seen) byId.set(m.id, { first: m.start, words: [m.text], negated });
    else {
      seen.first = Math.min(seen.first, m.start);
      if (!seen.words.includes(m.text)) seen.words.push(m.text);
      seen.negated &&= negated;
    }
  }
  const mentions: SymptomMention[] = [...byId.entries()]
    .sort(([, a], [, b]) => a.first - b.first)
    .map(([id, { words, negated }]) => ({ id, negated, words }));

  const durations = parseDurations(text);
  return {
    mentions,
    durations,
    durationDays: durations.length ? Math.max(...durations.map((d) => d.days)) : null,
    ageYears: parseAge(text),
  };
}

/** The symptoms the patient reports having (mentioned and not negated). */
export function presentSymptoms(parsed: ParsedText): ReadonlySet<SymptomId> {
  return new Set(parsed.mentions.filter((m) => !m.negated).map((m) => m.id));
}
