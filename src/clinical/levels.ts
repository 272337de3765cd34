/** The triage levels' order: a rule can only raise the level, and the most urgent wins. */
import { TRIAGE_LEVELS, type TriageLevel } from "./base";

export function levelRank(level: TriageLevel): number {
  return TRIAGE_LEVELS.indexOf(level);
}

export function maxLevel(levels: readonly TriageLevel[]): TriageLevel {
  return levels.reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a), "self_care");
}
