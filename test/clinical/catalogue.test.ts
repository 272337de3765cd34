import { describe, expect, it } from "vitest";
import {
  CATALOGUE_VERSION,
  catalogue,
  cataloguePrompts,
  conditionPrompts,
  gatePrompts,
  vocabulary,
} from "../../src/clinical";

const vocabularyIds = new Set<string>(vocabulary.map((v) => v.id));

describe("condition catalogue", () => {
  it("is versioned and has at least 20 entries with unique ids", () => {
    expect(CATALOGUE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(catalogue.length).toBeGreaterThanOrEqual(20);
    expect(new Set(catalogue.map((e) => e.id)).size).toBe(catalogue.length);
  });

  it("covers the findings patients photograph most", () => {
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
    ]) {
      expect(ids).toContain(id);
    }
  });

  it.each(catalogue.map((e) => [e.id, e] as const))("%s is complete in both languages", (_, entry) => {
    for (const text of [entry.name.en, entry.name.zh, entry.advice.en, entry.advice.zh])
      expect(text.trim()).not.toBe("");
    expect(entry.name.zh).toMatch(/\p{Script=Han}/u);
    expect(entry.advice.zh).toMatch(/\p{Script=Han}/u);
    // Every piece of advice says when to see someone.
    expect(entry.advice.en).toMatch(/doctor|emergency|urgent care/i);
    expect(entry.advice.zh).toMatch(/医生|就医|急救/);
    // No dosing.
    expect(`${entry.advice.en} ${entry.advice.zh}`).not.toMatch(/\d\s*(?:mg|ml|mcg|µg)\b|毫克|毫升|每次\d/i);
    expect(conditionPrompts(entry).length).toBeGreaterThanOrEqual(3);
    for (const s of entry.typicalSymptoms) expect(vocabularyIds).toContain(s);
  });

  it("fills every template with every term", () => {
    const eczema = catalogue.find((e) => e.id === "eczema")!;
    expect(conditionPrompts(eczema)).toContain("This is a skin image of atopic dermatitis.");
    expect(conditionPrompts({ terms: ["keloid"] })).toContain("a close-up photo of keloid on the skin");
    const prompts = cataloguePrompts();
    expect(Object.keys(prompts)).toEqual(catalogue.map((e) => e.id));
    expect(prompts.normal_skin.every((p) => !p.includes("{}"))).toBe(true);
  });

  it("marks the findings that must be seen in person whatever the score", () => {
    const review = catalogue.filter((e) => e.needsInPersonReview).map((e) => e.id);
    for (const id of ["melanoma", "basal_cell_carcinoma", "cellulitis", "herpes_zoster"])
      expect(review).toContain(id);
    expect(catalogue.find((e) => e.id === "melanoma")?.urgency).toBe("doctor_soon");
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
