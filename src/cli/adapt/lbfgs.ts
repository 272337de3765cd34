/**
 * L-BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking Armijo line search, for smooth convex
 * objectives such as the head's regularised log-loss. Written here because no well-kept npm package
 * offers it (see logistic.ts).
 */

export type Objective = (x: Float64Array) => { value: number; gradient: Float64Array };

export interface LbfgsOptions {
  maxIterations?: number;
  /** Stops when the gradient's largest component falls below this. */
  gradientTolerance?: number;
  /** Correction pairs kept. */
  memory?: number;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

const maxAbs = (a: Float64Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

export function minimize(
  objective: Objective,
  start: Float64Array,
  options: LbfgsOptions = {},
): Float64Array {
  const { maxIterations = 500, gradientTolerance = 1e-6, memory = 10 } = options;
  let x = Float64Array.from(start);
  let { value, gradient } = objective(x);
  const pairs: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  for (let iteration = 0; iteration < maxIterations && maxAbs(gradient) > gradientTolerance; iteration++) {
    // Two-loop recursion: direction = -H·gradient.
    const q = Float64Array.from(gradient);
    const alphas: number[] = [];
    for (let i = pairs.length - 1; i >= 0; i--) {
      const { s, y, rho } = pairs[i];
      const alpha = rho * dot(s, q);
      alphas[i] = alpha;
      for (let j = 0; j < q.length; j++) q[j] -= alpha * y[j];
    }
    const last = pairs.at(-1);
    const gamma = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1 / Math.max(1, maxAbs(gradient));
    for (let j = 0; j < q.length; j++) q[j] *= gamma;
    for (let i = 0; i < pairs.length; i++) {
      const { s, y, rho } = pairs[i];
      const beta = rho * dot(y, q);
      for (let j = 0; j < q.length; j++) q[j] += s[j] * (alphas[i] - beta);
    }
    const direction = q.map((v) => -v);
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      pairs.length = 0;
      for (let j = 0; j < q.length; j++) direction[j] = -gradient[j];
      slope = dot(gradient, direction);
    }
    let step = 1;
    let next = x;
    let evaluated = { value, gradient };
    for (let tries = 0; tries < 40; tries++) {
      next = x.map((v, j) => v + step * direction[j]);
      evaluated = objective(next);
      if (evaluated.value <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(evaluated.value < value)) break; // no progress: at the optimum to working precision
    const s = next.map((v, j) => v - x[j]);
    const y = evaluated.gradient.map((v, j) => v - gradient[j]);
    const sy = dot(s, y);
    if (sy > 1e-12) {
      pairs.push({ s, y, rho: 1 / sy });
      if (pairs.length > memory) pairs.shift();
    }
    x = next;
    ({ value, gradient } = evaluated);
  }
  return x;
}
