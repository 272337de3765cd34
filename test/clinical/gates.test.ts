import { describe, expect, it } from "vitest";
import { DEFAULT_CLINICAL_CONFIG } from "../../src/clinical";
import { checkCertainty, checkSkin } from "../../src/clinical/gates";
import { rankFindings } from "../../src/clinical/ranking";

describe("not-skin gate", () => {
  it("passes when skin scores at least as high as every non-skin label", () => {
    expect(checkSkin({ skin: 0.4, document: 0.3, food: 0.3 })).toEqual({
      passed: true,
      skinProbability: 0.4,
      bestOther: { label: "document", probability: 0.3 },
    });
    expect(checkSkin({ skin: 0.5, animal: 0.5 }).passed).toBe(true);
    expect(checkSkin({ skin: 1 })).toEqual({ passed: true, skinProbability: 1, bestOther: null });
  });

  it("fails when a non-skin label describes the photo better, naming it", () => {
    expect(checkSkin({ skin: 0.3, screenshot: 0.6, document: 0.1 })).toMatchObject({
      passed: false,
      bestOther: { label: "screenshot", probability: 0.6 },
    });
  });

  it("rejects missing or malformed probabilities", () => {
    expect(() => checkSkin({ document: 0.9 })).toThrow(RangeError);
    expect(() => checkSkin({ skin: 0.5, food: Number.NaN })).toThrow(RangeError);
    expect(() => checkSkin({ skin: 1.5 })).toThrow(RangeError);
  });
});

describe("certainty gate", () => {
  const ranked = (p: Record<string, number>) => rankFindings(p, new Set(), "en", DEFAULT_CLINICAL_CONFIG);

  it.each([
    [{ eczema: 0.6, psoriasis: 0.3, acne: 0.1 }, true],
    [{ eczema: 0.35, psoriasis: 0.15, acne: 0.5 }, true],
    [{ eczema: 0.38, psoriasis: 0.2, acne: 0.42 }, false],
    [{ eczema: 0.3, psoriasis: 0.2, acne: 0.2, tinea: 0.3 }, false],
    [{ eczema: 1 }, true],
  ])("%j -> certain: %s", (p, passed) => {
    expect(checkCertainty(ranked(p), DEFAULT_CLINICAL_CONFIG).passed).toBe(passed);
  });

  it("uses the configured thresholds", () => {
    const findings = ranked({ eczema: 0.5, psoriasis: 0.4, acne: 0.1 });
    expect(checkCertainty(findings, DEFAULT_CLINICAL_CONFIG)).toEqual({
      passed: false,
      topProbability: 0.5,
      margin: 0.09999999999999998,
    });
    expect(checkCertainty(findings, { ...DEFAULT_CLINICAL_CONFIG, minMargin: 0.05 }).passed).toBe(true);
    expect(
      checkCertainty(findings, { ...DEFAULT_CLINICAL_CONFIG, minTopProbability: 0.6, minMargin: 0 }).passed,
    ).toBe(false);
  });
});
