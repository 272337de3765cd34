/** What the greedy decoder needs from generation_config.json (the same fields Transformers.js reads). */
export interface GenerationSettings {
  suppressTokens: number[];
  /** Suppressed at the first generated position only. */
  beginSuppressTokens: number[];
  maxLength: number;
}

export function parseGenerationConfig(raw: {
  suppress_tokens?: number[];
  begin_suppress_tokens?: number[];
  max_length?: number;
}): GenerationSettings {
  return {
    suppressTokens: raw.suppress_tokens ?? [],
    beginSuppressTokens: raw.begin_suppress_tokens ?? [],
    maxLength: raw.max_length ?? 448,
  };
}

/** Sets the suppressed tokens' logits to -Infinity, in place. */
export function suppress(logits: Float32Array, ids: readonly number[]): void {
  for (const id of ids) if (id < logits.length) logits[id] = Number.NEGATIVE_INFINITY;
}

/** The first index of the largest value (ties go to the lower id, as argmax does). */
export function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** log(sum(exp(values))), stable. */
export function logSumExp(values: Float32Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}
