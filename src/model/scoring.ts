/** Zero-shot scoring as in CLIP: softmax(logitScale * cosine(image, text)). Pure maths, no I/O. */

export function l2Normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (!(norm > 0) || !Number.isFinite(norm))
    throw new Error("cannot normalise a zero or non-finite embedding");
  return v.map((x) => x / norm);
}

/** A prompt ensemble: the renormalised mean of the prompts' normalised embeddings. */
export function ensembleEmbedding(embeddings: readonly Float32Array[]): Float32Array {
  if (embeddings.length === 0) throw new Error("a label needs at least one prompt");
  const mean = new Float32Array(embeddings[0].length);
  for (const e of embeddings) {
    const unit = l2Normalize(e);
    for (let i = 0; i < mean.length; i++) mean[i] += unit[i] / embeddings.length;
  }
  return l2Normalize(mean);
}

export function dot(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`embedding sizes differ: ${a.length} vs ${b.length}`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Numerically stable softmax. */
export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Probabilities over labels, given unit-length image and label embeddings. */
export function zeroShotProbabilities(
  image: Float32Array,
  labels: readonly Float32Array[],
  logitScale: number,
): number[] {
  return softmax(labels.map((label) => logitScale * dot(image, label)));
}
