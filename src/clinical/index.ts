/**
 * DermEdge clinical module: pure TypeScript, no I/O. Turns zero-shot CLIP probabilities, photo quality and
 * the patient's words into an assessment. The model is never called from here; see prompts.ts for what
 * the model should be asked, and assess.ts for the one function the service calls.
 */
export { type AssessInput, type AssessWordsInput, assess, assessWords } from "./assess";
export { CATALOGUE_VERSION, catalogue, catalogueEntry, PROMPT_TEMPLATES } from "./catalogue";
export { type ClinicalConfig, DEFAULT_CLINICAL_CONFIG, MAX_SYMPTOM_WEIGHT, resolveConfig } from "./config";
export { DERIVED_ATOMS } from "./facts";
export { chooseLanguage } from "./language";
export { levelRank, maxLevel } from "./levels";
export {
  type ClassMetrics,
  type ConfusionMatrix,
  confusionMatrix,
  type EvalSample,
  type EvaluationReport,
  evaluate,
  expectedCalibrationError,
  perClassMetrics,
  rankLabels,
  topKAccuracy,
} from "./metrics";
export { cataloguePrompts, conditionPrompts, gatePrompts } from "./prompts";
export {
  assessPhotoQuality,
  DEFAULT_QUALITY_THRESHOLDS,
  ImageNotAssessableError,
  type QualityThresholds,
} from "./quality";
export { QUESTIONS, shortText } from "./questions";
export {
  BENIGN_PATTERNS,
  type BenignPattern,
  type Clause,
  GROUPS,
  RED_FLAG_RULES,
  type RedFlagRule,
  RULES,
  type RuleData,
} from "./rules";
export { SOURCES, type SourceKey } from "./sources";
export { parseText, presentSymptoms } from "./symptoms";
export * from "./types";
export { type SymptomId, symptomName, vocabulary } from "./vocabulary";
