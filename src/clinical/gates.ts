/** The not-skin gate and the certainty gate. The photo-quality gate is in quality.ts. */
import type { ClinicalConfig } from "./config";
import type { CertaintyGate, Finding, SkinGate } from "./types";

/**
 * Passes when "skin" scores at least as high as every non-skin label (scores over `gatePrompts`):
 * the photo is not better described by any non-skin prompt set than by the skin one.
 */
export function checkSkin(gateProbabilities: Readonly<Record<string, number>>): SkinGate {
  const skinProbability = gateProbabilities.skin;
  if (!(skinProbability >= 0 && skinProbability <= 1)) {
    throw new RangeError(`gateProbabilities.skin must be a probability, got ${skinProbability}`);
  }
  let bestOther: SkinGate["bestOther"] = null;
  for (const [label, probability] of Object.entries(gateProbabilities)) {
    if (label === "skin") continue;
    if (!(probability >= 0 && probability <= 1)) {
      throw new RangeError(`gateProbabilities.${label} must be a probability, got ${probability}`);
    }
    if (!bestOther || probability > bestOther.probability) bestOther = { label, probability };
  }
  return { passed: !bestOther || skinProbability >= bestOther.probability, skinProbability, bestOther };
}

/** Fails when the top finding's probability, or its margin over the second, is below the configured minimum. */
export function checkCertainty(findings: readonly Finding[], config: ClinicalConfig): CertaintyGate {
  const topProbability = findings[0]?.probability ?? 0;
  const margin = topProbability - (findings[1]?.probability ?? 0);
  return {
    passed: topProbability >= config.minTopProbability && margin >= config.minMargin,
    topProbability,
    margin,
  };
}
