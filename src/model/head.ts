/**
 * A linear head: multinomial logistic regression on the frozen, unit-length CLIP image embedding, trained
 * by `dermedge adapt` on a clinic's own photos and shipped in the package as `head.json` (listed in the
 * manifest with its sha256). Pure maths and validation; which class ids are allowed is the service's
 * business (it knows the catalogue).
 */
import { decodeEmbedding } from "./label-embeddings";
import { ModelUnavailableError } from "./package/errors";
import type { HeadCombine } from "./package/manifest";
import { softmax } from "./scoring";

export const HEAD_FILE = "head.json";
export const HEAD_FORMAT = "dermedge-head/1";

/** A class the catalogue does not know, described by the clinic (`classes.json` when adapting). */
export interface HeadClassDescription {
  name: { en: string; zh: string };
  urgency: string;
  advice: { en: string; zh: string };
}

/** What the head was trained on and how well it did on the held-out split. */
export interface HeadTraining {
  photos: number;
  perClass: Record<string, number>;
  heldOut: number;
  heldOutAccuracy: number;
  heldOutBalancedAccuracy: number;
  /** L2 strength chosen by cross-validation. */
  l2: number;
  /** Expected calibration error on the held-out split, before and after temperature scaling. */
  eceBefore: number;
  eceAfter: number;
  /** The package revision whose vision tower made the embeddings. */
  revision: string;
}

export interface HeadFile {
  format: typeof HEAD_FORMAT;
  classes: string[];
  embeddingWidth: number;
  /** One base64 little-endian float32 row of `embeddingWidth` weights per class. */
  weights: string[];
  bias: number[];
  /** Logits are divided by it (temperature scaling, fitted on the held-out split). */
  temperature: number;
  /** Classes not in the catalogue, by id. */
  newClasses: Record<string, HeadClassDescription>;
  training: HeadTraining;
}

/** A parsed, checked head, ready to score embeddings. */
export interface LinearHead {
  classes: string[];
  weights: Float32Array[];
  bias: number[];
  temperature: number;
  newClasses: Record<string, HeadClassDescription>;
  training: HeadTraining;
}

const invalid = (message: string) => new ModelUnavailableError("model_invalid", `${HEAD_FILE}: ${message}`);

/** Checks the file's structure; throws ModelUnavailableError (model_invalid) saying what is wrong. */
export function parseHead(file: HeadFile): LinearHead {
  if (file?.format !== HEAD_FORMAT) throw invalid(`not a ${HEAD_FORMAT} file`);
  const { classes, embeddingWidth: width, weights, bias, temperature } = file;
  if (!Array.isArray(classes) || classes.length < 2) throw invalid("needs at least two classes");
  if (new Set(classes).size !== classes.length) throw invalid("class ids repeat");
  if (!Number.isInteger(width) || width < 1) throw invalid("embeddingWidth is not a positive integer");
  if (!Array.isArray(weights) || weights.length !== classes.length)
    throw invalid(`${weights?.length} weight rows for ${classes.length} classes`);
  if (!Array.isArray(bias) || bias.length !== classes.length) throw invalid("one bias per class expected");
  if (!(temperature > 0 && Number.isFinite(temperature))) throw invalid("temperature must be > 0");
  const rows = weights.map((row, i) => {
    const decoded = decodeEmbedding(row);
    if (decoded.length !== width)
      throw invalid(`class ${classes[i]} has ${decoded.length} weights, embeddingWidth is ${width}`);
    return decoded;
  });
  if (![...rows.flatMap((r) => [...r]), ...bias].every(Number.isFinite)) throw invalid("non-finite weights");
  return {
    classes,
    weights: rows,
    bias,
    temperature,
    newClasses: file.newClasses ?? {},
    training: file.training,
  };
}

/** Calibrated class probabilities for a unit-length embedding (same order as `head.classes`). */
export function headProbabilities(head: LinearHead, embedding: Float32Array): number[] {
  const width = head.weights[0].length;
  if (embedding.length !== width) {
    throw new ModelUnavailableError(
      "model_invalid",
      `${HEAD_FILE} expects ${width}-wide embeddings; this vision tower gives ${embedding.length}`,
    );
  }
  return softmax(
    head.weights.map((row, k) => {
      let logit = head.bias[k];
      for (let i = 0; i < width; i++) logit += row[i] * embedding[i];
      return logit / head.temperature;
    }),
  );
}

/**
 * The head's probabilities in place of zero-shot ones (see HeadCombine): `zeroShot` is every catalogue
 * label's probability; the result has the head's classes and, if `headShare` < 1, the entries it does
 * not know. Sums to 1.
 */
export function combineWithZeroShot(
  head: LinearHead,
  headProbs: readonly number[],
  zeroShot: readonly { id: string; probability: number }[],
  combine: HeadCombine,
): { id: string; probability: number }[] {
  const known = new Set(head.classes);
  const others = zeroShot.filter((s) => !known.has(s.id));
  const othersMass = others.reduce((sum, s) => sum + s.probability, 0);
  const share = others.length === 0 || !(othersMass > 0) ? 1 : combine.headShare;
  const scores = head.classes.map((id, k) => ({ id, probability: share * headProbs[k] }));
  if (share >= 1) return scores;
  return [
    ...scores,
    ...others.map((s) => ({ id: s.id, probability: ((1 - share) * s.probability) / othersMass })),
  ];
}
