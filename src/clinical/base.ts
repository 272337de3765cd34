/** The clinical module's smallest shared types: languages, localised text and the triage levels. */
export type Lang = "en" | "zh";

/** A text in every language we answer in. */
export type Localised = Readonly<Record<Lang, string>>;

/** Least to most urgent; the order is meaningful (see `maxLevel` in triage.ts). */
export const TRIAGE_LEVELS = ["self_care", "doctor", "doctor_soon", "same_day", "emergency"] as const;
/**
 * self_care: look after it at home; doctor: a routine appointment in the next few weeks; doctor_soon: within
 * 2 to 3 days; same_day: today; emergency: call the emergency number now.
 */
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];
