/** Temperature scaling (Guo et al. 2017): one scalar T > 0 dividing the logits, fitted by held-out NLL. */

export function softmaxAt(logits: readonly number[], temperature: number): number[] {
  const scaled = logits.map((l) => l / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((l) => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

export function negativeLogLikelihood(
  logits: readonly number[][],
  y: readonly number[],
  temperature: number,
) {
  let total = 0;
  logits.forEach((row, n) => {
    total -= Math.log(Math.max(softmaxAt(row, temperature)[y[n]], 1e-300));
  });
  return total / logits.length;
}

/** The T in [e^-4, e^4] minimising the NLL: golden-section search on ln T (the NLL is unimodal in it). */
export function fitTemperature(logits: readonly number[][], y: readonly number[]): number {
  const nll = (logT: number) => negativeLogLikelihood(logits, y, Math.exp(logT));
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [a, b] = [-4, 4];
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let [fc, fd] = [nll(c), nll(d)];
  while (b - a > 1e-4) {
    if (fc < fd) {
      [b, d, fd] = [d, c, fc];
      c = b - ratio * (b - a);
      fc = nll(c);
    } else {
      [a, c, fc] = [c, d, fd];
      d = a + ratio * (b - a);
      fd = nll(d);
    }
  }
  return Math.exp((a + b) / 2);
}
