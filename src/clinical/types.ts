/** Shared types of the clinical module. Pure data: nothing here does I/O. */
import type { RedFlagRule } from "./rules";
import type { SymptomId, VocabularyKind } from "./vocabulary";

export type { Lang, Localised, TriageLevel } from "./base";
export { TRIAGE_LEVELS } from "./base";

import type { Lang, Localised, TriageLevel } from "./base";

export interface CatalogueEntry {
  /** Stable id; also the label id the model is asked about. */
  readonly id: string;
  readonly name: Localised;
  /** English phrases for the condition, each filled into every template to make the CLIP prompts. */
  readonly terms: readonly string[];
  /** Overrides the default templates where they would read badly (e.g. normal skin). `{}` = a term. */
  readonly templates?: readonly string[];
  /** What to do when this is the most likely finding. */
  readonly urgency: TriageLevel;
  /** Must be seen in person whenever it is among the top findings, however low its score. */
  readonly needsInPersonReview: boolean;
  /** A pigmented spot patients call "a mole": a bleeding, growing or changing one is a red flag. */
  readonly moleLike?: boolean;
  /**
   * Advice for one group of patients only (a diabetic foot, a baby in nappies): given when the group applies or
   * the entry is the top finding, never to anyone else because it is a low-scoring possible match.
   */
  readonly forGroup?: "diabetes" | "infant";
  /** A self-care finding that lasts at least this many days should be seen by a doctor. */
  readonly reviewAfterDays?: number;
  /** Symptoms that make this finding more likely; each raises its score (see ranking.ts). */
  readonly typicalSymptoms: readonly SymptomId[];
  /** Short, conservative advice with "see a doctor if ..." conditions. No dosing. */
  readonly advice: Localised;
}

/** An RGB image, 8 bits per channel, interleaved, `width * height * 3` bytes, rows top to bottom. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export type QualityProblemCode = "too_dark" | "overexposed" | "blurry" | "too_small";

export interface QualityProblem {
  readonly code: QualityProblemCode;
  /** What to do about it, in every language. */
  readonly tip: Localised;
}

export interface QualityReport {
  readonly ok: boolean;
  readonly problems: readonly QualityProblem[];
  /** What was measured, for logs and for tuning the thresholds. Luminance is 0..255. */
  readonly measurements: {
    readonly meanLuminance: number;
    readonly clippedFraction: number;
    readonly laplacianVariance: number;
    readonly shortEdge: number;
  };
}

/** Labels of the not-skin gate; the model scores the photo against `gatePrompts`. */
export type GateLabel = "skin" | "object" | "animal" | "document" | "screenshot" | "food" | "landscape";

export interface SkinGate {
  /** True when "skin" scores at least as high as every non-skin label. */
  readonly passed: boolean;
  readonly skinProbability: number;
  /** The best non-skin label and its probability; null when none was scored. */
  readonly bestOther: { readonly label: string; readonly probability: number } | null;
}

export interface CertaintyGate {
  /** False when the top probability or its margin over the second is below the configured minimum. */
  readonly passed: boolean;
  readonly topProbability: number;
  readonly margin: number;
}

/** One mention pattern matched in the patient's words. */
export interface SymptomMention {
  readonly id: SymptomId;
  /** Every mention was negated ("not itchy", "不痒"). */
  readonly negated: boolean;
  /** The patient's words that matched, as written (after Unicode normalisation). */
  readonly words: readonly string[];
}

export interface Duration {
  /** The patient's words, e.g. "3 days", "两周". */
  readonly text: string;
  readonly days: number;
}

export interface ParsedText {
  readonly mentions: readonly SymptomMention[];
  /** Every duration found, e.g. {text: "3 days", days: 3}. */
  readonly durations: readonly Duration[];
  /** The longest duration in days, or null. */
  readonly durationDays: number | null;
  /**
   * The patient's age in years when stated ("I'm 45", "she's 5", "(75)", "6 weeks old" = 0.115, "5个月大"),
   * the youngest when several are stated; null otherwise.
   */
  readonly ageYears: number | null;
  /** The highest temperature stated, in °C ("39.2", "102F" = 38.9, "烧到38度多"), or null. */
  readonly temperatureC: number | null;
  /** One-letter typos read as the vocabulary word they were meant to be ("swolen" -> "swollen"). */
  readonly corrections: readonly { readonly from: string; readonly to: string }[];
}

export interface Finding {
  /** Catalogue id, or the caller's own label. */
  readonly id: string;
  /** Localised catalogue name; the label itself for a custom label. */
  readonly name: string;
  readonly inCatalogue: boolean;
  /** Image and words combined (see ranking.ts); sums to 1 over all findings. */
  readonly probability: number;
  /** What the image alone says (the input, renormalised). */
  readonly imageProbability: number;
  /** 1-based rank by `probability`. */
  readonly rank: number;
  /** 1-based rank by `imageProbability`. */
  readonly imageRank: number;
  /** The patient's symptoms that are typical of this finding. */
  readonly matchedSymptoms: readonly SymptomId[];
  /** The catalogue's urgency; null for custom labels. */
  readonly urgency: TriageLevel | null;
}

/**
 * Rules on the ranked findings, and the words-only baseline: `benign_pattern` (the words match a benign pattern
 * of rules.ts: self-care) or `unrecognised` (nothing recognised as benign: at least a routine doctor).
 */
export const FINDING_RULES = [
  "in_person_review",
  "finding",
  "custom_label",
  "uncertain",
  "persistent",
  "benign_pattern",
  "unrecognised",
] as const;
export type TriageRule = RedFlagRule | (typeof FINDING_RULES)[number];

/** Questions a patient can answer (`answers`); see questions.ts. */
export const QUESTION_IDS = [
  "baby_under_3_months",
  "child",
  "over_70",
  "pregnant",
  "burn",
  "chemical",
  "electric_shock",
  "bite",
  "sting",
  "fever",
  "unwell",
  "airway",
  "lips",
  "pain_out_of_proportion",
  "mouth_eyes_genitals",
  "burn_large",
  "burn_site",
  "burn_deep",
  "bite_broke_skin",
  "glass_test",
  "drowsy",
  "spreading_fast",
  "skin_peeling",
  "new_medicine",
  "one_leg_swollen",
  "near_eye",
  "immunosuppressed",
  "diabetes",
  "tick_bite",
  "mole_changing",
  "four_weeks",
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];
/** core: the intake checklist; follow_up: opened by an answer or the words; red_flag: asked when relevant. */
export const QUESTION_KINDS = ["core", "follow_up", "red_flag"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const ANSWERS = ["yes", "no", "unknown"] as const;
/** yes raises (the sign is present); no and unknown (not sure) never lower what the words said. */
export type AnswerValue = (typeof ANSWERS)[number];
/** Red-flag question id (QUESTION_IDS) -> answer. Unknown ids are ignored. */
export type Answers = Readonly<Record<string, AnswerValue>>;

export interface RedFlagQuestion {
  readonly id: QuestionId;
  readonly kind: QuestionKind;
  /** The question, in the assessment's language. */
  readonly text: string;
  /** The level a "yes" would lead to. */
  readonly raisesTo: TriageLevel;
}

export interface TriageReason {
  readonly rule: TriageRule;
  readonly level: TriageLevel;
  /** Why, in the answer's language. */
  readonly message: string;
  /** The patient's words (or finding names, or answers) that triggered the rule. */
  readonly triggers: readonly string[];
  /** The guidance the rule follows (e.g. "NICE NG143"); null for rules on the model's findings. */
  readonly source: string | null;
}

export interface Triage {
  /** The most urgent level any reason asks for. */
  readonly level: TriageLevel;
  /** Localised name of the level. */
  readonly label: string;
  /** What to do, with its time frame, in the answer's language (also the first line of the advice). */
  readonly action: string;
  /** The level the patient's words and answers alone ask for, whatever the photo. */
  readonly wordsLevel: TriageLevel;
  /** Most urgent first. */
  readonly reasons: readonly TriageReason[];
}

/**
 * poor_photo and not_skin rank nothing; uncertain ranks but never states one condition as fact; no_photo is
 * words only (`assessWords`): no findings, the triage from the words.
 */
export type AssessmentStatus = "ok" | "uncertain" | "poor_photo" | "not_skin" | "no_photo";

export interface RecognisedSymptom {
  readonly id: SymptomId;
  /** Localised name from the vocabulary. */
  readonly name: string;
  /** symptom, site, history or risk (who the patient is). */
  readonly kind: VocabularyKind;
  readonly negated: boolean;
  readonly words: readonly string[];
}

export interface Assessment {
  readonly catalogueVersion: string;
  readonly lang: Lang;
  readonly status: AssessmentStatus;
  /** Null when there was no photo (no_photo). */
  readonly gates: {
    readonly quality: QualityReport;
    readonly skin: SkinGate;
    /** Null when an earlier gate failed and nothing was ranked. */
    readonly certainty: CertaintyGate | null;
  } | null;
  /** Ranked by combined probability; empty when status is poor_photo, not_skin or no_photo. */
  readonly findings: readonly Finding[];
  readonly symptoms: {
    readonly recognised: readonly RecognisedSymptom[];
    readonly durationDays: number | null;
    readonly ageYears: number | null;
    readonly temperatureC: number | null;
  };
  /** Always computed: the words are heard whatever the photo, also for poor_photo and not_skin. */
  readonly triage: Triage;
  /** Red-flag questions not yet answered whose "yes" would raise the level, most urgent first; empty when none. */
  readonly questions: readonly RedFlagQuestion[];
  /** One line: the possible matches, the uncertainty, or why the photo could not be used. */
  readonly summary: string;
  /**
   * Most important first: the triage action, then the advice of every possible match that needs to be seen
   * in person, then the top match's advice (or photo tips).
   */
  readonly advice: readonly string[];
  /** Not a diagnosis; see a clinician; emergency numbers. Always present, in `lang`. */
  readonly disclaimer: string;
}
