import { describe, expect, it } from "vitest";
import { catalogue, QUESTIONS, RULES, SOURCES, TRIAGE_LEVELS } from "../../src/clinical";
import { messages } from "../../src/clinical/messages";
import { vocabulary } from "../../src/clinical/vocabulary";

/** Every string a patient can read, in one language (functions called with sample arguments). */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") {
    try {
      return strings(value("X", "10%", 30, 14));
    } catch {
      return strings(value(["X", "Y"]));
    }
  }
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

const patientText = (lang: "en" | "zh") => [
  ...strings(messages[lang]),
  ...catalogue.flatMap((e) => [e.name[lang], e.advice[lang]]),
  ...QUESTIONS.flatMap((q) => [q.text[lang], q.label[lang], ...(q.child ? [q.child[lang]] : [])]),
  ...RULES.map((r) => r.message[lang]),
  ...vocabulary.map((v) => v.name[lang]),
];

describe("patient-facing text", () => {
  it("has a message for every red-flag rule, and every rule cites its guidance", () => {
    for (const r of RULES) {
      expect(r.sources.join("; "), r.id).toMatch(/NICE|NHS|NHC|RCOG|AAD|DermNet/);
      for (const source of r.sources) expect(Object.hasOwn(SOURCES, source), source).toBe(true);
      expect(r.message.en.length).toBeGreaterThan(20);
      expect(r.message.zh).toMatch(/\p{Script=Han}/u);
    }
  });

  it("gives each level one time frame, in its action line", () => {
    const frames = {
      en: ["", "in the next few weeks", "within 2 to 3 days", "today", "now"],
      zh: ["", "几周内", "2到3天内", "今天", "立即拨打120"],
    };
    for (const lang of ["en", "zh"] as const) {
      TRIAGE_LEVELS.forEach((level, i) => {
        expect(messages[lang].actions[level]).toContain(frames[lang][i]);
      });
    }
  });

  it("never uses a vague or conflicting time frame (English)", () => {
    for (const text of patientText("en")) {
      expect(text).not.toMatch(
        /\b(?:soon|sooner|promptly|urgently|immediately|at once|straight away|right away|as soon as possible|asap|today or tomorrow|within (?:a|one|24|48) (?:day|hours?))\b/i,
      );
      expect(text.replace(/urgent care centre/g, "")).not.toMatch(/\burgent\b/i);
      // A neutral emergency number in English; 120 is for the Chinese answer.
      expect(text).not.toMatch(/\b120\b/);
      if (/emergency number/.test(text))
        expect(text).toMatch(/emergency number(?: now)? \(112, 911 or 999\)/);
    }
  });

  it("never uses a vague or conflicting time frame (Chinese)", () => {
    for (const text of patientText("zh")) {
      expect(text).not.toMatch(/尽快|尽早|及时|马上|立刻|当天|今明|一两天内|24小时内/);
      expect(text.replace(/立即(?:拨打120|使用)/g, "")).not.toMatch(/立即/);
      expect(text.replace(/立即拨打120/g, "")).not.toMatch(/120/);
    }
  });

  it("reads naturally in Chinese: 您, no diagnostic 符合, no 发热 for warm skin, no nested brackets", () => {
    for (const text of patientText("zh")) {
      expect(text).not.toMatch(/你/);
      expect(text).not.toMatch(/符合/);
      expect(text).not.toMatch(/发热/);
      expect(text).not.toMatch(/（[^）]*（/);
      expect(text).not.toMatch(/最可能/);
      expect(text).not.toMatch(/自我护理|全科医生|当面检查/);
    }
  });

  it("points to care in mainland China in Chinese, and stays neutral in English", () => {
    expect(messages.zh.actions.doctor).toMatch(/医院皮肤科|社区医院/);
    expect(messages.zh.actions.emergency).toMatch(/120.*急诊/);
    expect(messages.en.actions.emergency).toMatch(/112, 911 or 999/);
    expect(messages.en.disclaimer).not.toMatch(/China|120/);
  });
});
