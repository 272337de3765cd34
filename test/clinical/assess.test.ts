import { describe, expect, it } from "vitest";
import {
  type AssessInput,
  assess,
  assessPhotoQuality,
  assessWords,
  CATALOGUE_VERSION,
  catalogue,
} from "../../src/clinical";
import { goodPhoto, greyImage, skinPhoto } from "./fixtures";

const base: AssessInput = {
  imageProbabilities: { eczema: 0.7, psoriasis: 0.2, tinea: 0.1 },
  gateProbabilities: skinPhoto,
  quality: goodPhoto,
};

describe("assess: a clear result", () => {
  it("ranks findings, shows both rankings, triages and advises, with the disclaimer", () => {
    const a = assess({ ...base, text: "it's itchy and dry, not painful" });
    expect(a.catalogueVersion).toBe(CATALOGUE_VERSION);
    expect(a.status).toBe("ok");
    expect(a.gates?.certainty?.passed).toBe(true);
    expect(a.findings.map((f) => f.id)).toEqual(["eczema", "psoriasis", "tinea"]);
    expect(a.findings[0]).toMatchObject({ name: "Eczema (atopic dermatitis)", rank: 1, imageRank: 1 });
    expect(a.findings[0].imageProbability).toBeCloseTo(0.7, 12);
    expect(a.findings[0].probability).not.toBe(a.findings[0].imageProbability);
    expect(a.findings[0].matchedSymptoms).toEqual(["itch", "dryness"]);
    expect(a.symptoms.recognised.map((s) => [s.id, s.negated, s.name])).toEqual([
      ["itch", false, "itching"],
      ["dryness", false, "dry skin"],
      ["pain", true, "pain"],
    ]);
    expect(a.triage.level).toBe("self_care");
    expect(a.summary).toMatch(/^Possible matches: Eczema \(atopic dermatitis\) \(\d+%\), .*not a diagnosis/);
    expect(a.summary).not.toMatch(/Most likely/);
    expect(a.advice[0]).toMatch(/look after this at home/);
    expect(a.advice[1]).toMatch(/^Eczema is common/);
    expect(a.disclaimer).toMatch(/not a diagnosis/);
  });

  it("answers in Chinese when the patient writes Chinese", () => {
    const a = assess({ ...base, text: "很痒，皮肤干燥，三天了", locale: "en-US" });
    expect(a.lang).toBe("zh");
    expect(a.findings[0].name).toBe("湿疹（特应性皮炎）");
    expect(a.summary).toMatch(/^可能的情况：湿疹（\d+%）、/);
    expect(a.summary).not.toMatch(/最可能|符合|（[^）]*（/);
    expect(a.triage.label).toBe("居家护理");
    expect(a.advice.every((line) => /\p{Script=Han}/u.test(line))).toBe(true);
    expect(a.disclaimer).toMatch(/不是诊断.*120/);
    expect(a.symptoms).toMatchObject({
      durationDays: 3,
      recognised: [
        { name: "瘙痒", kind: "symptom" },
        { name: "皮肤干燥", kind: "symptom" },
      ],
    });
  });

  it("follows an explicit lang, then the locale", () => {
    expect(assess({ ...base, text: "很痒", lang: "en" }).lang).toBe("en");
    const zh = assess({ ...base, locale: "zh-CN" });
    expect(zh.lang).toBe("zh");
    expect(zh.disclaimer).toMatch(/初步评估/);
    expect(assess(base).lang).toBe("en");
  });
});

describe("assess: gates", () => {
  it("asks for a better photo, with specific tips, and ranks nothing", () => {
    const dark = assessPhotoQuality(
      greyImage(224, 224, () => 12),
      { originalShortEdge: 160 },
    );
    for (const lang of ["en", "zh"] as const) {
      const a = assess({ ...base, quality: dark, lang });
      expect(a.status).toBe("poor_photo");
      expect(a.findings).toEqual([]);
      expect(a.gates?.certainty).toBeNull();
      // The words (none here) are still triaged: nothing recognised as benign, so never self-care.
      expect(a.triage.level).toBe("doctor");
      expect(a.triage.reasons.map((r) => r.rule)).toEqual(["unrecognised"]);
      expect(a.advice).toEqual([a.triage.action, ...dark.problems.map((p) => p.tip[lang])]);
      expect(a.advice).toHaveLength(3);
    }
    expect(assess({ ...base, quality: dark }).summary).toMatch(/better photo/);
  });

  it("says the photo does not look like skin and ranks nothing", () => {
    const a = assess({ ...base, gateProbabilities: { skin: 0.2, document: 0.7, food: 0.1 } });
    expect(a.status).toBe("not_skin");
    expect(a.findings).toEqual([]);
    expect(a.summary).toBe(
      "This does not look like a photo of skin (it looks more like a document), so no skin conditions were ranked. Your words were still checked for warning signs.",
    );
    expect(a.advice).toHaveLength(2);
    const zh = assess({ ...base, gateProbabilities: { skin: 0.2, animal: 0.8 }, lang: "zh" });
    expect(zh.summary).toMatch(/^这看起来不像皮肤照片（更像动物）/);
    const custom = assess({ ...base, gateProbabilities: { skin: 0.2, "a car": 0.8 } });
    expect(custom.summary).toMatch(/^This does not look like a photo of skin, so/);
  });

  it("checks photo quality before skin", () => {
    const blurry = {
      ...goodPhoto,
      ok: false,
      problems: [{ code: "blurry" as const, tip: { en: "b", zh: "b" } }],
    };
    expect(assess({ ...base, quality: blurry, gateProbabilities: { skin: 0.1, food: 0.9 } }).status).toBe(
      "poor_photo",
    );
  });

  it("calls a weak or close result uncertain and never states one condition as fact", () => {
    const a = assess({
      ...base,
      imageProbabilities: { eczema: 0.3, psoriasis: 0.28, tinea: 0.22, scabies: 0.2 },
    });
    expect(a.status).toBe("uncertain");
    expect(a.gates?.certainty).toMatchObject({ passed: false, topProbability: 0.3 });
    expect(a.findings).toHaveLength(4);
    expect(a.summary).toBe(
      "The result is uncertain: the photo could fit Eczema (atopic dermatitis) (30%), Psoriasis (28%) or Fungal infection (ringworm, tinea) (22%). Please have a clinician look at it.",
    );
    expect(a.summary).not.toMatch(/Most likely/);
    expect(a.triage.level).toBe("doctor");
    expect(a.triage.reasons.map((r) => r.rule)).toEqual(["uncertain"]);
    expect(a.advice[1]).toMatch(/have a doctor look at the skin in person/);
    expect(a.advice.join(" ")).not.toMatch(/Eczema is common/);
    const zh = assess({
      ...base,
      imageProbabilities: { eczema: 0.5, psoriasis: 0.45, tinea: 0.05 },
      lang: "zh",
    });
    expect(zh.summary).toMatch(/^结果不确定：照片可能与湿疹（50%）、银屑病（45%）或/);
  });

  it("lets the patient's words resolve a near tie, within the bound", () => {
    const imageProbabilities = { eczema: 0.45, tinea: 0.4, psoriasis: 0.15 };
    expect(assess({ ...base, imageProbabilities }).status).toBe("uncertain");
    const a = assess({
      ...base,
      imageProbabilities,
      text: "a ring-shaped, scaly patch that keeps spreading",
    });
    expect(a.findings.map((f) => [f.id, f.rank, f.imageRank])).toEqual([
      ["tinea", 1, 2],
      ["eczema", 2, 1],
      ["psoriasis", 3, 3],
    ]);
  });

  it("takes its thresholds from config, and rejects bad config", () => {
    const close = { ...base, imageProbabilities: { eczema: 0.5, psoriasis: 0.4, tinea: 0.1 } };
    expect(assess(close).status).toBe("uncertain");
    expect(assess({ ...close, config: { minMargin: 0.05 } }).status).toBe("ok");
    expect(() => assess({ ...base, config: { symptomWeight: 2 } })).toThrow(RangeError);
    expect(() => assess({ ...base, config: { reviewTopK: 0 } })).toThrow(RangeError);
  });
});

describe("assess: custom labels", () => {
  it("gives a valid answer: no symptom shift, routine triage, general advice", () => {
    const a = assess({
      ...base,
      imageProbabilities: { "a keloid scar": 0.8, "a tattoo": 0.2 },
      text: "itchy and red",
    });
    expect(a.status).toBe("ok");
    expect(a.findings.map((f) => [f.id, f.name, f.probability, f.imageProbability, f.inCatalogue])).toEqual([
      ["a keloid scar", "a keloid scar", 0.8, 0.8, false],
      ["a tattoo", "a tattoo", 0.2, 0.2, false],
    ]);
    expect(a.triage.reasons.map((r) => [r.rule, r.level])).toEqual([["custom_label", "doctor"]]);
    expect(a.advice[1]).toMatch(/no specific advice/);
  });

  it("still applies red flags from the words", () => {
    const a = assess({
      ...base,
      imageProbabilities: { "a keloid scar": 0.8, "a tattoo": 0.2 },
      text: "我的舌头肿了",
    });
    expect(a.triage.level).toBe("emergency");
    expect(a.advice[0]).toMatch(/立即拨打120/);
  });
});

describe("assess: advice a patient can act on", () => {
  it("puts the advice of every possible match that needs to be seen in person first, not only the top one's", () => {
    const a = assess({ ...base, imageProbabilities: { eczema: 0.75, melanoma: 0.15, cellulitis: 0.1 } });
    expect(a.status).toBe("ok");
    expect(a.findings[0].id).toBe("eczema");
    expect(a.advice[0]).toBe(a.triage.action);
    const melanoma = a.advice.findIndex((line) => /melanoma/.test(line));
    const cellulitis = a.advice.findIndex((line) => /Cellulitis is an infection/.test(line));
    const eczema = a.advice.findIndex((line) => /^Eczema is common/.test(line));
    expect(melanoma).toBeGreaterThan(0);
    expect(cellulitis).toBeGreaterThan(0);
    expect(eczema).toBeGreaterThan(Math.max(melanoma, cellulitis));
  });

  it("gives advice for one group (a diabetic foot) only to that group or when it is the top finding", () => {
    const image = { eczema: 0.7, diabetic_foot_ulcer: 0.2, acne: 0.1 };
    const child = assess({ ...base, imageProbabilities: image, text: "my son has a fever and a rash" });
    expect(child.findings.map((f) => f.id)).toContain("diabetic_foot_ulcer");
    const footAdvice = catalogue.find((e) => e.id === "diabetic_foot_ulcer")?.advice.en ?? "";
    expect(child.advice).not.toContain(footAdvice);
    const diabetic = assess({
      ...base,
      imageProbabilities: image,
      text: "I have diabetes, a sore on my heel",
    });
    expect(diabetic.advice).toContain(footAdvice);
  });

  it("offers nothing slower under an emergency's action", () => {
    const a = assess({
      ...base,
      imageProbabilities: { eczema: 0.75, melanoma: 0.15, cellulitis: 0.1 },
      text: "my throat is closing up",
    });
    expect(a.triage.level).toBe("emergency");
    expect(a.advice[0]).toBe(a.triage.action);
    for (const line of a.advice) expect(line).not.toMatch(/within 2 to 3 days|in the next few weeks/);
  });

  it("names the possible matches, never a single 'most likely' one", () => {
    for (const lang of ["en", "zh"] as const) {
      const a = assess({ ...base, lang });
      expect(a.summary).not.toMatch(/most likely|最可能/i);
    }
  });

  it("reports the temperature and every recognised word's kind", () => {
    const a = assess({ ...base, text: "pregnant, temp 38.4, itchy" });
    expect(a.symptoms.temperatureC).toBe(38.4);
    expect(a.symptoms.recognised.find((s) => s.id === "pregnant")?.kind).toBe("risk");
  });
});

describe("assess: every answer carries the disclaimer", () => {
  it.each([
    ["ok", base],
    ["uncertain", { ...base, imageProbabilities: { eczema: 0.3, psoriasis: 0.3, tinea: 0.4 } }],
    ["not_skin", { ...base, gateProbabilities: { skin: 0.1, food: 0.9 } }],
    ["poor_photo", { ...base, quality: { ...goodPhoto, ok: false } }],
  ])("%s", (status, input) => {
    for (const lang of ["en", "zh"] as const) {
      const a = assess({ ...input, lang });
      expect(a.status).toBe(status);
      expect(a.disclaimer).toMatch(
        lang === "en" ? /not a diagnosis.*emergency number/ : /不是诊断.*急救电话/,
      );
    }
  });
});

describe("assessWords: words without a photo", () => {
  it("triages the words and answers alone: status no_photo, no findings, no gates", () => {
    const a = assessWords({ text: "my lips are swelling and my throat feels tight" });
    expect(a).toMatchObject({ status: "no_photo", findings: [], gates: null, lang: "en" });
    expect(a.triage.level).toBe("emergency");
    expect(a.advice[0]).toBe(a.triage.action);
    expect(a.summary).toMatch(/words alone/);
    expect(a.disclaimer).toMatch(/not a diagnosis/);
  });

  it("asks the open questions, hears the answers, and answers in the patient's language", () => {
    const first = assessWords({ text: "宝宝发烧，身上起疹子" });
    expect(first.lang).toBe("zh");
    expect(first.triage.level).toBe("same_day");
    expect(first.questions.map((q) => q.id)).toContain("baby_under_3_months");
    expect(first.questions.every((q) => /\p{Script=Han}/u.test(q.text))).toBe(true);
    const answered = assessWords({ text: "宝宝发烧，身上起疹子", answers: { baby_under_3_months: "yes" } });
    expect(answered.triage.level).toBe("emergency");
    expect(answered.questions.map((q) => q.id)).not.toContain("baby_under_3_months");
    // Unknown question ids and values are ignored, never an error.
    expect(assessWords({ text: "mosquito bites", answers: { nonsense: "yes" } }).triage.level).toBe(
      "self_care",
    );
  });
});
