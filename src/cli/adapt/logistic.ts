/**
 * Multinomial logistic regression with L2 and class weights, fitted by L-BFGS on standardised features.
 *
 * Hand-written because the npm candidates lack what a clinic's head needs (checked with `npm view`,
 * 2026-12-06): ml-logistic-regression 2.0.0 (the mljs one, last published 2024) trains one-vs-rest binary
 * models by fixed-step gradient descent (50,000 steps by default), with no L2 penalty, no class weights and
 * no probabilities (only scores); `ml-lbfgs` and `lbfgs` do not exist on the registry. The maths is ~100
 * lines; test/node/adapt-maths.test.ts checks it against closed-form properties.
 */
import { minimize } from "./lbfgs";

export interface Dataset {
  /** Feature vectors, all of one width. */
  x: readonly Float32Array[];
  /** Class index of each vector, 0..classes-1. */
  y: readonly number[];
  classes: number;
}

/** logits = weights[k]·x + bias[k], in the original (unstandardised) feature space. */
export interface LinearModel {
  weights: Float32Array[];
  bias: number[];
}

export interface FitOptions {
  /** L2 strength on the standardised weights (the bias is not penalised). */
  l2: number;
  /** Balanced weights: each class counts as much as any other, whatever its photo count. */
  balanced?: boolean;
  maxIterations?: number;
}

/** n_samples / (n_classes · n_c): scikit-learn's "balanced" class weights. */
export function balancedClassWeights(y: readonly number[], classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const c of y) counts[c]++;
  return counts.map((n) => (n > 0 ? y.length / (classes * n) : 0));
}

function standardiser(x: readonly Float32Array[]) {
  const width = x[0].length;
  const mean = new Float64Array(width);
  const scale = new Float64Array(width);
  for (const v of x) for (let i = 0; i < width; i++) mean[i] += v[i] / x.length;
  for (const v of x) for (let i = 0; i < width; i++) scale[i] += (v[i] - mean[i]) ** 2 / x.length;
  for (let i = 0; i < width; i++) scale[i] = Math.sqrt(scale[i]) || 1;
  return { mean, scale };
}

export function fitLogistic(data: Dataset, options: FitOptions): LinearModel {
  const { x, y, classes: k } = data;
  const width = x[0].length;
  const { mean, scale } = standardiser(x);
  const z = x.map((v) => Float64Array.from(v, (value, i) => (value - mean[i]) / scale[i]));
  const sampleWeight = options.balanced ? balancedClassWeights(y, k) : new Array<number>(k).fill(1);
  const totalWeight = y.reduce((sum, c) => sum + sampleWeight[c], 0);
  const stride = width + 1; // each class: width weights, then its bias
  const objective = (theta: Float64Array) => {
    const gradient = new Float64Array(theta.length);
    let loss = 0;
    const logits = new Float64Array(k);
    for (let n = 0; n < z.length; n++) {
      const row = z[n];
      for (let c = 0; c < k; c++) {
        let s = theta[c * stride + width];
        for (let i = 0; i < width; i++) s += theta[c * stride + i] * row[i];
        logits[c] = s;
      }
      const max = Math.max(...logits);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += Math.exp(logits[c] - max);
      const logSum = max + Math.log(sum);
      const w = sampleWeight[y[n]] / totalWeight;
      loss += w * (logSum - logits[y[n]]);
      for (let c = 0; c < k; c++) {
        const residual = w * (Math.exp(logits[c] - logSum) - (c === y[n] ? 1 : 0));
        for (let i = 0; i < width; i++) gradient[c * stride + i] += residual * row[i];
        gradient[c * stride + width] += residual;
      }
    }
    for (let c = 0; c < k; c++) {
      for (let i = 0; i < width; i++) {
        const t = theta[c * stride + i];
        loss += (options.l2 / 2) * t * t;
        gradient[c * stride + i] += options.l2 * t;
      }
    }
    return { value: loss, gradient };
  };
  const theta = minimize(objective, new Float64Array(k * stride), {
    maxIterations: options.maxIterations ?? 300,
  });
  // Fold the standardisation into the weights, so the head takes raw embeddings.
  const weights: Float32Array[] = [];
  const bias: number[] = [];
  for (let c = 0; c < k; c++) {
    const row = new Float32Array(width);
    let b = theta[c * stride + width];
    for (let i = 0; i < width; i++) {
      row[i] = theta[c * stride + i] / scale[i];
      b -= (theta[c * stride + i] * mean[i]) / scale[i];
    }
    weights.push(row);
    bias.push(b);
  }
  return { weights, bias };
}

export function logitsOf(model: LinearModel, v: Float32Array): number[] {
  return model.weights.map((row, c) => {
    let s = model.bias[c];
    for (let i = 0; i < v.length; i++) s += row[i] * v[i];
    return s;
  });
}
