import { describe, expect, it } from "vitest";
import { parseText } from "../../src/clinical";
import { parseChineseNumber } from "../../src/clinical/durations";
import { presentSymptoms } from "../../src/clinical/symptoms";

const present = (text: string) => [...presentSymptoms(parseText(text))].sort();
const negated = (text: string) =>
  parseText(text)
    .mentions.filter((m) => m.negated)
    .map((m) => m.id)
    .sort();

describe("symptom vocabulary", () => {
  it.each([
    ["it itches and keeps spreading", ["itch", "spreading"]],
    ["这个痣最近变大了", ["mole", "size_change"]],
    ["red, hot to the touch and oozing pus", ["oozing", "pus", "redness", "warmth"]],
    ["起了很多水泡，还结痂了", ["blisters", "crusting"]],
    ["my face and lips are swollen", ["face_swelling", "on_lips", "swelling"]],
    ["喘不过气", ["breathing_difficulty"]],
    ["a blister near my eye", ["blisters", "near_eye"]],
    ["started a new medication last week", ["new_medicine"]],
    ["吃了海鲜以后全身起风团", ["new_food", "wheals", "widespread"]],
    ["I can't stop scratching", ["itch"]],
    ["痒得受不了", ["itch"]],
  ])("%s", (text, expected) => {
    expect(present(text)).toEqual([...expected].sort());
  });

  it("keeps the patient's words for each symptom", () => {
    const parsed = parseText("It's itchy. Very ITCHY, and it hurts");
    expect(parsed.mentions.find((m) => m.id === "itch")?.words).toEqual(["itchy", "ITCHY"]);
  });

  it("does not read common phrases as symptoms", () => {
    expect(present("I'll keep an eye on it")).toEqual([]);
    expect(present("I changed my soap")).toEqual([]);
    expect(present("孩子出水痘了")).toEqual([]);
  });
});

describe("negation", () => {
  it.each([
    ["not itchy", ["itch"], []],
    ["no fever", ["fever"], []],
    ["it doesn't itch or hurt", ["itch", "pain"], []],
    ["not really painful", ["pain"], []],
    ["non-itchy rash", ["itch"], []],
    ["not itchy, but it hurts", ["itch"], ["pain"]],
    ["no fever and it's spreading", ["fever"], ["spreading"]],
    ["不痒", ["itch"], []],
    ["没有发烧", ["fever"], []],
    ["不疼也不痒", ["itch", "pain"], []],
    ["一点也不痒", ["itch"], []],
    ["不痒但是很疼", ["itch"], ["pain"]],
    ["不痒，就是疼", ["itch"], ["pain"]],
    ["痣没有变大", ["size_change"], ["mole"]],
  ])("%s", (text, expectedNegated, expectedPresent) => {
    expect(negated(text)).toEqual([...expectedNegated].sort());
    expect(present(text)).toEqual([...expectedPresent].sort());
  });

  it("does not let a negator inside a symptom phrase negate it or its neighbours", () => {
    expect(present("I can't breathe")).toEqual(["breathing_difficulty"]);
    expect(present("it doesn't heal and bleeds")).toEqual(["bleeding", "non_healing"]);
    expect(present("喘不过气")).toEqual(["breathing_difficulty"]);
    expect(present("时有时无很痒")).toEqual(["itch", "wheals"]);
  });

  it("keeps the symptom when the words only doubt it (a missed negation over-warns, never hides)", () => {
    expect(present("I don't think it is spreading")).toEqual(["spreading"]);
    expect(present("不知道是不是在扩散")).toEqual(["spreading"]);
    expect(present("有没有发烧")).toEqual(["fever"]);
  });

  it("counts a symptom as present when any mention is not negated", () => {
    const itch = parseText("not itchy in the morning. Very itchy at night").mentions.find(
      (m) => m.id === "itch",
    );
    expect(itch?.negated).toBe(false);
  });
});

describe("durations and age", () => {
  it.each([
    ["for 3 days", 3],
    ["two weeks now", 14],
    ["a few weeks", 21],
    ["about 1.5 months", 45],
    ["since yesterday", 1],
    ["since last week", 7],
    ["3天了", 3],
    ["两周", 14],
    ["三个星期", 21],
    ["一个多月", 30],
    ["半年", 182.5],
    ["十几天", 13],
    ["好几天", 3],
    ["前天开始", 2],
  ])("%s -> %d days", (text, days) => {
    expect(parseText(text).durationDays).toBeCloseTo(days, 5);
  });

  it("takes the longest of several durations", () => {
    const parsed = parseText(
      "the mole has been there for years, it started bleeding 3 days ago; about 2 years",
    );
    expect(parsed.durationDays).toBe(730);
    expect(parsed.durations.map((d) => d.text)).toEqual(["3 days", "2 years"]);
  });

  it("does not read dates or ages as durations", () => {
    expect(parseText("3月份开始的").durationDays).toBeNull();
    expect(parseText("从2023年开始").durationDays).toBeNull();
    expect(parseText("a 45-year-old man").durationDays).toBeNull();
  });

  it.each([
    ["I'm 45 and it itches", 45],
    ["a 70-year-old woman", 70],
    ["aged 8", 8],
    ["我今年六十五岁", 65],
    ["孩子3岁", 3],
    ["it itches", null],
  ])("%s -> age %s", (text, age) => {
    expect(parseText(text).ageYears).toBe(age);
  });

  it("reads Chinese numerals", () => {
    expect(parseChineseNumber("十五")).toBe(15);
    expect(parseChineseNumber("二十")).toBe(20);
    expect(parseChineseNumber("三十二")).toBe(32);
    expect(parseChineseNumber("一百零五")).toBe(105);
    expect(parseChineseNumber("两")).toBe(2);
    expect(parseChineseNumber("12")).toBe(12);
    expect(parseChineseNumber("半")).toBe(0.5);
    expect(parseChineseNumber("五x")).toBeNull();
  });

  it("folds full-width digits and curly apostrophes", () => {
    expect(parseText("３天").durationDays).toBe(3);
    expect(present("it doesn’t itch")).toEqual([]);
  });
});
