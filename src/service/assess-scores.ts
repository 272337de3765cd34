import {
  type Answers,
  type AssessInput,
  type Assessment,
  assess,
  CATALOGUE_VERSION,
  type Lang,
  type Localised,
  type QualityReport,
} from "../clinical";

/**
 * What the model said about one photo: everything the clinical step needs to assess it again with other
 * words or answers, and nothing that could rebuild the photo (per-label probabilities and the quality
 * gate's four measurements; never the bytes, the crop or the image embedding). Plain JSON, so a chat can
 * keep it for a while (the bot's session) instead of the photo.
 */
export interface ImageScores {
  /** Probability of each label scored (catalogue ids, or a clinic head's classes), summing to 1. */
  readonly findings: Readonly<Record<string, number>>;
  /** Probability of each not-skin gate label. */
  readonly gate: Readonly<Record<string, number>>;
  readonly quality: QualityReport;
  /** Names and advice of a head's classes the catalogue does not know. */
  readonly otherLabels?: Readonly<Record<string, { name: Localised; advice: Localised }>>;
  /** The model package that scored the photo, and the catalogue its labels belong to. */
  readonly model: { readonly id: string; readonly revision: string };
  readonly catalogueVersion: string;
}

export interface ScoresRequest {
  /** The patient's words, from any source (a caption, a message, a transcript). Never stored or logged. */
  text?: string;
  lang?: Lang;
  /** The client's locale (e.g. Accept-Language or Telegram's language_code). */
  locale?: string;
  /** Answers to red-flag questions an earlier assessment asked. */
  answers?: Answers;
}

/** Scores kept across a catalogue change would be read against labels they were not made for. */
export class StaleScoresError extends Error {
  constructor(readonly catalogueVersion: string) {
    super(`image scores are for catalogue ${catalogueVersion}, not ${CATALOGUE_VERSION}`);
    this.name = "StaleScoresError";
  }
}

/**
 * The clinical step alone: a photo's stored scores + words + answers -> an assessment, with no model and
 * no photo. The same answer assessPhoto gives for that photo with those words and answers.
 * Throws StaleScoresError for scores made under another catalogue version.
 */
export function assessScores(
  image: ImageScores,
  request: ScoresRequest,
  clinical?: AssessInput["config"],
): Assessment {
  if (image.catalogueVersion !== CATALOGUE_VERSION) throw new StaleScoresError(image.catalogueVersion);
  return assess({
    imageProbabilities: image.findings,
    gateProbabilities: image.gate,
    quality: image.quality,
    text: request.text,
    answers: request.answers,
    lang: request.lang,
    locale: request.locale,
    config: clinical,
    otherLabels: image.otherLabels,
  });
}
