import { describe, expect, it } from "vitest";
import { parseText } from "../../src/clinical";
import { parseChineseNumber } from "../../src/clinical/durations";
import { presentSymptoms } from "../../src/clinical/symptoms";
import { correctTypo, prepareText, withinOneEdit } from "../../src/clinical/text";
import { TYPO_GUARD } from "../../src/clinical/typo-guard";

const present = (text: string) => [...presentSymptoms(parseText(text))].sort();
const negated = (text: string) =>
  parseText(text)
    .mentions.filter((m) => m.negated)
    .map((m) => m.id)
    .sort();
const has = (text: string, id: string) => present(text).includes(id as never);

describe("symptom vocabulary", () => {
  it.each([
    ["it itches and keeps spreading", ["itch", "spreading"]],
    ["这个痣最近变大了", ["mole", "size_change"]],
    ["red, hot to the touch and oozing pus", ["oozing", "pus", "redness", "warmth"]],
    ["起了很多水泡，还结痂了", ["blisters", "crusting", "rash"]],
    ["喘不过气", ["breathing_difficulty"]],
    ["a blister near my eye", ["blisters", "near_eye"]],
    ["started a new medication last week", ["new_medicine"]],
    ["吃了海鲜以后全身起风团", ["hives_word", "new_food", "rash", "wheals", "widespread"]],
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
    expect(present("孩子出水痘了")).toEqual(["chickenpox_word", "child"]);
    expect(present("I used salicylic acid on my acne")).toEqual([]);
    expect(present("itchy hives")).not.toContain("immunosuppressed");
    expect(present("a faint pink mark")).not.toContain("faint");
    expect(present("I'm confused about whether it's eczema")).not.toContain("drowsy");
    expect(present("my baby oil makes it itchy")).not.toContain("infant");
  });

  it("reads swelling by site, with coordinated parts", () => {
    expect(present("swollen face and tongue")).toEqual(
      expect.arrayContaining(["airway_swelling", "face_swelling"]),
    );
    expect(present("my lips, tongue and throat are swelling")).toEqual(
      expect.arrayContaining(["airway_swelling", "lip_swelling"]),
    );
    expect(present("眼睛和嘴巴都肿")).toEqual(expect.arrayContaining(["lip_swelling", "eye_swelling"]));
    expect(present("眼睛和嘴巴都肿")).not.toContain("airway_swelling");
    expect(present("嘴唇和舌头都肿起来了")).toEqual(
      expect.arrayContaining(["airway_swelling", "lip_swelling"]),
    );
    // English mixed into Chinese, and Cantonese.
    expect(present("face就肿了")).toContain("face_swelling");
    expect(present("我的lips肿起来")).toContain("lip_swelling");
    expect(present("my eyelids are puffy")).toContain("eye_swelling");
    expect(present("my eyelids are puffy")).not.toContain("airway_swelling");
  });

  it("knows the everyday words for the airway and breathing signs", () => {
    expect(present("my throat feels like its closing")).toContain("throat_tightness");
    expect(present("嗓子眼发紧")).toContain("throat_tightness");
    expect(present("说话声音都变了")).toContain("hoarse_voice");
    expect(present("my voice sounds croaky")).toContain("hoarse_voice");
    expect(present("can't breath")).toContain("breathing_difficulty");
    expect(present("憋得慌，胸闷")).toContain("breathing_difficulty");
    expect(present("咽不下去")).toContain("swallowing_difficulty");
  });
});

describe("text preparation", () => {
  it("restores missing apostrophes", () => {
    expect(prepareText("I dont have it, cant say, doesnt hurt, havent").text).toBe(
      "i don't have it, can't say, doesn't hurt, haven't",
    );
  });

  it("corrects one-letter typos on vocabulary words of 5+ letters, and quotes what was written", () => {
    const p = prepareText("my lip is swolen and blistres on my tounge");
    expect(p.text).toBe("my lip is swollen and blisters on my tongue");
    expect(p.corrections).toEqual([
      { from: "swolen", to: "swollen" },
      { from: "blistres", to: "blisters" },
      { from: "tounge", to: "tongue" },
    ]);
    expect(parseText("my lip is swolen").mentions.find((m) => m.id === "lip_swelling")?.words).toEqual([
      "my lip is swolen",
    ]);
  });

  it("never corrects a common English word into a vocabulary word", () => {
    for (const word of ["fewer", "dress", "threat", "breeding", "never", "does", "lever"]) {
      expect(correctTypo(word)).toBeNull();
    }
    expect(present("fewer wet nappies")).not.toContain("fever");
    expect(present("a new dress")).not.toContain("non_blanching");
    expect(TYPO_GUARD.has("fewer")).toBe(false); // "fewer" is a vocabulary word itself
    expect(TYPO_GUARD.has("dress")).toBe(true);
  });

  it("counts one substitution, insertion, deletion or swap as one edit", () => {
    expect(withinOneEdit("fever", "fevr")).toBe(true);
    expect(withinOneEdit("fever", "feverr")).toBe(true);
    expect(withinOneEdit("fever", "fecer")).toBe(true);
    expect(withinOneEdit("fever", "fveer")).toBe(true);
    expect(withinOneEdit("fever", "fvere")).toBe(false);
    expect(withinOneEdit("fever", "fever")).toBe(false);
  });

  it("quotes the patient's whole Chinese phrase, not the pattern's fragment", () => {
    expect(parseText("手上起了疹子").mentions.find((m) => m.id === "rash")?.words).toEqual(["起了疹子"]);
  });

  it("reads Cantonese as Hong Kong patients type it", () => {
    expect(negated("嘴唇都冇腫")).toContain("swelling");
    expect(present("嘴唇都冇腫")).not.toContain("lip_swelling");
    expect(negated("唔發燒")).toContain("fever");
    expect(present("成身好痕")).toEqual(expect.arrayContaining(["itch", "widespread"]));
    expect(present("手臂有條疤痕")).not.toContain("itch");
    expect(present("BB出疹")).toEqual(expect.arrayContaining(["infant", "rash"]));
    expect(present("透唔到氣")).toContain("breathing_difficulty");
  });

  it("folds traditional characters and full-width forms", () => {
    expect(present("嘴唇腫了，呼吸困難")).toEqual(
      expect.arrayContaining(["lip_swelling", "breathing_difficulty"]),
    );
    expect(present("發燒")).toContain("fever");
    expect(parseText("３天").durationDays).toBe(3);
    expect(present("it doesn’t itch")).toEqual([]);
  });
});

describe("negation", () => {
  it.each([
    ["not itchy", ["itch"], []],
    ["no fever", ["fever"], []],
    ["it doesn't itch or hurt", ["itch", "pain"], []],
    ["not really painful", ["pain"], []],
    ["non-itchy rash", ["itch"], ["rash"]],
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

  it("reaches over a list closed by or/nor, and over Chinese lists", () => {
    expect(negated("no pain, swelling or fever")).toEqual(["fever", "pain", "swelling"]);
    expect(negated("without fever or chills")).toEqual(["fever"]);
    expect(negated("neither itchy nor painful")).toEqual(["itch", "pain"]);
    expect(negated("没有发烧、肿胀或者疼痛")).toEqual(["fever", "pain", "swelling"]);
    expect(negated("没有红肿和发烧")).toEqual(expect.arrayContaining(["fever", "redness"]));
  });

  it("does not reach over a list closed by 'and', which could be a new clause", () => {
    expect(present("no fever, spreading and red")).toEqual(expect.arrayContaining(["spreading", "redness"]));
  });

  it("hears a negation after the word, and absence phrases", () => {
    expect(negated("肿倒是不肿")).toEqual(["swelling"]);
    expect(present("肿倒是不肿")).toEqual([]);
    expect(negated("发烧没有，就是手上脱皮")).toContain("fever");
    expect(negated("烧倒是没烧")).toContain("fever");
    expect(negated("fever: no")).toEqual(["fever"]);
    expect(negated("afebrile")).toEqual(["fever"]);
    expect(negated("my lips are fine")).toContain("lip_swelling");
    expect(negated("no trouble breathing, voice normal")).toEqual(
      expect.arrayContaining(["breathing_difficulty", "hoarse_voice"]),
    );
    expect(negated("breathing is normal")).toContain("breathing_difficulty");
    expect(negated("体温正常")).toContain("fever");
    expect(negated("denies trouble breathing")).toContain("breathing_difficulty");
    expect(negated("I dont have any difficulty swallowing, just a rash")).toContain("swallowing_difficulty");
    expect(negated("it fades when I press a glass on it")).toContain("non_blanching");
  });

  it("does not read time phrases as negators", () => {
    expect(present("没多久就蔓延开了")).toEqual(expect.arrayContaining(["spreading", "rapid_spread"]));
    expect(present("不到一天就扩散到整条腿")).toEqual(expect.arrayContaining(["spreading", "rapid_spread"]));
    expect(present("it spread all over before long")).toContain("spreading");
    expect(present("in no time it was spreading")).toContain("spreading");
    expect(present("高烧不退还起了疹子")).toEqual(expect.arrayContaining(["fever", "rash"]));
    expect(present("有点不舒服，发烧")).toContain("fever");
  });

  it("does not let a negator inside a sign's own phrase negate it or its neighbours", () => {
    expect(present("I can't breathe")).toEqual(["breathing_difficulty"]);
    expect(present("it doesn't heal and bleeds")).toEqual(["bleeding", "non_healing"]);
    expect(present("喘不过气")).toEqual(["breathing_difficulty"]);
    expect(present("时有时无很痒")).toEqual(["itch", "wheals"]);
    expect(present("the spots don't fade when I press a glass on them")).toContain("non_blanching");
    expect(present("压了也不褪色")).toContain("non_blanching");
  });

  it("keeps the sign when the words only doubt it (a missed negation over-warns, never hides)", () => {
    expect(present("I don't think it is spreading")).toEqual(["spreading"]);
    expect(present("not sure if she has a fever")).toContain("fever");
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

describe("durations", () => {
  it.each([
    ["for 3 days", 3],
    ["two weeks now", 14],
    ["a few weeks", 21],
    ["about 1.5 months", 45],
    ["since yesterday", 1],
    ["since last week", 7],
    ["6 wks", 42],
    ["3mos", 90],
    ["2 yrs", 730],
    ["two and a half weeks", 17.5],
    ["a week and a half", 10.5],
    ["half a year", 182.5],
    ["for 10d", 10],
    ["for months", 60],
    ["3天了", 3],
    ["两周", 14],
    ["三个星期", 21],
    ["一个多月", 30],
    ["半年", 182.5],
    ["大半年", 273.75],
    ["3个半月", 105],
    ["半个月", 15],
    ["一年半", 547.5],
    ["十几天", 13],
    ["十来天", 10],
    ["三四天", 4],
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
    expect(parsed.durations.map((d) => d.text)).toEqual(["for years", "3 days", "2 years"]);
  });

  it("never reads a date, a pregnancy, an age, diabetes or a medicine as the rash's duration", () => {
    for (const text of [
      "3月份开始的",
      "从2023年开始",
      "a 45-year-old man",
      "I'm 20 weeks pregnant",
      "怀孕20周",
      "孕28周",
      "怀孕五个月",
      "my 6 week old",
      "5个月大的宝宝",
      "宝宝两个月",
      "出生20天",
      "diabetic for 10 years",
      "I've had diabetes for 10 years",
      "糖尿病十年了",
      "on these tablets for 2 weeks",
      "吃了阿莫西林三天后起疹子",
      "10 days after starting amoxicillin",
      "and my lip is swollen",
    ]) {
      expect(parseText(text).durationDays, text).toBeNull();
    }
    expect(parseText("I'm 20 weeks pregnant, itchy for 3 days").durationDays).toBe(3);
    expect(parseText("宝宝3天前开始出疹子").durationDays).toBe(3);
  });
});

describe("ages", () => {
  it.each([
    ["I'm 45 and it itches", 45],
    ["im 45", 45],
    ["a 70-year-old woman", 70],
    ["aged 8", 8],
    ["she's 5", 5],
    ["my son is 4", 4],
    ["Grandma (75) has a rash", 75],
    ["my 6 week old", 0.115],
    ["a 3 month old baby", 0.25],
    ["in her seventies", 75],
    ["我今年六十五岁", 65],
    ["孩子3岁", 3],
    ["七十多岁", 70],
    ["一岁半", 1.5],
    ["5个月大", 0.417],
    ["宝宝两个月", 0.167],
    ["出生20天", 0.055],
    ["宝宝满月了", 0.083],
    ["it itches", null],
    ["I'm 20 weeks pregnant", null],
  ])("%s -> age %s", (text, age) => {
    const parsed = parseText(text).ageYears;
    if (age === null) expect(parsed).toBeNull();
    else expect(parsed).toBeCloseTo(age, 2);
  });

  it("takes the youngest age stated: a parent writing about a baby", () => {
    expect(parseText("I'm 30 and my baby is 6 weeks old").ageYears).toBeCloseTo(0.115, 2);
  });

  it("reads baby words as risk factors, and pregnancy, diabetes and immunosuppression", () => {
    expect(present("newborn with spots")).toContain("under_3_months");
    expect(present("新生儿")).toContain("under_3_months");
    expect(present("my baby")).toContain("infant");
    expect(present("I'm pregnant")).toContain("pregnant");
    expect(present("孕妇")).toContain("pregnant");
    expect(present("type 2 diabetic")).toContain("diabetes");
    expect(present("打胰岛素的")).toContain("diabetes");
    expect(present("on chemo")).toContain("immunosuppressed");
    expect(present("肾移植后")).toContain("immunosuppressed");
  });

  it("reads Chinese numerals", () => {
    expect(parseChineseNumber("十五")).toBe(15);
    expect(parseChineseNumber("二十")).toBe(20);
    expect(parseChineseNumber("三十二")).toBe(32);
    expect(parseChineseNumber("一百零五")).toBe(105);
    expect(parseChineseNumber("两")).toBe(2);
    expect(parseChineseNumber("12")).toBe(12);
    expect(parseChineseNumber("半")).toBe(0.5);
    expect(parseChineseNumber("大半")).toBe(0.75);
    expect(parseChineseNumber("五x")).toBeNull();
  });
});

describe("temperatures", () => {
  it.each([
    ["temp 38", 38],
    ["39.2°C", 39.2],
    ["102F", 38.9],
    ["a fever of 101.5", 38.6],
    ["39.4 fever", 39.4],
    ["烧到38度多", 38.3],
    ["体温39.1", 39.1],
    ["三十九度五", 39.5],
    ["it itches", null],
    ["for 38 days", null],
  ])("%s -> %s °C", (text, celsius) => {
    const t = parseText(text).temperatureC;
    if (celsius === null) expect(t).toBeNull();
    else expect(t).toBeCloseTo(celsius, 1);
  });

  it("reads 38 °C or more as fever and a normal reading as no fever", () => {
    expect(has("temp 38.5", "fever")).toBe(true);
    expect(has("体温39.1", "fever")).toBe(true);
    expect(negated("temperature 36.8")).toContain("fever");
    expect(has("temperature 36.8", "fever")).toBe(false);
    expect(has("37.8", "fever")).toBe(false);
  });
});
