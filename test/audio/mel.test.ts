import { describe, expect, it } from "vitest";
import { fft, fftPlan } from "../../src/audio/fft";
import {
  decodeAudio,
  logMelSpectrogram,
  N_FRAMES,
  N_MELS,
  N_SAMPLES,
  windows30s,
} from "../../src/audio/index";
import { melFilters } from "../../src/audio/mel";
import { audioFixture, gzFloat32 } from "./support";

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

// scripts/reference/whisper-logmel.py (NumPy, float64) on the same 16 kHz WAV.
describe("log-mel features equal the NumPy reference", () => {
  it.each(["en", "zh"])("%s", async (lang) => {
    const { samples, format } = await decodeAudio(await audioFixture(`${lang}.wav`));
    expect(format).toBe("wav");
    const ours = logMelSpectrogram(samples);
    const reference = await gzFloat32(`${lang}.logmel.f32.gz`);
    expect(ours.length).toBe(N_MELS * N_FRAMES);
    expect(reference.length).toBe(N_MELS * N_FRAMES);
    const diff = maxAbsDiff(ours, reference);
    console.log(`${lang}: max |ours - NumPy| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(1e-4);
  });
});

describe("log-mel details", () => {
  it("gives silence the floor: log10(1e-10) everywhere, (−10 + 4) / 4", () => {
    const features = logMelSpectrogram(new Float32Array(1000));
    expect(new Set(features)).toEqual(new Set([-1.5]));
  });

  it("keeps 8 decades below the loudest bin", () => {
    const tone = Float32Array.from({ length: N_SAMPLES }, (_, i) =>
      Math.sin((2 * Math.PI * 1000 * i) / 16000),
    );
    const features = logMelSpectrogram(tone);
    const max = features.reduce((m, x) => Math.max(m, x), Number.NEGATIVE_INFINITY);
    const min = features.reduce((m, x) => Math.min(m, x), Number.POSITIVE_INFINITY);
    expect(max - min).toBeCloseTo(2, 6); // 8 decades / 4
  });

  it("reads only the first 30 s of a longer signal", () => {
    const long = Float32Array.from({ length: N_SAMPLES + 16000 }, (_, i) =>
      i < N_SAMPLES ? Math.sin(i / 7) : 1,
    );
    const a = logMelSpectrogram(long);
    const b = logMelSpectrogram(long.subarray(0, N_SAMPLES));
    expect(maxAbsDiff(a, b)).toBe(0);
  });

  it("has 80 Slaney filters of unit area in Hz, covering 0 to 8 kHz", () => {
    const filters = melFilters();
    expect(filters).toHaveLength(80);
    // Each triangle's area in Hz (bins 40 Hz apart) is about 1 (norm="slaney"); narrow low ones are coarse.
    for (const { weights } of filters.slice(20)) {
      const area = weights.reduce((s, w) => s + w, 0) * 40;
      expect(area).toBeGreaterThan(0.9);
      expect(area).toBeLessThan(1.1);
    }
    expect(filters[0].from).toBe(1); // 0 Hz is the first triangle's left foot: weight 0
    expect(filters[79].from + filters[79].weights.length).toBeLessThanOrEqual(201);
  });

  it("has an FFT that equals the DFT for 400 points", () => {
    const n = 400;
    const x = Float64Array.from({ length: 2 * n }, (_, i) => Math.sin(i * 0.37) + ((i * 7919) % 13) / 13);
    const y = x.slice();
    fft(fftPlan(n), y);
    let err = 0;
    for (let k = 0; k < n; k++) {
      let re = 0;
      let im = 0;
      for (let t = 0; t < n; t++) {
        const a = (-2 * Math.PI * t * k) / n;
        re += x[2 * t] * Math.cos(a) - x[2 * t + 1] * Math.sin(a);
        im += x[2 * t] * Math.sin(a) + x[2 * t + 1] * Math.cos(a);
      }
      err = Math.max(err, Math.abs(re - y[2 * k]), Math.abs(im - y[2 * k + 1]));
    }
    expect(err).toBeLessThan(1e-9);
  });
});

describe("windows30s", () => {
  it("cuts a 70 s note into 30 + 30 + 10 s views", () => {
    const samples = Float32Array.from({ length: 70 * 16000 }, (_, i) => i);
    const windows = windows30s(samples);
    expect(windows.map((w) => w.length)).toEqual([N_SAMPLES, N_SAMPLES, 10 * 16000]);
    expect(windows[1][0]).toBe(N_SAMPLES);
    expect(windows[2].buffer).toBe(samples.buffer);
  });

  it("gives one window for exactly 30 s and none for nothing", () => {
    expect(windows30s(new Float32Array(N_SAMPLES))).toHaveLength(1);
    expect(windows30s(new Float32Array(0))).toHaveLength(0);
  });
});
