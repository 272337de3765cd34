/** Shared types of the clinical module. Pure data: nothing here does I/O. */
import type { SymptomId } from "./vocabulary";

export type Lang = "en" | "zh";

/** A text in every language we answer in. */
export type Localised = Readonly<Record<Lang, string>>;

/** Least to most urgent; the order is meaningful (see `atLeast` in triage.ts). */
export const TRIAGE_LEVELS = ["self_care", "doctor", "doctor_soon", "emergency"] as const;
/** self_care: look after it at home; doctor: routine visit; doctor_soon: within days; emergency: now. */
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];

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
  /** The patient's age when stated ("I'm 45", "45 years old", "45岁"), or null. */
  readonly ageYears: number | null;
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

export type TriageRule =
  | "airway"
  | "fever_infection"
  | "changing_mole"
  | "eye"
  | "in_person_review"
  | "finding"
  | "custom_label"
  | "uncertain"
  | "persistent";

export interface TriageReason {
  readonly rule: TriageRule;
  readonly level: TriageLevel;
  /** Why, in the answer's language. */
  readonly message: string;
  /** The patient's words (or finding names) that triggered the rule. */
  readonly triggers: readonly string[];
}

export interface Triage {
  /** The most urgent level any reason asks for. */
  readonly level: TriageLevel;
  /** Localised name of the level. */
  readonly label: string;
  /** Most urgent first. */
  readonly reasons: readonly TriageReason[];
}

/** poor_photo and not_skin rank nothing; uncertain ranks but never states one condition as fact. */
export type AssessmentStatus = "ok" | "uncertain" | "poor_photo" | "not_skin";

export interface RecognisedSymptom {
  readonly id: SymptomId;
  /** Localised name from the vocabulary. */
  readonly name: string;
  readonly negated: boolean;
  readonly words: readonly string[];
}

export interface Assessment {
  readonly catalogueVersion: string;
  readonly lang: Lang;
  readonly status: AssessmentStatus;
  readonly gates: {
    readonly quality: QualityReport;
    readonly skin: SkinGate;
    /** Null when an earlier gate failed and nothing was ranked. */
    readonly certainty: CertaintyGate | null;
  };
  /** Ranked by combined probability; empty when status is poor_photo or not_skin. */
  readonly findings: readonly Finding[];
  readonly symptoms: {
    readonly recognised: readonly RecognisedSymptom[];
    readonly durationDays: number | null;
    readonly ageYears: number | null;
  };
  /**
   * Null only when nothing could be judged: a photo that failed a gate and words without a red flag.
   * Red flags in the words always produce a triage, whatever the photo.
   */
  readonly triage: Triage | null;
  /** One line: the most likely finding, the uncertainty, or why the photo could not be used. */
  readonly summary: string;
  /** Most important first: the triage action (when there is a triage), then specific advice or photo tips. */
  readonly advice: readonly string[];
  /** Not a diagnosis; see a clinician; emergency numbers. Always present, in `lang`. */
  readonly disclaimer: string;
}
