/** How long, and how old: durations ("3 days", "两周") and the patient's age ("45 years old", "45岁"). */
import type { Duration } from "./types";

const DAYS_PER_UNIT: Readonly<Record<string, number>> = {
  hour: 1 / 24,
  day: 1,
  week: 7,
  fortnight: 14,
  month: 30,
  year: 365,
  小时: 1 / 24,
  天: 1,
  周: 7,
  星期: 7,
  礼拜: 7,
  月: 30,
  年: 365,
};

// "a few" and "几" are read as 3: the rules only ask "two weeks or more?", which a vague count rarely decides.
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
  few: 3,
  "a few": 3,
  several: 3,
  couple: 2,
  "a couple": 2,
  "couple of": 2,
  "a couple of": 2,
};

const EN_DURATION =
  /\b(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a )?few|several|(?:a )?couple(?: of)?)[\s-]*(hour|day|week|fortnight|month|year)s?\b(?![\s-]*old)/gi;
const EN_RELATIVE: readonly [RegExp, number][] = [
  [/\b(?:yesterday|last night)\b/gi, 1],
  [/\b(?:today|this morning|tonight)\b/gi, 0],
  [/\blast week\b/gi, 7],
  [/\blast month\b/gi, 30],
  [/\blast year\b/gi, 365],
];

const ZH_NUMERAL = "[\\d.]+|[零〇一二两三四五六七八九十百半几]+";
const ZH_DURATION = new RegExp(
  `(${ZH_NUMERAL})\\s*(个)?\\s*多?\\s*(个)?\\s*(小时|天|周|星期|礼拜|月|年)`,
  "g",
);
const ZH_RELATIVE: readonly [RegExp, number][] = [
  [/昨天|昨晚/g, 1],
  [/前天/g, 2],
  [/今天|今早|今晚/g, 0],
  [/上周|上个?星期|上个?礼拜/g, 7],
  [/上个月/g, 30],
  [/去年/g, 365],
];

const EN_AGE = [
  /\b(\d{1,3})[\s-]*(?:years?|yrs?)[\s-]*old\b/i,
  /\b(\d{1,3})\s*(?:yo|y\/o)\b/i,
  /\b(?:i'm|i am|aged?)\s+(\d{1,3})\b(?![\s-]*(?:hours?|days?|weeks?|months?|years?|kg|cm|lbs?|%))/i,
];
const ZH_AGE = new RegExp(`(${ZH_NUMERAL})\\s*周?岁`);

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

/** Arabic digits or a Chinese numeral up to the hundreds ("十五", "二十几", "半"). */
export function parseChineseNumber(s: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (s === "半") return 0.5;
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

export function parseDurations(text: string): Duration[] {
  const found: Duration[] = [];
  for (const m of text.matchAll(EN_DURATION)) {
    const count = EN_NUMBERS[m[1].toLowerCase().replace(/\s+/g, " ")] ?? Number(m[1]);
    const days = count * DAYS_PER_UNIT[m[2].toLowerCase()];
    if (m[2].toLowerCase() !== "year" || count <= MAX_YEARS) found.push({ text: m[0], days });
  }
  for (const m of text.matchAll(ZH_DURATION)) {
    const [whole, numeral, ge1, ge2, unit] = m;
    const count = parseChineseNumber(numeral);
    // "3月" is March; a month count needs 个 ("三个月") unless it is 半月.
    if (count === null || (unit === "月" && !ge1 && !ge2 && numeral !== "半")) continue;
    if (unit === "年" && count > MAX_YEARS) continue;
    found.push({ text: whole, days: count * DAYS_PER_UNIT[unit] });
  }
  for (const [pattern, days] of [...EN_RELATIVE, ...ZH_RELATIVE]) {
    for (const m of text.matchAll(pattern)) found.push({ text: m[0], days });
  }
  return found;
}

export function parseAge(text: string): number | null {
  for (const pattern of EN_AGE) {
    const m = pattern.exec(text);
    if (m && Number(m[1]) <= MAX_YEARS) return Number(m[1]);
  }
  const zh = ZH_AGE.exec(text);
  const years = zh ? parseChineseNumber(zh[1]) : null;
  return years !== null && years <= MAX_YEARS ? years : null;
}
