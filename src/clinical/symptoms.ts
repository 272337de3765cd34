/**
 * Reads the patient's words: which vocabulary entries are mentioned, which are negated, how long, how old,
 * how hot. The text is prepared first (text.ts): apostrophes restored, typos corrected, traditional folded.
 *
 * Negation has a scope:
 *   - before the word: a negator ("no", "not", "never", "without", "denies", "...n't"; 不, 没(有), 无, 未, 否认)
 *     negates a mention in the same clause with at most 3 English words or 4 Chinese characters between
 *     ("don't have any difficulty swallowing", "没有明显的发烧"), unless a new clause starts between ("it", "and",
 *     "I", ...). Clauses end at . ; ! ? and at "but", "just", "although", 但(是), 不过, 就是, ....
 *   - over a list: "no pain, swelling or fever", "without fever or chills", "没有发烧、咳嗽或者肿": items joined by
 *     commas count only when the list is closed by "or"/"nor" (a list closed by "and" could be "no fever,
 *     spreading and red", so it is not extended); 、 和 或 join Chinese lists.
 *   - after the word: "肿倒是不肿", "疼是不疼", "发烧没有", "fever: no", "swelling? none".
 *   - absence phrases: "afebrile", "my lips are fine", "breathing is normal", "体温正常", "压一下就褪色".
 * Time phrases are not negators: 没多久, 没过多久, 不一会儿, 不久, 不到一天, "before long", "in no time",
 * "not long after". Doubt is not negation: "not sure if it's spreading", "不知道是不是在扩散" keep the sign.
 * Negators inside a sign's own phrase ("can't breathe", "喘不过气", "doesn't fade when pressed") belong to it.
 * When unsure the sign is kept: a missed negation over-warns, a false one could hide a red flag.
 */
import { type AgeReading, parseAgeReading, parseDurations, parseTemperatures } from "./durations";
import { prepareText } from "./text";
import type { ParsedText, SymptomMention } from "./types";
import { SWELLING_SITES, type SymptomId, siteSwellingSource, vocabulary } from "./vocabulary";

interface Pattern {
  readonly id: SymptomId;
  readonly regex: RegExp;
  readonly zh: boolean;
}

const patterns: readonly Pattern[] = vocabulary.flatMap((v) => [
  { id: v.id as SymptomId, regex: new RegExp(`\\b(?:${v.en})\\b`, "gi"), zh: false },
  { id: v.id as SymptomId, regex: new RegExp(v.zh, "gi"), zh: true },
]);

const absentPatterns: readonly Pattern[] = vocabulary.flatMap((v) => [
  ...("enAbsent" in v
    ? [{ id: v.id as SymptomId, regex: new RegExp(`\\b(?:${v.enAbsent})\\b`, "gi"), zh: false }]
    : []),
  ...("zhAbsent" in v
    ? [{ id: v.id as SymptomId, regex: new RegExp(v.zhAbsent as string, "gi"), zh: true }]
    : []),
]);

const SITE_SWELLING = [
  { regex: new RegExp(`\\b(?:${siteSwellingSource("en")})\\b`, "gi"), zh: false },
  { regex: new RegExp(siteSwellingSource("zh"), "g"), zh: true },
];
const SITE_GROUPS = Object.entries(SWELLING_SITES).map(([id, parts]) => ({
  id: id as SymptomId,
  en: new RegExp(`\\b(?:${parts.en})\\b`, "i"),
  zh: new RegExp(parts.zh),
}));

// Not negators: "can't stop scratching", "doesn't go away", doubt ("not sure", "don't think"), time ("no time").
const EN_NEGATOR =
  /\b(?:no|not|never|without|nor|neither|none|non|cannot|denies|denied|deny|negative for|free of|free from|\w+n't)\b(?!\s+(?:stop|stops|stopped|help|helps|go away|goes away|get better|gets better|improve|improves|improving|seem to|sure|certain|know|think|believe|long\b|later|sooner|time|matter|idea|doubt|only|take long|tell|remember)\b)/gi;
// Excludes 是不是/有没有 (questions), 忍不住/止不住 (can't help), 不停/不断 (keeps), 不知 (unsure), 不过 (but),
// 受不了 (unbearable), 不退/不消/不褪/不见好 (persists), 不久/不一会/不到/没多久/没两天 (time), 不舒服/不适 (unwell),
// 无法 (unable), 未来 (future), 没事 (see absence phrases), 没想到/没办法/没注意.
const ZH_NEGATOR =
  /(?<![是忍止差对要好受得])不(?![停断了知过少住行得退消褪见久舒适一到])|(?<!有)没有?(?!多久|过多久|一会|几天|两天|几个?小时|多长时间|想到|办法|注意|完没了|事)|无(?!法|缘|故|论)|未(?!来)|并非|否认/g;
const HARD_BREAK =
  /[.;!?\n。！？；]|\b(?:but|however|although|though|yet|except|whereas|just|only|apart from|other than|now|then|because|until)\b|但是?|不过|可是|而是|就是|只是|然而|却|现在|后来|然后|结果|因为|所以/i;
/** Words that start a new clause, so a negator before them does not reach past them. */
const CLAUSE_START =
  /\b(?:it|it's|its|i|i'm|i've|he|she|he's|she's|they|they're|we|you|and|also|still|which|that|who)\b/i;
/** Verbs that make a list item a clause of its own ("no fever, skin is spreading or ..."). */
const VERB = /\b(?:is|are|was|were|has|have|had|got|gets|getting|keeps|started|seems|looks|feels)\b/i;
const EN_LIST_SEPARATOR = /\s*,\s*(?:or\s+|nor\s+)?|\s+(?:or|nor)\s+|\s*\/\s*/gi;
const ZH_LIST_JOIN = /、|和|跟|及|以及|或者?|还有|或是/;
const MAX_EN_WORDS_BETWEEN = 3;
const MAX_ZH_CHARS_BETWEEN = 4;

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Match extends Span {
  readonly id: SymptomId;
  readonly zh: boolean;
  /** Stated absent by an absence phrase or a measurement. */
  readonly absent?: boolean;
  /** A measurement (a temperature): never negated by words around it. */
  readonly measured?: boolean;
}

const words = (s: string) => s.match(/[\p{L}\p{N}']+/gu) ?? [];
/** A verb right before a Chinese sign, quoted with it: 起了疹子, 长了个包, 出了血. */
const ZH_QUOTE_VERB = /(?:起了|长了|出了|冒了|起|长|冒)$/;

function negatedBefore(text: string, m: Match, negators: readonly (Span & { zh: boolean })[]): boolean {
  return negators.some((n) => {
    if (n.end > m.start) return false;
    const between = text.slice(n.end, m.start);
    // "non-itchy rash": "non-" negates only the word it is joined to.
    if (!n.zh && text.slice(n.start, n.end).toLowerCase() === "non") return between === "-";
    if (HARD_BREAK.test(between)) return false;
    if (n.zh) {
      if (/[，,]/.test(between)) return false;
      const items = between.split(ZH_LIST_JOIN);
      if (items.length === 1) return between.trim().length <= MAX_ZH_CHARS_BETWEEN;
      return items.every((item) => item.trim().length <= MAX_ZH_CHARS_BETWEEN);
    }
    const items = between.split(EN_LIST_SEPARATOR);
    if (items.length === 1) {
      return words(between).length <= MAX_EN_WORDS_BETWEEN && !CLAUSE_START.test(between);
    }
    // A list: short items, none starting a clause, closed by "or"/"nor" in the list or right after the mention.
    const after = text.slice(m.end, m.end + 40).split(HARD_BREAK)[0];
    const closed = /\b(?:or|nor)\b/i.test(between) || /^\s*(?:,\s*)?(?:or|nor)\b/i.test(after);
    return (
      closed &&
      items.every(
        (item) => words(item).length <= MAX_EN_WORDS_BETWEEN && !CLAUSE_START.test(item) && !VERB.test(item),
      )
    );
  });
}

const ZH_AFTER_REDUPLICATED =
  /^(?:倒是|倒也|倒|是|也|可|就|呢|嘛)?[，,]?(?:一点)?(?:都|也)?(?:不|没有?)(?:怎么|太|啥|什么|很|那么|有)?/;
const ZH_AFTER_NONE = /^(?:倒是?|也|是|呢|嘛)?(?:[?？]\s*)?(?:没有|没|无|不)(?=$|[，。！？,.!?\s吧啊呀的了])/;
const ZH_BEFORE_REDUPLICATED =
  /(\p{Script=Han})(?:倒是|倒也|倒|是|也|可|就|呢|嘛)?[，,]?(?:一点)?(?:都|也)?(?:不|没有?)(?:怎么|太|啥|什么|很|那么|有)?$/u;
const EN_AFTER_NONE = /^\s*(?::|-|—|\?)\s*(?:no|none|nope|negative|nil|not really|absent)\b/i;

/** "肿倒是不肿", "发烧没有", "fever: no". */
function negatedAfter(text: string, m: Match, all: readonly Match[]): boolean {
  const after = text.slice(m.end, m.end + 16);
  if (!m.zh) return EN_AFTER_NONE.test(after);
  if (ZH_AFTER_NONE.test(after)) return true;
  // The second half of "肿倒是不肿": the word repeated after its own negation.
  const before = ZH_BEFORE_REDUPLICATED.exec(text.slice(Math.max(0, m.start - 10), m.start));
  if (before && (before[1] === text[m.start] || before[1] === text[m.end - 1])) return true;
  const redup = ZH_AFTER_REDUPLICATED.exec(after);
  if (!redup?.[0] || !/[不没]/.test(redup[0])) return false;
  const next = m.end + redup[0].length;
  const head = text[m.start];
  const tail = text[m.end - 1];
  return (
    all.some((o) => o.start === next && (o.id === m.id || text[o.start] === head)) ||
    text[next] === head ||
    text[next] === tail
  );
}

function findMatches(text: string): Match[] {
  const matches: Match[] = patterns.flatMap(({ id, regex, zh }) =>
    [...text.matchAll(regex)].map((m) => ({ id, zh, start: m.index, end: m.index + m[0].length })),
  );
  for (const { regex, zh } of SITE_SWELLING) {
    for (const m of text.matchAll(regex)) {
      for (const group of SITE_GROUPS) {
        if ((zh ? group.zh : group.en).test(m[0])) {
          matches.push({ id: group.id, zh, start: m.index, end: m.index + m[0].length });
        }
      }
    }
  }
  return matches;
}

function temperatureMatches(text: string): { matches: Match[]; highest: number | null } {
  const readings = parseTemperatures(text);
  const matches: Match[] = readings
    .filter((r) => r.celsius >= 38 || r.celsius < 37.5)
    .map((r) => ({
      id: "fever",
      zh: false,
      start: r.start,
      end: r.end,
      measured: true,
      absent: r.celsius < 37.5,
    }));
  return { matches, highest: readings.length ? Math.max(...readings.map((r) => r.celsius)) : null };
}

export function parseText(raw: string): ParsedText {
  const prepared = prepareText(raw);
  const { text } = prepared;
  const positive = findMatches(text);
  const absent: Match[] = absentPatterns.flatMap(({ id, regex, zh }) =>
    [...text.matchAll(regex)].map((m) => ({
      id,
      zh,
      start: m.index,
      end: m.index + m[0].length,
      absent: true,
    })),
  );
  const temperatures = temperatureMatches(text);
  const insideAMatch = (s: Span) =>
    [...positive, ...absent].some((m) => s.start >= m.start && s.end <= m.end);
  const spansOf = (regex: RegExp, zh: boolean) =>
    [...text.matchAll(regex)].map((m) => ({ start: m.index, end: m.index + m[0].length, zh }));
  const negators = [...spansOf(EN_NEGATOR, false), ...spansOf(ZH_NEGATOR, true)].filter(
    (s) => !insideAMatch(s),
  );

  const all = [...positive, ...absent, ...temperatures.matches];
  const byId = new Map<SymptomId, { first: number; words: string[]; negated: boolean }>();
  for (const m of all) {
    const negated =
      m.absent === true ||
      (!m.measured && (negatedBefore(text, m, negators) || negatedAfter(text, m, positive)));
    // Chinese: quote the patient's whole phrase ("起了疹子"), not the pattern's fragment ("疹子").
    const verb = m.zh
      ? (ZH_QUOTE_VERB.exec(text.slice(Math.max(0, m.start - 3), m.start))?.[0].length ?? 0)
      : 0;
    const tail = m.zh && text[m.end] === "子" ? 1 : 0;
    const quoted = prepared.quote(m.start - verb, m.end + tail).trim();
    const seen = byId.get(m.id);
    if (!seen) byId.set(m.id, { first: m.start, words: [quoted], negated });
    else {
      seen.first = Math.min(seen.first, m.start);
      if (!seen.words.includes(quoted)) seen.words.push(quoted);
      seen.negated &&= negated;
    }
  }
  const mentions: SymptomMention[] = [...byId.entries()]
    .sort(([, a], [, b]) => a.first - b.first)
    .map(([id, { words, negated }]) => ({ id, negated, words }));

  const age: AgeReading | null = parseAgeReading(text);
  const durations = parseDurations(text, age).map((d) => ({ ...d, text: quoteOf(prepared, text, d.text) }));
  return {
    mentions,
    durations,
    durationDays: durations.length ? Math.max(...durations.map((d) => d.days)) : null,
    ageYears: age ? Math.round(age.years * 1000) / 1000 : null,
    temperatureC: temperatures.highest,
    corrections: prepared.corrections,
  };
}

/** The patient's own words for a phrase found in the prepared text. */
function quoteOf(prepared: ReturnType<typeof prepareText>, text: string, phrase: string): string {
  const at = text.indexOf(phrase);
  return at < 0 ? phrase : prepared.quote(at, at + phrase.length);
}

/** The entries the patient reports having (mentioned and not negated). */
export function presentSymptoms(parsed: ParsedText): ReadonlySet<SymptomId> {
  return new Set(parsed.mentions.filter((m) => !m.negated).map((m) => m.id));
}
