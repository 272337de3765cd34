/** The clinical step from a photo's stored scores: what the bot runs on every answer instead of CLIP. */
import { describe, expect, it } from "vitest";
import { CATALOGUE_VERSION } from "../../src/clinical";
import { assessScores, type ImageScores, StaleScoresError } from "../../src/service/assess-scores";
import { goodPhoto, skinPhoto } from "../clinical/fixtures";

/** A photo the model read as cellulitis, clearly (hand-made scores, not a model's). */
const cellulitis: ImageScores = {
  findings: { cellulitis: 0.8, eczema: 0.1, acne: 0.1 },
  gate: skinPhoto,
  quality: goodPhoto,
  model: { id: "test/model", revision: "r1" },
  catalogueVersion: CATALOGUE_VERSION,
};

describe("assessScores", () => {
  it("assesses again with new answers, no photo needed: a yes raises the level, a no never lowers it", () => {
    const words = { text: "a painful red swollen area on my arm", lang: "en" as const };
    const before = assessScores(cellulitis, words);
    expect(before.status).toBe("ok");
    expect(before.findings[0].id).toBe("cellulitis");
    expect(before.triage.level).toBe("same_day");
    expect(before.questions.map((q) => q.id)).toContain("airway");
    expect(assessScores(cellulitis, { ...words, answers: { airway: "yes" } }).triage.level).toBe("emergency");
    expect(assessScores(cellulitis, { ...words, answers: { fever: "no" } }).triage.level).toBe("same_day");
  });

  it("refuses scores kept from another catalogue version", () => {
    expect(() => assessScores({ ...cellulitis, catalogueVersion: "0.9.0" }, { text: "" })).toThrow(
      StaleScoresError,
    );
  });
});
