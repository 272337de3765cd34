import { freeNow } from "../lib/bytes";
import { fft, fftPlan } from "./fft";

/**
 * Whisper's log-mel spectrogram of one 30 s window, as its feature extractor computes it (openai/whisper
 * audio.py, and Transformers' WhisperFeatureExtractor): the samples padded with zeros or cut to 30 s;
 * a periodic 400-point Hann window every 160 samples over the signal extended by 200 reflected samples at
 * each end (torch.stft's center=True, pad_mode="reflect"); the power spectrum; 80 Slaney mel filters
 * (librosa.filters.mel(sr=16000, n_fft=400, n_mels=80) with its defaults); log10 of max(·, 1e-10),
 * raised to at least the maximum minus 8; then (x + 4) / 4. Of the 3001 frames the last is dropped.
 */
export const SAMPLE_RATE = 16000;
export const N_FFT = 400;
export const HOP_LENGTH = 160;
export const N_MELS = 80;
export const N_SAMPLES = 30 * SAMPLE_RATE;
export const N_FRAMES = N_SAMPLES / HOP_LENGTH;
const N_BINS = N_FFT / 2 + 1;

// Slaney's mel scale (librosa's default, htk=False): linear below 1 kHz, logarithmic above.
const F_SP = 200 / 3;
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
const LOG_STEP = Math.log(6.4) / 27;
export const hzToMel = (hz: number) =>
  hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
export const melToHz = (mel: number) =>
  mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;

export interface MelFilter {
  /** First FFT bin with a non-zero weight. */
  from: number;
  weights: Float64Array;
}

/**
 * Triangles on N_MELS + 2 points evenly spaced in mel from 0 Hz to 8 kHz, each scaled to unit area
 * (2 / its width in Hz: librosa's norm="slaney"). Only the non-zero span of each is kept.
 */
export function melFilters(): MelFilter[] {
  const top = hzToMel(SAMPLE_RATE / 2);
  const points = Array.from({ length: N_MELS + 2 }, (_, i) => melToHz((top * i) / (N_MELS + 1)));
  return Array.from({ length: N_MELS }, (_, m) => {
    const [left, centre, right] = [points[m], points[m + 1], points[m + 2]];
    const row = Array.from({ length: N_BINS }, (_, k) => {
      const hz = (k * SAMPLE_RATE) / N_FFT;
      const weight = Math.max(0, Math.min((hz - left) / (centre - left), (right - hz) / (right - centre)));
      return (weight * 2) / (right - left);
    });
    const from = row.findIndex((w) => w > 0);
    let to = row.length - 1;
    while (to > from && row[to] <= 0) to--;
    return from < 0
      ? { from: 0, weights: new Float64Array(0) }
      : { from, weights: Float64Array.from(row.slice(from, to + 1)) };
  });
}

let cached: { filters: MelFilter[]; window: Float64Array; plan: ReturnType<typeof fftPlan> } | undefined;

function tables() {
  cached ??= {
    filters: melFilters(),
    // torch.hann_window(400), periodic: 0.5 - 0.5·cos(2πn/N) for n < N
    window: Float64Array.from({ length: N_FFT }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / N_FFT)),
    plan: fftPlan(N_FFT),
  };
  return cached;
}

/** The window's samples, extended by reflection at both ends (index -1 is sample 1, and so on). */
function reflectPadded(samples: Float32Array): Float32Array {
  const pad = N_FFT / 2;
  const out = new Float32Array(N_SAMPLES + 2 * pad);
  out.set(samples.subarray(0, N_SAMPLES), pad);
  const last = N_SAMPLES - 1;
  const at = (i: number) => (i < samples.length && i <= last ? samples[i] : 0);
  for (let i = 1; i <= pad; i++) {
    out[pad - i] = at(i);
    out[pad + last + i] = at(last - i);
  }
  return out;
}

/**
 * The 80 x 3000 features (row-major: mel bin, then frame) of the first 30 s of 16 kHz mono samples.
 * Two real frames go through each complex FFT (one as the real part, one as the imaginary part) and are
 * told apart by the transform's symmetry, which halves the FFTs.
 */
export function logMelSpectrogram(samples16k: Float32Array): Float32Array {
  const { filters, window, plan } = tables();
  const padded = reflectPadded(samples16k);
  const mel = new Float64Array(N_MELS * N_FRAMES);
  const data = new Float64Array(2 * N_FFT);
  const powerA = new Float64Array(N_BINS);
  const powerB = new Float64Array(N_BINS);
  const addMel = (power: Float64Array, frame: number) => {
    for (let m = 0; m < N_MELS; m++) {
      const { from, weights } = filters[m];
      let sum = 0;
      for (let i = 0; i < weights.length; i++) sum += weights[i] * power[from + i];
      mel[m * N_FRAMES + frame] = sum;
    }
  };
  for (let frame = 0; frame < N_FRAMES; frame += 2) {
    const a = frame * HOP_LENGTH;
    const b = a + HOP_LENGTH; // N_FRAMES is even: every pair is whole
    for (let n = 0; n < N_FFT; n++) {
      data[2 * n] = padded[a + n] * window[n];
      data[2 * n + 1] = padded[b + n] * window[n];
    }
    fft(plan, data);
    for (let k = 0; k < N_BINS; k++) {
      const j = (N_FFT - k) % N_FFT;
      const zr = data[2 * k];
      const zi = data[2 * k + 1];
      const nr = data[2 * j];
      const ni = data[2 * j + 1];
      // A[k] = (Z[k] + conj Z[N-k]) / 2, B[k] = (Z[k] - conj Z[N-k]) / 2i
      powerA[k] = ((zr + nr) ** 2 + (zi - ni) ** 2) / 4;
      powerB[k] = ((zi + ni) ** 2 + (zr - nr) ** 2) / 4;
    }
    addMel(powerA, frame);
    addMel(powerB, frame + 1);
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < mel.length; i++) {
    mel[i] = Math.log10(Math.max(mel[i], 1e-10));
    if (mel[i] > max) max = mel[i];
  }
  const out = new Float32Array(mel.length);
  for (let i = 0; i < mel.length; i++) out[i] = (Math.max(mel[i], max - 8) + 4) / 4;
  // 3.9 MB of working arrays a window, given back now rather than at V8's next collection.
  for (const array of [padded, mel]) freeNow(array);
  return out;
}

/**
 * A long note cut into consecutive 30 s windows (views, not copies), the last one shorter; each goes
 * through logMelSpectrogram, which pads it. No samples, no windows.
 */
export function windows30s(samples16k: Float32Array): Float32Array[] {
  const windows: Float32Array[] = [];
  for (let at = 0; at < samples16k.length; at += N_SAMPLES)
    windows.push(samples16k.subarray(at, at + N_SAMPLES));
  return windows;
}
