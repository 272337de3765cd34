/**
 * A complex FFT for any size whose factors are small (Whisper's 400 = 4·4·5·5): Stockham's autosort
 * algorithm, one pass per factor, with every twiddle factor precomputed in the plan. The butterflies are
 * plain DFTs of the factor's size (at most 5 here), which is cheaper than general code paths.
 */
export interface FftPlan {
  size: number;
  stages: { radix: number; span: number; stride: number; twiddles: Float64Array; roots: Float64Array }[];
  /** Scratch buffers, re/im interleaved, and a butterfly's sums. */
  scratch: [Float64Array, Float64Array];
  sums: [Float64Array, Float64Array];
}

function factorize(n: number): number[] {
  const factors: number[] = [];
  for (const f of [4, 2, 3, 5]) {
    while (n % f === 0) {
      factors.push(f);
      n /= f;
    }
  }
  for (let f = 7; n > 1; f += 2) {
    while (n % f === 0) {
      factors.push(f);
      n /= f;
    }
  }
  return factors;
}

export function fftPlan(size: number): FftPlan {
  const stages: FftPlan["stages"] = [];
  let span = size; // length of the sub-transforms this stage splits
  let stride = 1; // how many of them are interleaved
  for (const radix of factorize(size)) {
    const m = span / radix;
    // ω_span^(p·j) for p < m, j < radix
    const twiddles = new Float64Array(2 * m * radix);
    for (let p = 0; p < m; p++) {
      for (let j = 0; j < radix; j++) {
        const a = (-2 * Math.PI * p * j) / span;
        twiddles[2 * (p * radix + j)] = Math.cos(a);
        twiddles[2 * (p * radix + j) + 1] = Math.sin(a);
      }
    }
    // ω_radix^(j·k mod radix)
    const roots = new Float64Array(2 * radix);
    for (let k = 0; k < radix; k++) {
      roots[2 * k] = Math.cos((-2 * Math.PI * k) / radix);
      roots[2 * k + 1] = Math.sin((-2 * Math.PI * k) / radix);
    }
    stages.push({ radix, span, stride, twiddles, roots });
    span = m;
    stride *= radix;
  }
  const largest = Math.max(1, ...stages.map((s) => s.radix));
  return {
    size,
    stages,
    scratch: [new Float64Array(2 * size), new Float64Array(2 * size)],
    sums: [new Float64Array(largest), new Float64Array(largest)],
  };
}

/**
 * Transforms `data` (re/im interleaved, length 2·size) in place: X[k] = Σ x[n]·e^(-2πi·nk/N).
 */
export function fft(plan: FftPlan, data: Float64Array): void {
  let x = data;
  let y = plan.scratch[0];
  const [sumRe, sumIm] = plan.sums;
  for (const { radix, span, stride, twiddles, roots } of plan.stages) {
    const m = span / radix;
    for (let p = 0; p < m; p++) {
      for (let q = 0; q < stride; q++) {
        // inputs x[q + stride·(p + k·m)], outputs y[q + stride·(radix·p + j)]
        for (let j = 0; j < radix; j++) {
          let re = 0;
          let im = 0;
          for (let k = 0; k < radix; k++) {
            const xi = 2 * (q + stride * (p + k * m));
            const r = ((j * k) % radix) * 2;
            const wr = roots[r];
            const wi = roots[r + 1];
            re += x[xi] * wr - x[xi + 1] * wi;
            im += x[xi] * wi + x[xi + 1] * wr;
          }
          sumRe[j] = re;
          sumIm[j] = im;
        }
        for (let j = 0; j < radix; j++) {
          const t = 2 * (p * radix + j);
          const wr = twiddles[t];
          const wi = twiddles[t + 1];
          const yi = 2 * (q + stride * (radix * p + j));
          y[yi] = sumRe[j] * wr - sumIm[j] * wi;
          y[yi + 1] = sumRe[j] * wi + sumIm[j] * wr;
        }
      }
    }
    const swap = x;
    x = y;
    y = swap === data ? plan.scratch[1] : swap;
  }
  if (x !== data) data.set(x);
}
