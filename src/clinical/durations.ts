/**
 * Numbers in the patient's words: how long ("3 days", "6 wks", "two and a half weeks", "3个半月", "大半年"),
 * how old ("she's 5", "(75)", "6 weeks old", "5个月大", "七十多岁") and how hot ("39.2°C", "102F", "烧到38度多").
 *
 * A number that belongs to something else is never read as the rash's duration: a pregnancy ("20 weeks
 * pregnant", "孕20周"), an age ("a 3 month old", "宝宝两个月"), how long someone has had diabetes
 * ("diabetic for 10 years", "糖尿病十年了") or has taken a medicine ("on the tablets for 2 weeks").
 */
import type { Duration } from "./types";

const DAYS_PER_UNIT: Readonly<Record<string, number>> = {
  hour: 1 / 24,
  day: 1,
  week: 7,
  fortnight: 14,
  month: 30,
  year: 365,
  小时: 1 / 24,
  钟头: 1 / 24,
  天: 1,
  周: 7,
  星期: 7,
  礼拜: 7,
  月: 30,
  年: 365,
};

/** Abbreviations and plurals -> the unit. */
function enUnit(raw: string): string {
  const u = raw.toLowerCase();
  if (/^(?:hours?|hrs?)$/.test(u)) return "hour";
  if (/^days?$/.test(u)) return "day";
  if (/^(?:weeks?|wks?)$/.test(u)) return "week";
  if (/^fortnights?$/.test(u)) return "fortnight";
  if (/^(?:months?|mos?|mths?)$/.test(u)) return "month";
  return "year";
}

// "a few" and "几" are read as 3: the rules only ask "4 weeks or more?", which a vague count rarely decides.
const EN_NUMBERS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  few: 3,
  "a few": 3,
  several: 3,
  couple: 2,
  "a couple": 2,
  "couple of": 2,
  "a couple of": 2,
};

const EN_COUNT =
  "\\d+(?:\\.\\d+)?\\+?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|(?:a )?few|several|(?:a )?couple(?: of)?";
const EN_UNIT = "hours?|hrs?|days?|weeks?|wks?|fortnights?|months?|mos?|mths?|years?|yrs?";
const EN_DURATION = new RegExp(
  `\\b(${EN_COUNT})(\\s*and a half)?[\\s-]*(${EN_UNIT})\\b(\\s*and a half)?(?![\\s-]*old)`,
  "gi",
);
const EN_HALF = /\bhalf (?:an? )?(hour|day|week|month|year)\b/gi;
/** "3d", "10 d": days, only after digits ("and" is not "an" + "d"). */
const EN_DAYS_SHORT = /\b(\d+)\s*d\b/gi;
const EN_VAGUE: readonly [RegExp, number][] = [
  [/\bfor (?:many |several |a few )?days\b/gi, 3],
  [/\bfor (?:many |several |a few )?weeks\b/gi, 14],
  [/\bfor (?:many |several |a few )?months\b/gi, 60],
  [/\bfor (?:many |several |a few )?years\b/gi, 730],
];
const EN_RELATIVE: readonly [RegExp, number][] = [
  [/\b(?:over|during|in|for) the (?:past|last) year\b/gi, 365],
  [/\b(?:over|during|in|for) the (?:past|last) month\b/gi, 30],
  [/\b(?:yesterday|last night)\b/gi, 1],
  [/\b(?:today|this morning|tonight)\b/gi, 0],
  [/\blast week\b/gi, 7],
  [/\blast month\b/gi, 30],
  [/\blast year\b/gi, 365],
];

const ZH_NUMERAL = "[\\d.]+|[零〇一二两三四五六七八九十百几]+";
const ZH_DURATION = new RegExp(
  `(大半|半|${ZH_NUMERAL})\\s*(来|多|余)?\\s*(个)?\\s*(半|多)?\\s*(个)?\\s*(小时|钟头|天|周|星期|礼拜|月|年)(半)?`,
  "g",
);
const ZH_RELATIVE: readonly [RegExp, number][] = [
  [/昨天|昨晚|昨日/g, 1],
  [/前天/g, 2],
  [/今天|今早|今晚|今日/g, 0],
  [/上周|上个?星期|上个?礼拜/g, 7],
  [/上个月/g, 30],
  [/去年/g, 365],
];

/** A year count above this is a calendar year ("2023年"), not a duration. */
const MAX_YEARS = 120;

const ZH_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  几: 3,
};

/** Arabic digits or a Chinese numeral up to the hundreds ("十五", "二十几", "半"); a range ("三四") is its top. */
export function parseChineseNumber(s: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (s === "半") return 0.5;
  if (s === "大半") return 0.75;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in ZH_DIGITS) current = ZH_DIGITS[ch];
    else if (ch === "十") [total, current] = [total + (current || 1) * 10, 0];
    else if (ch === "百") [total, current] = [total + (current || 1) * 100, 0];
    else return null;
  }
  return total + current;
}

function enCount(raw: string): number {
  const word = raw.toLowerCase().replace(/\s+/g, " ");
  return EN_NUMBERS[word] ?? Number(word.replace("+", ""));
}

interface Span {
  readonly start: number;
  readonly end: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

const NUM = `(?:\\d+(?:\\.\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty)`;
const ZN = `(?:${ZH_NUMERAL})`;
/** Numbers about something other than the rash: pregnancy, diabetes, a medicine. Ages are added by parseAge. */
const CLAIMS: readonly RegExp[] = [
  new RegExp(
    `\\b${NUM}\\+?\\s*(?:weeks?|wks?|months?|mos?)\\s*(?:pregnant|gestation|into (?:my|her|the) pregnancy)`,
    "gi",
  ),
  new RegExp(
    `\\bpregnan(?:t|cy)\\s*(?:for|with|at|,|of)?\\s*(?:about |around |nearly |almost )?${NUM}\\s*(?:weeks?|wks?|months?)`,
    "gi",
  ),
  new RegExp(
    `(?:怀孕|孕|妊娠)(?:已经|了|快|才|刚|都)?(?:满)?${ZN}(?:个)?(?:多|半)?(?:个)?(?:周|星期|月)`,
    "g",
  ),
  new RegExp(`${ZN}(?:个)?(?:多)?(?:周|月)(?:的)?(?:身孕|孕)`, "g"),
  new RegExp(
    `\\b(?:diabet(?:es|ic)|insulin)\\b[^.;!?]{0,25}?\\bfor\\s+(?:about |over |nearly |almost |the last |the past )?${NUM}\\+?\\s*(?:years?|yrs?|months?)`,
    "gi",
  ),
  new RegExp(`\\b${NUM}\\+?\\s*(?:years?|yrs?)\\s*(?:of|with)\\s*(?:type (?:1|2|one|two) )?diabetes`, "gi"),
  new RegExp(`(?:糖尿病|血糖高)(?:史)?(?:已经|有|都)?${ZN}(?:多|来)?(?:个)?(?:年|月)`, "g"),
  new RegExp(`${ZN}(?:多)?年(?:的)?(?:糖尿病|老糖尿病)`, "g"),
  new RegExp(
    `\\b(?:on|taking|took|started|starting|been on|been taking)\\s+(?:\\w+\\s+){0,3}?(?:medicines?|medications?|meds|tablets?|pills?|antibiotics?|drugs?|\\w+(?:cillin|mycin|pine|zole|pril|sartan|statin|olol|inol|gine))\\s+(?:for\\s+)?(?:about\\s+)?${NUM}\\s*(?:days?|weeks?|wks?|months?|years?)`,
    "gi",
  ),
  new RegExp(`(?:吃|服|用)(?:了)?(?:新)?药(?:已经|才|刚)?${ZN}(?:个)?(?:多)?(?:天|周|星期|月|年)`, "g"),
  // Time since a medicine or food, not the rash: "吃了阿莫西林三天后", "10 days after starting amoxicillin".
  new RegExp(
    `(?:吃|服|用|打|输)(?:了|完)?[^\\d，。,、]{0,8}?${ZN}(?:个)?(?:多)?(?:天|周|星期|月)(?:后|以后|之后)`,
    "g",
  ),
  new RegExp(
    `\\b${NUM}\\s*(?:days?|weeks?|wks?|months?)\\s+(?:after|since) (?:starting|taking|i started|beginning|a course of|the new|my new|a new)\\b`,
    "gi",
  ),
];

/**
 * Numbers that are an event's time or a frequency, not the rash's duration: "had chemo 3 weeks ago", "bitten
 * last night", "knee replaced 10 days ago", "a few times a year", "每年都会", "一年几次".
 */
const EVENT = `(?:chemo(?:therapy)?|radiotherapy|surgery|operation|op|replaced|transplant|flight|flew|flying|landed|vaccin\\w*|jab|injection|bitten|bit|stung|scratched|travel\\w*|trip|holiday|gave birth|delivery|born|dyed|camping|hiking)`;
const FREQUENCY_AND_EVENTS: readonly RegExp[] = [
  /\b(?:\w+\s+){0,2}(?:times?|once|twice)\s+(?:a|an|per|every)\s+(?:day|week|month|year)\b/gi,
  /\b(?:every|each|per)\s+(?:day|week|month|year|summer|winter|spring)\b/gi,
  new RegExp(
    `\\b${EVENT}\\b[^.;!?]{0,30}?\\b${NUM}\\s*(?:hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?)\\s+ago\\b`,
    "gi",
  ),
  new RegExp(
    `\\b${NUM}\\s*(?:hours?|hrs?|days?|weeks?|wks?|months?|years?)\\s+(?:ago\\s+)?(?:after|since) (?:my|the|a|his|her|surgery|the op|chemo)\\b`,
    "gi",
  ),
  /\b(?:last night|yesterday|this morning|today|last week)\b(?=[^.;!?]{0,30}\b(?:bit|bitten|stung|scratched|flew|landed|flight|surgery|operation|chemo|dyed)\b)/gi,
  /(?:bit|bitten|stung|scratched|flew|landed|flight|dyed (?:my|her|his) hair)\b[^.;!?]{0,25}?\b(?:last night|yesterday|this morning|last week)\b/gi,
  // How long someone has taken a medicine or smoked, or had a condition: "2 weeks into lamotrigine".
  new RegExp(`\\b${NUM}\\s*(?:days?|weeks?|wks?|months?)\\s+into\\b`, "gi"),
  /\b(?:smoked|smoking|been on \w+|on \w+|taking \w+|had (?:it|diabetes|psoriasis|eczema|asthma))\s+for\s+(?:many |several |a few |\d+ )?(?:years|yrs|months)\b/gi,
  new RegExp(
    `(?:吃|服|用|打)(?:了)?[^\\d，。,]{1,12}?${ZN}(?:个)?(?:多)?(?:天|周|星期|礼拜|月|年)(?:了)`,
    "g",
  ),
  /每(?:年|个月|月|周|星期|天)|一年(?:[几两三四五]|\d+)次|每年(?:都|总)/g,
  new RegExp(
    `(?:化疗|放疗|手术|开刀|打(?:了)?疫苗|被[^，。,]{0,4}(?:咬|蜇|叮|抓)|坐(?:了)?(?:飞机|车)|旅行|出差|吃(?:了)?[^，。,]{0,6}药)[^，。,]{0,6}?${ZN}(?:个)?(?:多)?(?:小时|天|周|星期|礼拜|月|年)(?:前|以前|之前)?`,
    "g",
  ),
];

function claimedSpans(text: string, age: AgeReading | null): Span[] {
  const spans = [...CLAIMS, ...FREQUENCY_AND_EVENTS].flatMap((re) =>
    [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  );
  return age ? [...spans, ...age.spans] : spans;
}

export function parseDurations(text: string, age: AgeReading | null = parseAgeReading(text)): Duration[] {
  const claimed = claimedSpans(text, age);
  const found: (Duration & Span)[] = [];
  const add = (m: RegExpMatchArray, days: number) => {
    const span = { start: m.index!, end: m.index! + m[0].length };
    if (claimed.some((c) => overlaps(c, span))) return;
    if (found.some((f) => overlaps(f, span))) return;
    found.push({ text: m[0], days, ...span });
  };
  for (const m of text.matchAll(EN_HALF)) add(m, 0.5 * DAYS_PER_UNIT[m[1].toLowerCase()]);
  for (const m of text.matchAll(EN_DURATION)) {
    const unit = enUnit(m[3]);
    const count = enCount(m[1]) + (m[2] || m[4] ? 0.5 : 0);
    if (unit !== "year" || count <= MAX_YEARS) add(m, count * DAYS_PER_UNIT[unit]);
  }
  for (const m of text.matchAll(EN_DAYS_SHORT)) add(m, Number(m[1]));
  for (const m of text.matchAll(ZH_DURATION)) {
    const [, numeral, , ge1, half, ge2, unit, trailingHalf] = m;
    let count = parseChineseNumber(numeral);
    // "3月" is March; a month count needs 个 ("三个月") unless it is 半月 / 大半月.
    if (count === null || (unit === "月" && !ge1 && !ge2 && !numeral.endsWith("半"))) continue;
    if (half === "半" || trailingHalf) count += 0.5;
    if (unit === "年" && count > MAX_YEARS) continue;
    add(m, count * DAYS_PER_UNIT[unit]);
  }
  // "day 3" of an illness, "第三天", "第四日": its duration so far.
  for (const m of text.matchAll(/\bday (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b/gi))
    add(m, enCount(m[1]));
  for (const m of text.matchAll(new RegExp(`第(${ZH_NUMERAL})(?:天|日)`, "g"))) {
    const n = parseChineseNumber(m[1]);
    if (n !== null) add(m, n);
  }
  for (const m of text.matchAll(
    new RegExp(`(?<![月\\d])(${ZH_NUMERAL})(?:个)?(?:多)?日(?![\\d期子本常])`, "g"),
  )) {
    const n = parseChineseNumber(m[1]);
    if (n !== null && n <= 60) add(m, n);
  }
  for (const [pattern, days] of [...EN_VAGUE, ...EN_RELATIVE, ...ZH_RELATIVE]) {
    for (const m of text.matchAll(pattern)) add(m, days);
  }
  return found.sort((a, b) => a.start - b.start).map(({ text, days }) => ({ text, days }));
}

// ---- age ------------------------------------------------------------------------------------------

export interface AgeReading {
  /** The youngest age stated (a parent writing about a baby is writing about the baby). */
  readonly years: number;
  readonly text: string;
  /** Every age phrase found: none of them is a duration. */
  readonly spans: readonly Span[];
}

const UNIT_YEARS: Readonly<Record<string, number>> = {
  day: 1 / 365,
  week: 7 / 365,
  month: 1 / 12,
  year: 1,
  hour: 1 / (24 * 365),
  fortnight: 14 / 365,
};
const NOT_AN_AGE =
  "(?![\\d.]|\\s*(?:hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?|kg|cm|lbs?|%|°|º|degrees?|c\\b|f\\b|weeks? pregnant|pregnant))";
const PERSON =
  "(?:she's|he's|she is|he is|they're|they are|(?:my |our )?(?:son|daughter|child|kid|baby|boy|girl|husband|wife|mum|mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|granny|partner|patient|toddler)(?:'s| is)?)";
const DECADES: Readonly<Record<string, number>> = {
  twenties: 20,
  thirties: 30,
  forties: 40,
  fifties: 50,
  sixties: 60,
  seventies: 70,
  eighties: 80,
  nineties: 90,
};

type AgeRule = [RegExp, (m: RegExpMatchArray) => number | null];
const AGE_RULES: readonly AgeRule[] = [
  [
    new RegExp(`\\b(${EN_COUNT})(\\s*and a half)?[\\s-]*(${EN_UNIT})[\\s-]*old\\b`, "gi"),
    (m) => (enCount(m[1]) + (m[2] ? 0.5 : 0)) * UNIT_YEARS[enUnit(m[3])],
  ],
  [/\b(\d{1,3})\s*(?:yo|y\/o|y\.o\.?)(?=\W|$)/gi, (m) => Number(m[1])],
  [new RegExp(`\\baged?\\s+(\\d{1,3})\\b${NOT_AN_AGE}`, "gi"), (m) => Number(m[1])],
  [
    new RegExp(`\\b(?:i'm|i am)\\s+(?:only |just |nearly |almost )?(\\d{1,3})\\b${NOT_AN_AGE}`, "gi"),
    (m) => Number(m[1]),
  ],
  [
    new RegExp(`\\b${PERSON}\\s+(?:only |just |nearly |almost |about )?(\\d{1,3})\\b${NOT_AN_AGE}`, "gi"),
    (m) => Number(m[1]),
  ],
  [/\(\s*(\d{1,3})\s*\)/g, (m) => Number(m[1])],
  [
    new RegExp(
      `(?:\\(\\s*|\\b${PERSON}\\s+)(\\d{1,2})\\s*(months?|mos?|weeks?|wks?|days?)(?:\\s*old)?(?=\\s*\\)|[\\s,.;!?]|$)(?!\\s*(?:ago|of|now|later|pregnant))`,
      "gi",
    ),
    (m) => Number(m[1]) * UNIT_YEARS[enUnit(m[2])],
  ],
  [/\bin (?:my|his|her|their) (\d)0s\b/gi, (m) => Number(m[1]) * 10 + 5],
  [
    /\bin (?:my|his|her|their) (?:early |mid |late )?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi,
    (m) => DECADES[m[1].toLowerCase()] + 5,
  ],
  [new RegExp(`(${ZH_NUMERAL})(?:多|来)?(?:周)?岁(半)?`, "g"), (m) => zh(m[1], m[2] ? 0.5 : 0, 1)],
  [
    new RegExp(
      `(${ZH_NUMERAL}|半)(?:个)?(多|半)?(?:个)?月(?:大|的(?:宝宝|婴儿|孩子|小孩|儿子|女儿|小宝宝))`,
      "g",
    ),
    (m) => zh(m[1], m[2] === "半" ? 0.5 : 0, 1 / 12),
  ],
  [
    new RegExp(
      `(${ZH_NUMERAL})(?:个)?(?:多)?(天|周|星期|礼拜)(?:大|的(?:宝宝|婴儿|孩子|新生儿|小宝宝|bb|baby))`,
      "g",
    ),
    (m) => zh(m[1], 0, m[2] === "天" ? 1 / 365 : 7 / 365),
  ],
  [
    new RegExp(`出生(?:才|刚|不到|还不到|刚满|已经)?(${ZH_NUMERAL})(?:个)?(?:多)?(天|周|星期|月)`, "g"),
    (m) => zh(m[1], 0, m[2] === "天" ? 1 / 365 : m[2] === "月" ? 1 / 12 : 7 / 365),
  ],
  [
    new RegExp(
      `(?:宝宝|婴儿|孩子|小孩|儿子|女儿|闺女|娃|bb|baby|仔|囡)(?:先|才|刚|今年|现在|已经)?(?:满)?(${ZH_NUMERAL})(?:个)?(多|半)?(?:个)?(月|周|礼拜|天)(?![前后以来])`,
      "g",
    ),
    (m) => zh(m[1], m[2] === "半" ? 0.5 : 0, m[3] === "月" ? 1 / 12 : m[3] === "天" ? 1 / 365 : 7 / 365),
  ],
  [/满月|刚满月/g, () => 1 / 12],
  [/百天/g, () => 100 / 365],
  [
    new RegExp(
      `(?:今年|现在)(${ZH_NUMERAL})(?![\\d.]|年|月|天|周|度|点|号|斤|公斤|个|切|些|样|直|下|会|共|般|定|起|次|片|块)`,
      "g",
    ),
    (m) => zh(m[1], 0, 1),
  ],
];

function zh(numeral: string, extra: number, unitYears: number): number | null {
  const n = parseChineseNumber(numeral);
  return n === null ? null : (n + extra) * unitYears;
}

export function parseAgeReading(text: string): AgeReading | null {
  const readings: { years: number; text: string; start: number; end: number }[] = [];
  for (const [re, read] of AGE_RULES) {
    for (const m of text.matchAll(re)) {
      const years = read(m);
      if (years === null || !(years >= 0) || years > MAX_YEARS) continue;
      readings.push({ years, text: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  if (readings.length === 0) return null;
  const youngest = readings.reduce((a, b) => (b.years < a.years ? b : a));
  return { years: youngest.years, text: youngest.text, spans: readings };
}

export function parseAge(text: string): number | null {
  return parseAgeReading(text)?.years ?? null;
}

// ---- temperature ----------------------------------------------------------------------------------

export interface TemperatureReading {
  readonly celsius: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const NOT_A_TEMPERATURE = "(?!\\s*(?:days?|weeks?|hours?|months?|years?|yrs?|mm|cm|kg|lbs?|%|times|spots))";
const EN_TEMPERATURES: readonly RegExp[] = [
  new RegExp(
    `\\b(?:temp(?:erature)?s?|fever|thermometer|reading|running|spiked?|up to|hit|reached|measured|of)\\b\\D{0,12}?(\\d{2,3}(?:\\.\\d+)?)\\s*(?:°|º|degrees?|deg)?\\s*(c|f|celsius|fahrenheit)?(?!\\d|\\.\\d)${NOT_A_TEMPERATURE}`,
    "gi",
  ),
  /(\d{2,3}(?:\.\d+)?)\s*(?:°|º|degrees?)\s*(c|f|celsius|fahrenheit)?(?![a-z\d])/gi,
  /(\d{2,3}(?:\.\d+)?)\s*(c|f)?\s+(?=(?:fever|temp(?:erature)?)\b)/gi,
  /\b(\d{2,3}(?:\.\d+)?)\s*(c|f)\b/gi,
  // A bare reading with one decimal in the fever range ("thermometer says 38.2", "探热38.5") is a temperature.
  new RegExp(`(?<![\\d.])(3[5-9]\\.\\d|4[0-2]\\.\\d)(?!\\d|\\.\\d)${NOT_A_TEMPERATURE}`, "g"),
];
const ZH_TEMPERATURES: readonly RegExp[] = [
  /(?:体温|烧到|烧了|发烧|高烧|低烧|温度|量了?(?:一下)?(?:体温)?|腋温|耳温|肛温)[^\d。！？，,]{0,4}?(\d{2}(?:\.\d+)?)\s*(度|°c?)?(多|半)?/gi,
  /(\d{2}(?:\.\d+)?)\s*(?:度|°c)(多|半)?/gi,
];
const ZH_SPELLED_TEMPERATURE = /([三四]十[一二三四五六七八九]?)度(半|[一二三四五六七八九])?/g;

function toCelsius(value: number, unit: string | undefined): number | null {
  const u = unit?.toLowerCase()[0];
  if (u === "f" || (u === undefined && value >= 93 && value <= 110)) {
    const c = ((value - 32) * 5) / 9;
    return c >= 34 && c <= 44 ? c : null;
  }
  return value >= 34 && value <= 44 ? value : null;
}

export function parseTemperatures(text: string): TemperatureReading[] {
  const found: TemperatureReading[] = [];
  const add = (m: RegExpMatchArray, celsius: number | null) => {
    const start = m.index!;
    const end = start + m[0].length;
    if (celsius === null || found.some((f) => f.start < end && start < f.end)) return;
    found.push({ celsius: Math.round(celsius * 10) / 10, text: m[0].trim(), start, end });
  };
  for (const re of EN_TEMPERATURES) for (const m of text.matchAll(re)) add(m, toCelsius(Number(m[1]), m[2]));
  for (const re of ZH_TEMPERATURES) {
    for (const m of text.matchAll(re)) {
      const more = m.at(-1) === "半" ? 0.5 : m.at(-1) === "多" ? 0.3 : 0;
      const value = Number(m[1]);
      add(m, value >= 34 && value <= 44 ? value + more : null);
    }
  }
  for (const m of text.matchAll(ZH_SPELLED_TEMPERATURE)) {
    const whole = parseChineseNumber(m[1]);
    const tenth = m[2] === "半" ? 0.5 : m[2] ? (parseChineseNumber(m[2]) ?? 0) / 10 : 0;
    add(m, whole === null ? null : whole + tenth);
  }
  return found.sort((a, b) => a.start - b.start);
}
