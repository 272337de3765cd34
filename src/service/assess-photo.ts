import {
  type Answers,
  type AssessInput,
  type Assessment,
  assessPhotoQuality,
  CATALOGUE_VERSION,
  cataloguePrompts,
  gatePrompts,
  type Lang,
} from "../clinical";
import type { ClipEngine, Label, ModelInfo } from "../model/engine";
import { assessScores, type ImageScores } from "./assess-scores";
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
  /** Decode the photo at full size, as HF's preprocessing does (parity work); slower for large photos. */
  exact?: boolean;
  clinical?: AssessInput["config"];
}

const toLabels = (prompts: Readonly<Record<string, readonly string[]>>): Label[] =>
  Object.entries(prompts).map(([id, p]) => ({ id, prompts: p }));

const catalogueLabels = toLabels(cataloguePrompts());
const gateLabels = toLabels(gatePrompts);

const byId = (scores: { id: string; probability: number }[]) =>
  Object.fromEntries(scores.map((s) => [s.id, s.probability]));

/** What the vision step says about a photo: the scores the clinical step reads, and what the API shows. */
export interface PhotoScores {
  image: ImageScores;
  scores: PhotoAssessment["scores"];
  zeroShotScores: PhotoAssessment["zeroShotScores"];
  gateScores: PhotoAssessment["gateScores"];
  model: ModelInfo;
  timings: PhotoAssessment["timings"];
}

/**
 * The vision step alone: decode -> quality -> engine (gate, findings, the package's head). What the bot keeps
 * of a photo (`image`) so that new words or answers need only the clinical step (assess-scores.ts).
 * Throws ImageError for unreadable photos and ModelUnavailableError when the model cannot be loaded.
 */
export async function scorePhoto(
  engine: ClipEngine,
  request: Pick<PhotoRequest, "image" | "labels" | "client">,
  options: Pick<AssessOptions, "maxPixels" | "exact"> = {},
): Promise<PhotoScores> {
  const started = Date.now();
  const image = await engine.embedImage(request.image, {
    maxPixels: options.maxPixels,
    exact: options.exact,
  });
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
  return {
    image: {
      findings: byId(scores),
      gate: byId(gate.scores),
      quality,
      ...(head ? { otherLabels: head.otherLabels } : {}),
      model: { id: engine.info.id, revision: engine.info.revision },
      catalogueVersion: CATALOGUE_VERSION,
    },
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

/**
 * The one path from "photo bytes + words" to an assessment: the vision step, then the clinical step. The
 * HTTP API and the CLI call this; the bot calls the two steps apart, keeping the scores between them.
 * Throws ImageError for unreadable photos and ModelUnavailableError when the model cannot be loaded.
 */
export async function assessPhoto(
  engine: ClipEngine,
  request: PhotoRequest,
  options: AssessOptions = {},
): Promise<PhotoAssessment> {
  const started = Date.now();
  const { image, ...scored } = await scorePhoto(engine, request, options);
  const assessWith = (text: string | undefined) =>
    assessScores(image, { ...request, text }, options.clinical);
  const { heard } = request;
  const assessment = heard
    ? neverLowered(assessWith(joinWords(request.text, heard.text)), heard, () => assessWith(request.text))
    : assessWith(request.text);
  return { assessment, ...scored, timings: { ...scored.timings, totalMs: Date.now() - started } };
}
