/**
 * Ranks findings by the image and the patient's words together.
 *
 * The shift, for each label i with image probability p_i:
 *   s_i = min(1, M_i / min(W_i, K))   support: M_i is the summed specificity of the entry's typical symptoms
 *                                     that are present (mentioned and not negated), W_i that of all its
 *                                     typical symptoms; s_i = 0 when it has none or i is not a catalogue id;
 *                                     K = config.symptomSaturation
 *   specificity of a symptom s:  σ_s = ln(N / n_s) / ln(N), in (0, 1], where n_s of the N catalogue entries
 *                                list s as typical: a symptom that many conditions share ("itch", "redness")
 *                                moves the ranking less than a specific one ("ring-shaped", "a band on one side")
 *   w_i = 1 + β · s_i                  β = config.symptomWeight, 0 ≤ β ≤ MAX_SYMPTOM_WEIGHT (1)
 *   c_i = p_i · w_i / Σ_j p_j · w_j    the combined probability
 *
 * Bounds, because 1 ≤ w_i ≤ 1 + β:
 *   - for any i, j: (c_i / c_j) / (p_i / p_j) = w_i / w_j lies in [1/(1+β), 1+β]: words change the odds
 *     between two findings by at most a factor 1+β, so an image lead above 1+β cannot be overturned;
 *   - for any i: c_i / p_i lies in [1/(1+β), 1+β] (the normaliser Σ p_j w_j lies in [1, 1+β]);
 *   - absent or negated symptoms never lower a score: they leave w_i = 1, exactly the image-only weight,
 *     so findings without support keep their image-only order among themselves, and a finding can only
 *     fall behind one whose typical symptoms the patient reported;
 *   - if p_i ≥ p_j and s_i ≥ s_j then c_i ≥ c_j; with no symptoms at all, c = p exactly.
 */
import { catalogue, catalogueEntry } from "./catalogue";
import type { ClinicalConfig } from "./config";
import type { Finding, Lang, Localised } from "./types";
import type { SymptomId } from "./vocabulary";

/** Validates and renormalises the model's probabilities; throws a RangeError on bad input. */
function normaliseProbabilities(probabilities: Readonly<Record<string, number>>): Map<string, number> {
  const entries = Object.entries(probabilities);
  if (entries.length === 0) throw new RangeError("imageProbabilities is empty");
  for (const [label, p] of entries) {
    if (!(Number.isFinite(p) && p >= 0))
      throw new RangeError(`imageProbabilities.${label} = ${p} is not >= 0`);
  }
  const total = entries.reduce((sum, [, p]) => sum + p, 0);
  if (!(total > 0)) throw new RangeError("imageProbabilities sum to zero");
  return new Map(entries.map(([label, p]) => [label, p / total]));
}

const SPECIFICITY: ReadonlyMap<SymptomId, number> = (() => {
  const counts = new Map<SymptomId, number>();
  for (const entry of catalogue)
    for (const s of entry.typicalSymptoms) counts.set(s, (counts.get(s) ?? 0) + 1);
  const n = catalogue.length;
  return new Map([...counts].map(([s, count]) => [s, Math.log(n / count) / Math.log(n)]));
})();

/** σ_s: 1 for a symptom only one entry lists, towards 0 for one that every entry lists. */
export function symptomSpecificity(id: SymptomId): number {
  return SPECIFICITY.get(id) ?? 1;
}

/** The entry's typical symptoms the patient reported, and the support s_i they give. */
export function symptomSupport(
  id: string,
  present: ReadonlySet<SymptomId>,
  saturation: number,
): { matched: SymptomId[]; support: number } {
  const typical = catalogueEntry(id)?.typicalSymptoms ?? [];
  const matched = typical.filter((s) => present.has(s));
  const weight = (symptoms: readonly SymptomId[]) =>
    symptoms.reduce((sum, s) => sum + symptomSpecificity(s), 0);
  const total = weight(typical);
  const support = total === 0 ? 0 : Math.min(1, weight(matched) / Math.min(total, saturation));
  return { matched, support };
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const rank = new Array<number>(values.length);
  order.forEach(([, i], position) => {
    rank[i] = position + 1;
  });
  return rank;
}

export function rankFindings(
  imageProbabilities: Readonly<Record<string, number>>,
  present: ReadonlySet<SymptomId>,
  lang: Lang,
  config: Pick<ClinicalConfig, "symptomWeight" | "symptomSaturation">,
  /** Names of labels the catalogue does not know (a clinic's own classes); others are named by their id. */
  otherNames: Readonly<Record<string, Localised>> = {},
): Finding[] {
  const image = [...normaliseProbabilities(imageProbabilities)];
  const supports = image.map(([id]) => symptomSupport(id, present, config.symptomSaturation));
  const weighted = image.map(([, p], i) => p * (1 + config.symptomWeight * supports[i].support));
  const total = weighted.reduce((a, b) => a + b, 0);
  const combined = weighted.map((w) => w / total);
  const rank = ranks(combined);
  const imageRank = ranks(image.map(([, p]) => p));
  return image
    .map(([id, p], i): Finding => {
      const entry = catalogueEntry(id);
      return {
        id,
        name: entry?.name[lang] ?? (Object.hasOwn(otherNames, id) ? otherNames[id][lang] : id),
        inCatalogue: entry !== undefined,
        probability: combined[i],
        imageProbability: p,
        rank: rank[i],
        imageRank: imageRank[i],
        matchedSymptoms: supports[i].matched,
        urgency: entry?.urgency ?? null,
      };
    })
    .sort((a, b) => a.rank - b.rank);
}
