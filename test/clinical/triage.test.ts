import { describe, expect, it } from "vitest";
import { type Assessment, assess, type TriageRule } from "../../src/clinical";
import { goodPhoto, skinPhoto } from "./fixtures";

/** A confident, harmless image result, so any escalation comes from the rule under test. */
const calmImage = { eczema: 0.8, psoriasis: 0.1, acne: 0.1 };
const run = (text: string, imageProbabilities: Record<string, number> = calmImage) =>
  assess({ imageProbabilities, gateProbabilities: skinPhoto, quality: goodPhoto, text });
const reason = (a: Assessment, rule: TriageRule) => a.triage?.reasons.find((r) => r.rule === rule);

describe("red flags override the image", () => {
  it.each([
    ["my lips are swollen", ["lips are swollen"]],
    ["my tongue is swelling", ["tongue is swelling"]],
    ["I have trouble breathing", ["trouble breathing"]],
    ["嘴唇肿了", ["嘴唇肿"]],
    ["舌头突然肿", ["舌头突然肿"]],
    ["喘不过气", ["喘不过气"]],
  ])("airway: %s -> emergency", (text, triggers) => {
    const a = run(text);
    expect(a.status).toBe("ok");
    expect(a.triage?.level).toBe("emergency");
    expect(a.triage?.reasons[0]).toMatchObject({ rule: "airway", level: "emergency", triggers });
    // The answer itself says which words raised the flag.
    expect(a.triage?.reasons[0].message).toMatch(/You mentioned: "|你提到：“/);
    for (const word of triggers) expect(a.triage?.reasons[0].message).toContain(word);
    expect(a.advice[0]).toMatch(/emergency number|急救电话/);
  });

  it.each([
    ["I have a fever and the red painful area is spreading", ["fever", "spreading", "red", "painful"]],
    ["发烧了，红肿的地方在扩散，很疼", ["发烧", "扩散", "红肿", "疼", "肿"]],
  ])("fever with a spreading red painful area: %s -> soon", (text, triggers) => {
    const r = reason(run(text), "fever_infection");
    expect(r?.level).toBe("doctor_soon");
    expect([...(r?.triggers ?? [])].sort()).toEqual([...triggers].sort());
    expect(run(text).triage?.level).toBe("doctor_soon");
  });

  it.each([
    ["my mole has started bleeding", "bleeding"],
    ["the mole is growing fast", "growing fast"],
    ["this mole changed colour", "changed colour"],
    ["这个痣最近变大了", "变大"],
    ["痣出血了", "出血"],
    ["痣的颜色变深了", "颜色变"],
  ])("a mole that bleeds, grows or changes: %s -> soon", (text, word) => {
    const a = run(text);
    expect(a.triage?.level).toBe("doctor_soon");
    expect(reason(a, "changing_mole")?.triggers).toContain(word);
  });

  it("treats a mole-like finding in the top findings as the mole the words describe", () => {
    const a = run("it has been bleeding", { naevus: 0.7, eczema: 0.2, acne: 0.1 });
    const r = reason(a, "changing_mole");
    expect(r?.triggers).toEqual(["bleeding", "Mole (benign naevus)"]);
    expect(a.triage?.level).toBe("doctor_soon");
  });

  it.each([
    ["blisters near my eye", ["blisters", "eye"]],
    ["眼睛旁边起了水泡", ["眼睛", "水泡"]],
  ])("near the eye with blisters: %s -> soon", (text, triggers) => {
    const r = reason(run(text), "eye");
    expect(r?.level).toBe("doctor_soon");
    expect([...(r?.triggers ?? [])].sort()).toEqual([...triggers].sort());
  });

  it("near the eye with shingles in the top findings -> soon", () => {
    const r = reason(run("it hurts around my eye", { herpes_zoster: 0.7, eczema: 0.3 }), "eye");
    expect(r?.triggers).toEqual(["eye", "Shingles (herpes zoster)"]);
  });

  it.each([
    "no swelling of the lips and no trouble breathing",
    "嘴唇没有肿，没有呼吸困难",
    "no fever, but it is spreading",
    "没有发烧，但是在扩散",
    "the mole has not changed and does not bleed",
    "痣没有变大，也没有出血",
    "no blisters near my eye",
    "眼睛旁边没有水泡",
  ])("negated red flags do not fire: %s", (text) => {
    const a = run(text);
    expect(a.triage?.reasons.map((r) => r.rule)).toEqual(["finding"]);
    expect(a.triage?.level).toBe("self_care");
  });

  it("fires red flags even when the photo fails a gate", () => {
    const base = { imageProbabilities: calmImage, quality: goodPhoto, text: "my face is swollen" };
    const notSkin = assess({ ...base, gateProbabilities: { skin: 0.1, food: 0.9 } });
    expect(notSkin.status).toBe("not_skin");
    expect(notSkin.triage?.level).toBe("emergency");
    const badPhoto = assess({
      ...base,
      gateProbabilities: skinPhoto,
      quality: {
        ...goodPhoto,
        ok: false,
        problems: [{ code: "blurry", tip: { en: "sharper", zh: "清晰" } }],
      },
    });
    expect(badPhoto.status).toBe("poor_photo");
    expect(badPhoto.triage?.level).toBe("emergency");
  });

  it("lists the most urgent reason first", () => {
    const a = run("fever, spreading redness, and now my lips are swollen");
    expect(a.triage?.reasons.map((r) => r.rule)).toEqual(["airway", "fever_infection", "finding"]);
  });
});

describe("findings that need in-person review win over low scores", () => {
  it("a melanoma in the top 3 above the threshold -> at least soon, with the rule explained", () => {
    const a = run("", { naevus: 0.8, seborrhoeic_keratosis: 0.12, melanoma: 0.08 });
    expect(a.status).toBe("ok");
    expect(a.findings[0].id).toBe("naevus");
    expect(a.triage?.level).toBe("doctor_soon");
    const r = reason(a, "in_person_review");
    expect(r?.triggers).toEqual(["Possible melanoma (skin cancer)"]);
    expect(r?.message).toMatch(/8%.*seen in person/);
  });

  it("counts the image rank too, so words cannot push a melanoma out of view", () => {
    const image = { eczema: 0.5, melanoma: 0.2, psoriasis: 0.15, contact_dermatitis: 0.15 };
    const a = run("itchy, dry, red, scaly, after a new soap", image);
    const melanoma = a.findings.find((f) => f.id === "melanoma");
    expect(melanoma?.rank).toBeGreaterThan(3);
    expect(melanoma?.imageRank).toBe(2);
    expect(reason(a, "in_person_review")?.level).toBe("doctor_soon");
  });

  it("ignores a melanoma below the threshold or outside the top 3", () => {
    expect(reason(run("", { naevus: 0.96, melanoma: 0.04 }), "in_person_review")).toBeUndefined();
    const outside = { naevus: 0.6, eczema: 0.14, acne: 0.13, melanoma: 0.13 };
    expect(reason(run("", outside), "in_person_review")).toBeUndefined();
  });

  it("uses the entry's own urgency: basal cell carcinoma is a routine visit", () => {
    const a = run("", { basal_cell_carcinoma: 0.9, naevus: 0.1 });
    expect(a.triage?.reasons.map((r) => [r.rule, r.level])).toEqual([["in_person_review", "doctor"]]);
  });
});

describe("other triage rules", () => {
  it("a self-care finding that lasts too long -> see a doctor, citing the duration", () => {
    const a = run("itchy for 3 weeks");
    expect(a.triage?.level).toBe("doctor");
    expect(reason(a, "persistent")).toMatchObject({ triggers: ["3 weeks"] });
    expect(reason(a, "persistent")?.message).toMatch(/21 days/);
    expect(run("痒了两天").triage?.level).toBe("self_care");
  });

  it("the top finding's catalogue urgency", () => {
    expect(run("", { psoriasis: 0.8, eczema: 0.2 }).triage?.level).toBe("doctor");
    expect(run("", { eczema: 0.8, psoriasis: 0.2 }).triage?.level).toBe("self_care");
  });
});
