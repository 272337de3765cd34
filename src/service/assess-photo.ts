import {
  type Answers,
  type AssessInput,
  type Assessment,
  assess,
  assessPhotoQuality,
  cataloguePrompts,
  gatePrompts,
  type Lang,
} from "../clinical";
import type { ClipEngine, Label, ModelInfo } from "../model/engine";
import { headScores } from "./head";
import { type Heard, joinWords, neverLowered } from "./hear";

export interface PhotoRequest {
  /** The photo's bytes (JPEG, PNG or WebP). Never stored or logged. */
  image: Uint8Array;
  /** The patient's words. Never stored or logged. */
  text?: string;
  lang?: Lang;
  /** The client's locale (e.g. Accept-Language), used when neither lang nor the text decides. */
  locale?: string;
  /** The caller's own labels instead of the catalogue. */
  labels?: readonly string[];
  /**
   * Who the caller is (an API key's id, an address): the embeddings of their own labels are cached for
   * them alone, so no client can learn from timing which labels another used.
   */
  client?: string;
  /** Answers to red-flag questions an earlier assessment asked. */
  answers?: Answers;
  /** What a voice note said: read with `text`; when doubtful it may raise the level, never lower it. */
  heard?: Heard;
}

export interface PhotoAssessment {
  assessment: Assessment;
  /** What the image alone says about every label scored (catalogue ids or the caller's labels), summing to 1. */
  scores: { id: string; probability: number }[];
  /** The zero-shot scores of the same labels: `scores` unless the package's head replaced them. */
  zeroShotScores: { id: string; probability: number }[];
  /** What the image alone says about the not-skin gate's labels. */
  gateScores: { id: string; probability: number }[];
  model: ModelInfo;
  timings: { decodeMs: number; encodeMs: number; textMs: number; totalMs: number };
}

export interface AssessOptions {
  maxPixels?: number;
  clinical?: AssessInput["config"];
}

const toLabels = (prompts: Readonly<Record<string, readonly string[]>>): Label[] =>
  Object.entries(prompts).map(([id, p]) => ({ id, prompts: p }));

const catalogueLabels = toLabels(cataloguePrompts());
const gateLabels = toLabels(gatePrompts);

const byId = (scores: { id: string; probability: number }[]) =>
  Object.fromEntries(scores.map((s) => [s.id, s.probability]));

/**
 * The one path from "photo bytes + words" to an assessment: decode -> engine -> clinical. The HTTP API,
 * the Telegram bot and the CLI all call this; none of them repeats the sequence.
 * Throws ImageError for unreadable photos and ModelUnavailableError when the model cannot be loaded.
 */
export async function assessPhoto(
  engine: ClipEngine,
  request: PhotoRequest,
  options: AssessOptions = {},
): Promise<PhotoAssessment> {
  const started = Date.now();
  const image = await engine.embedImage(request.image, { maxPixels: options.maxPixels });
  const { width, height } = image.header;
  const quality = assessPhotoQuality(
    { width: image.cropSize, height: image.cropSize, data: image.crop },
    { originalShortEdge: Math.min(width, height) },
  );
  // A caller's own labels are prompts already ("a photo of a skin rash"), as in the CLIP example.
  const labels = request.labels?.length
    ? request.labels.map((label) => ({ id: label, prompts: [label] }))
    : catalogueLabels;
  const gate = await engine.classify(image.embedding, gateLabels);
  const custom = Boolean(request.labels?.length);
  const findings = await engine.classify(image.embedding, labels, custom ? request.client : undefined);
  // A clinic's head replaces the catalogue's zero-shot ranking; a caller's own labels stay zero-shot.
  const head = custom ? null : await headScores(engine, image.embedding, findings.scores);
  const scores = head?.scores ?? findings.scores;
  const assessWith = (text: string | undefined) =>
    assess({
      imageProbabilities: byId(scores),
      gateProbabilities: byId(gate.scores),
      quality,
      text,
      answers: request.answers,
      lang: request.lang,
      locale: request.locale,
      config: options.clinical,
      otherLabels: head?.otherLabels,
    });
  const { heard } = request;
  const assessment = heard
    ? neverLowered(assessWith(joinWords(request.text, heard.text)), heard, () => assessWith(request.text))
    : assessWith(request.text);
  return {
    assessment,
    scores,
    zeroShotScores: findings.scores,
    gateScores: gate.scores,
    model: engine.info,
    timings: {
      ...image.timings,
      textMs: gate.timings.textMs + findings.timings.textMs,
      totalMs: Date.now() - started,
    },
  };
}
