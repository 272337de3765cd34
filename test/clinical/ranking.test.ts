import { describe, expect, it } from "vitest";
import { catalogue, DEFAULT_CLINICAL_CONFIG, parseText, vocabulary } from "../../src/clinical";
import { rankFindings, symptomSpecificity, symptomSupport } from "../../src/clinical/ranking";
import { presentSymptoms } from "../../src/clinical/symptoms";
import type { SymptomId } from "../../src/clinical/vocabulary";
import { random } from "./fixtures";

const config = DEFAULT_CLINICAL_CONFIG;
const words = (text: string) => presentSymptoms(parseText(text));
const byId = <T extends { id: string }>(items: readonly T[]) =>
  Object.fromEntries(items.map((i) => [i.id, i]));

describe("symptom support", () => {
  it("is the matched share of the typical symptoms' specificity, saturating at K", () => {
    const sigma = (ids: readonly SymptomId[]) => ids.reduce((sum, id) => sum + symptomSpecificity(id), 0);
    const urticaria = catalogue.find((e) => e.id === "urticaria")!.typicalSymptoms;
    expect(symptomSupport("urticaria", words("hives that come and go"), 3)).toEqual({
      matched: ["wheals"],
      support: sigma(["wheals"]) / Math.min(sigma(urticaria), 3),
    });
    expect(
      symptomSupport(
        "urticaria",
        words("itchy swollen hives all over after eating shrimp and a new medicine"),
        3,
      ).support,
    ).toBe(1);
    // warts have 1 typical symptom: one match is full support.
    expect(symptomSupport("warts", words("rough"), 3).support).toBe(1);
    expect(symptomSupport("normal_skin", words("itchy"), 3).support).toBe(0);
    expect(symptomSupport("my own label", words("itchy"), 3)).toEqual({ matched: [], support: 0 });
  });

  it("weighs a symptom many conditions share less than a specific one", () => {
    for (const id of ["itch", "redness", "pain"] as const) {
      expect(symptomSpecificity(id)).toBeLessThan(symptomSpecificity("ring_shape"));
      expect(symptomSpecificity(id)).toBeLessThan(symptomSpecificity("one_side_band"));
    }
    for (const v of vocabulary) {
      expect(symptomSpecificity(v.id)).toBeGreaterThan(0);
      expect(symptomSpecificity(v.id)).toBeLessThanOrEqual(1);
    }
    // The same image tie: "ring-shaped" moves tinea further ahead than "itchy" does.
    const tie = { tinea: 0.5, eczema: 0.5 };
    const common = byId(rankFindings(tie, words("itchy"), "en", config));
    const specific = byId(rankFindings(tie, words("ring-shaped"), "en", config));
    expect(specific.tinea.probability - specific.eczema.probability).toBeGreaterThan(
      common.tinea.probability - common.eczema.probability,
    );
  });
});

describe("rankFindings", () => {
  it("shows the image-only ranking and the combined one", () => {
    const present = words("hives that come and go, after eating shrimp");
    const findings = rankFindings({ psoriasis: 0.55, urticaria: 0.45 }, present, "en", config);
    const { psoriasis, urticaria } = byId(findings);
    const w = 1 + config.symptomWeight * symptomSupport("urticaria", present, 3).support;
    expect(urticaria.probability).toBeCloseTo((0.45 * w) / (0.45 * w + 0.55), 12);
    expect([urticaria.rank, urticaria.imageRank]).toEqual([1, 2]);
    expect([psoriasis.rank, psoriasis.imageRank]).toEqual([2, 1]);
    expect(urticaria.imageProbability).toBe(0.45);
    expect(urticaria.matchedSymptoms).toEqual(["wheals", "new_food"]);
    expect(findings.map((f) => f.id)).toEqual(["urticaria", "psoriasis"]);
  });

  it("moves a changing mole towards melanoma, not towards the benign mole", () => {
    const image = { naevus: 0.55, melanoma: 0.3, seborrhoeic_keratosis: 0.15 };
    const { naevus, melanoma } = byId(
      rankFindings(image, words("这个痣最近变大了，有时候会出血"), "zh", config),
    );
    expect(melanoma.matchedSymptoms).toEqual(["size_change", "bleeding"]);
    expect(melanoma.probability).toBeGreaterThan(melanoma.imageProbability);
    expect(naevus.matchedSymptoms).toEqual([]);
    expect(naevus.probability).toBeLessThan(naevus.imageProbability);
  });

  it("cannot overturn an image lead above 1 + β", () => {
    const findings = rankFindings(
      { psoriasis: 0.61, urticaria: 0.39 },
      words("hives after eating shrimp, all over"),
      "en",
      config,
    );
    expect(findings[0].id).toBe("psoriasis");
  });

  it("renormalises the image probabilities and localises names", () => {
    const findings = rankFindings({ eczema: 2, acne: 6 }, new Set(), "zh", config);
    expect(findings.map((f) => [f.id, f.name, f.imageProbability])).toEqual([
      ["acne", "痤疮（青春痘）", 0.75],
      ["eczema", "湿疹（特应性皮炎）", 0.25],
    ]);
  });

  it("leaves custom labels unshifted and names them by their label", () => {
    const findings = rankFindings(
      { keloid: 0.6, scar: 0.4 },
      words("itchy, red and spreading"),
      "en",
      config,
    );
    expect(findings.map((f) => [f.id, f.name, f.probability, f.inCatalogue, f.urgency])).toEqual([
      ["keloid", "keloid", 0.6, false, null],
      ["scar", "scar", 0.4, false, null],
    ]);
  });

  it("rejects malformed probabilities", () => {
    expect(() => rankFindings({}, new Set(), "en", config)).toThrow(RangeError);
    expect(() => rankFindings({ a: -0.1, b: 1 }, new Set(), "en", config)).toThrow(RangeError);
    expect(() => rankFindings({ a: Number.NaN }, new Set(), "en", config)).toThrow(RangeError);
    expect(() => rankFindings({ a: 0, b: 0 }, new Set(), "en", config)).toThrow(RangeError);
  });
});

describe("the bound on the symptom shift (property test over random inputs)", () => {
  const next = random(20240611);
  const ids = catalogue.map((e) => e.id);
  const symptomIds = vocabulary.map((v) => v.id as SymptomId);
  const cases = Array.from({ length: 200 }, () => {
    const raw = ids.map(() => next() ** 4 + 1e-6);
    const present = new Set(symptomIds.filter(() => next() < 0.15));
    const beta = next();
    return { image: Object.fromEntries(ids.map((id, i) => [id, raw[i]])), present, beta };
  });
  const eps = 1e-9;

  it("changes the odds between any two findings by at most a factor 1 + β", () => {
    for (const { image, present, beta } of cases) {
      const f = rankFindings(image, present, "en", { symptomWeight: beta, symptomSaturation: 3 });
      // The shift of a pair, (c_a / c_b) / (p_a / p_b), is r_a / r_b with r = c / p: the worst pair is max r / min r.
      const r = f.map((x) => x.probability / x.imageProbability);
      expect(Math.max(...r) / Math.min(...r)).toBeLessThanOrEqual(1 + beta + eps);
    }
  });

  it("moves each probability by at most a factor 1 + β", () => {
    for (const { image, present, beta } of cases) {
      const r = rankFindings(image, present, "en", { symptomWeight: beta, symptomSaturation: 3 }).map(
        (x) => x.probability / x.imageProbability,
      );
      expect(Math.max(...r)).toBeLessThanOrEqual(1 + beta + eps);
      expect(Math.min(...r)).toBeGreaterThanOrEqual(1 / (1 + beta) - eps);
    }
  });

  it("keeps the image-only order among findings the words do not support, and never demotes a better-supported one", () => {
    for (const { image, present, beta } of cases) {
      const f = rankFindings(image, present, "en", { symptomWeight: beta, symptomSaturation: 3 });
      const support = new Map(f.map((x) => [x.id, symptomSupport(x.id, present, 3).support]));
      const violations = f.flatMap((a) =>
        f.filter(
          (b) =>
            a.imageProbability >= b.imageProbability &&
            support.get(a.id)! >= support.get(b.id)! &&
            a.probability < b.probability - eps,
        ),
      );
      expect(violations).toEqual([]);
      const unsupported = f.filter((x) => support.get(x.id) === 0).map((x) => x.imageProbability);
      expect(unsupported).toEqual([...unsupported].sort((a, b) => b - a));
    }
  });

  it("is the identity without symptoms, and absent or negated symptoms change nothing", () => {
    const image = cases[0].image;
    const none = rankFindings(image, new Set(), "en", config);
    for (const f of none) expect(f.probability).toBeCloseTo(f.imageProbability, 15);
    const negatedOnly = rankFindings(image, words("not itchy, no redness, 不痒，没有发烧"), "en", config);
    expect(negatedOnly).toEqual(none);
  });

  it("reaches the bound exactly when one finding has full support", () => {
    const beta = 0.5;
    const f = byId(
      rankFindings({ warts: 0.5, vitiligo: 0.5 }, words("rough"), "en", {
        symptomWeight: beta,
        symptomSaturation: 3,
      }),
    );
    expect(f.warts.probability / f.vitiligo.probability).toBeCloseTo(1 + beta, 12);
  });
});
