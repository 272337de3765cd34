import { describe, expect, it } from "vitest";
import {
  CATALOGUE_VERSION,
  catalogue,
  cataloguePrompts,
  conditionPrompts,
  gatePrompts,
  type TriageLevel,
  vocabulary,
} from "../../src/clinical";

const vocabularyIds = new Set<string>(vocabulary.map((v) => v.id));

describe("condition catalogue", () => {
  it("is versioned and has at least 20 entries with unique ids", () => {
    expect(CATALOGUE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(catalogue.length).toBeGreaterThanOrEqual(20);
    expect(new Set(catalogue.map((e) => e.id)).size).toBe(catalogue.length);
  });

  it("covers the findings patients photograph most, and the dangerous ones", () => {
    const ids = catalogue.map((e) => e.id);
    for (const id of [
      "eczema",
      "contact_dermatitis",
      "psoriasis",
      "urticaria",
      "acne",
      "rosacea",
      "tinea",
      "scabies",
      "impetigo",
      "cellulitis",
      "herpes_zoster",
      "cold_sores",
      "chickenpox",
      "insect_bites",
      "warts",
      "seborrhoeic_keratosis",
      "naevus",
      "melanoma",
      "basal_cell_carcinoma",
      "actinic_keratosis",
      "vitiligo",
      "burn",
      "bruise",
      "normal_skin",
      // added with the patient-safety rework
      "purpura",
      "sjs_ten",
      "drug_eruption",
      "angioedema",
      "necrotising_fasciitis",
      "abscess",
      "erythema_migrans",
      "measles",
      "scarlet_fever",
      "kawasaki",
      "mpox",
      "hand_foot_mouth",
      "diabetic_foot_ulcer",
      "pressure_ulcer",
      "eczema_herpeticum",
      "seborrhoeic_dermatitis",
      "pityriasis_rosea",
      "molluscum",
      "tinea_versicolor",
      "folliculitis",
      "miliaria",
      "melasma",
      "epidermoid_cyst",
      "skin_tags",
      "nappy_rash",
      "genital_herpes",
    ]) {
      expect(ids).toContain(id);
    }
    expect(CATALOGUE_VERSION).toBe("2.0.0");
  });

  it.each(catalogue.map((e) => [e.id, e] as const))("%s is complete in both languages", (_, entry) => {
    for (const text of [entry.name.en, entry.name.zh, entry.advice.en, entry.advice.zh])
      expect(text.trim()).not.toBe("");
    expect(entry.name.zh).toMatch(/\p{Script=Han}/u);
    expect(entry.advice.zh).toMatch(/\p{Script=Han}/u);
    // Every piece of advice says when to see someone.
    expect(entry.advice.en).toMatch(/doctor|emergency|appointment/i);
    expect(entry.advice.zh).toMatch(/医生|就医|就诊|急救|预约/);
    // No dosing.
    expect(`${entry.advice.en} ${entry.advice.zh}`).not.toMatch(/\d\s*(?:mg|ml|mcg|µg)\b|毫克|毫升|每次\d/i);
    expect(conditionPrompts(entry).length).toBeGreaterThanOrEqual(3);
    for (const s of entry.typicalSymptoms) expect(vocabularyIds).toContain(s);
  });

  it.each(catalogue.map((e) => [e.id, e] as const))("%s states its level's one time frame", (_, entry) => {
    const frame: Record<TriageLevel, [RegExp, RegExp]> = {
      emergency: [/call your local emergency number now \(112, 911 or 999\)/i, /立即拨打120/],
      same_day: [/today/, /今天/],
      doctor_soon: [/within 2 to 3 days/, /2到3天内/],
      doctor: [/routine appointment/, /预约/],
      self_care: [/see a doctor|appointment/i, /医生|就医|就诊/],
    };
    const [en, zh] = frame[entry.urgency];
    expect(entry.advice.en).toMatch(en);
    expect(entry.advice.zh).toMatch(zh);
  });

  it("marks the findings that must be seen in person whatever the score", () => {
    const review = catalogue.filter((e) => e.needsInPersonReview).map((e) => e.id);
    for (const id of [
      "melanoma",
      "basal_cell_carcinoma",
      "cellulitis",
      "herpes_zoster",
      "purpura",
      "sjs_ten",
    ])
      expect(review).toContain(id);
    expect(catalogue.find((e) => e.id === "melanoma")?.urgency).toBe("doctor_soon");
    for (const e of catalogue.filter((e) => e.urgency === "emergency" || e.urgency === "same_day"))
      expect(e.needsInPersonReview, e.id).toBe(true);
  });

  it("fills every template with every term", () => {
    const eczema = catalogue.find((e) => e.id === "eczema")!;
    expect(conditionPrompts(eczema)).toContain("This is a skin image of atopic dermatitis.");
    expect(conditionPrompts({ terms: ["keloid"] })).toContain("a close-up photo of keloid on the skin");
    const prompts = cataloguePrompts();
    expect(Object.keys(prompts)).toEqual(catalogue.map((e) => e.id));
    expect(prompts.normal_skin.every((p) => !p.includes("{}"))).toBe(true);
  });

  it("gives the not-skin gate a skin label and several non-skin labels, each with prompts", () => {
    expect(gatePrompts.skin.length).toBeGreaterThanOrEqual(3);
    const others = Object.keys(gatePrompts).filter((l) => l !== "skin");
    expect(others).toEqual(
      expect.arrayContaining(["object", "animal", "document", "screenshot", "food", "landscape"]),
    );
    for (const label of others)
      expect(gatePrompts[label as keyof typeof gatePrompts].length).toBeGreaterThan(0);
  });
});
