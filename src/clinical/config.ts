/** Tunable thresholds of the assessment, with the reasons for each default. */

/** The largest allowed symptom weight β: words may move a finding's odds by at most 2x. */
export const MAX_SYMPTOM_WEIGHT = 1;

export interface ClinicalConfig {
  /**
   * β in the ranking shift (ranking.ts), 0..MAX_SYMPTOM_WEIGHT. Default 0.5: words change a finding's odds
   * by at most 1.5x, enough to reorder near ties, never enough to overturn an image lead above 1.5:1.
   */
  readonly symptomWeight: number;
  /**
   * K in the ranking shift: this many matching typical symptoms count as full support. Default 3, so an
   * entry with a long symptom list is not penalised for the ones the patient did not think to mention.
   */
  readonly symptomSaturation: number;
  /**
   * Below this top probability the result is uncertain. Default 0.4: with ~27 catalogue labels chance is
   * under 0.04, and below 0.4 most of the mass lies elsewhere, so no finding may be presented as likely.
   */
  readonly minTopProbability: number;
  /**
   * Below this gap between the first and second probability the result is uncertain. Default 0.15:
   * a smaller gap means the photo fits two findings about equally well.
   */
  readonly minMargin: number;
  /**
   * A finding that needs in-person review (melanoma, carcinomas, cellulitis, shingles, ...) raises the triage
   * when it is in the top `reviewTopK` with at least this probability, by image or combined score.
   * Default 0.05: low, because missing a melanoma costs far more than an unnecessary visit.
   */
  readonly reviewProbability: number;
  /** Default 3: the findings a patient is shown. */
  readonly reviewTopK: number;
}

export const DEFAULT_CLINICAL_CONFIG: ClinicalConfig = {
  symptomWeight: 0.5,
  symptomSaturation: 3,
  minTopProbability: 0.4,
  minMargin: 0.15,
  reviewProbability: 0.05,
  reviewTopK: 3,
};

/** Defaults overlaid with the caller's values; throws a RangeError naming a value out of range. */
export function resolveConfig(overrides: Partial<ClinicalConfig> = {}): ClinicalConfig {
  const config = { ...DEFAULT_CLINICAL_CONFIG, ...overrides };
  const check = (name: keyof ClinicalConfig, ok: boolean) => {
    if (!ok) throw new RangeError(`clinical config: ${name} = ${config[name]} is out of range`);
  };
  check("symptomWeight", config.symptomWeight >= 0 && config.symptomWeight <= MAX_SYMPTOM_WEIGHT);
  check("symptomSaturation", Number.isInteger(config.symptomSaturation) && config.symptomSaturation >= 1);
  check("minTopProbability", config.minTopProbability >= 0 && config.minTopProbability <= 1);
  check("minMargin", config.minMargin >= 0 && config.minMargin <= 1);
  check("reviewProbability", config.reviewProbability >= 0 && config.reviewProbability <= 1);
  check("reviewTopK", Number.isInteger(config.reviewTopK) && config.reviewTopK >= 1);
  return config;
}
