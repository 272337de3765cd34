import { describe, expect, it } from "vitest";
import { AudioError } from "../../src/audio/errors";
import { designFilter, Resampler, resample } from "../../src/audio/resample";
import { tone } from "./wav-writer";

/** A tone's level after resampling, in dB relative to its input amplitude (0.5), away from the ends. */
function levelDb(hz: number, inRate: number, outRate = 16000): number {
  const out = resample(tone(hz, inRate, 1), inRate, outRate);
  const middle = out.subarray(Math.round(outRate * 0.1), Math.round(outRate * 0.9));
  const rms = Math.sqrt(middle.reduce((s, x) => s + x * x, 0) / middle.length);
  return 20 * Math.log10((rms * Math.SQRT2) / 0.5);
}

describe("resampling to 16 kHz", () => {
  it.each([48000, 44100, 22050])("keeps the pass band (to 7 kHz) from %i Hz", (rate) => {
    for (const hz of [100, 1000, 4000, 6900]) expect(Math.abs(levelDb(hz, rate))).toBeLessThan(0.01);
  });

  // Above 8 kHz a tone would fold back into the speech band (9 kHz → 7 kHz): the filter stops it.
  it.each([48000, 44100, 22050])("removes what lies above 8 kHz from %i Hz, by at least 79 dB", (rate) => {
    const report: string[] = [];
    for (const hz of [8100, 8500, 9000, 10500, 12000, 15000].filter((f) => f < rate / 2)) {
      const db = levelDb(hz, rate);
      report.push(`${hz} Hz: ${db.toFixed(1)} dB`);
      expect(db).toBeLessThan(-79);
    }
    console.log(`${rate} Hz → 16 kHz: ${report.join(", ")}`);
  });

  it("upsamples 8 kHz without images: a 1 kHz tone stays, nothing appears at 7 kHz", () => {
    const out = resample(tone(1000, 8000, 1), 8000, 16000);
    expect(out.length).toBe(16000);
    const middle = out.subarray(1600, 14400);
    // Remove the 1 kHz tone by least squares; what is left is the image and the filter's error.
    let ss = 0;
    let cc = 0;
    for (let i = 0; i < middle.length; i++) {
      const t = (2 * Math.PI * 1000 * (i + 1600)) / 16000;
      ss += middle[i] * Math.sin(t);
      cc += middle[i] * Math.cos(t);
    }
    const a = (2 * ss) / middle.length;
    const b = (2 * cc) / middle.length;
    expect(Math.hypot(a, b)).toBeCloseTo(0.5, 4);
    let residual = 0;
    for (let i = 0; i < middle.length; i++) {
      const t = (2 * Math.PI * 1000 * (i + 1600)) / 16000;
      residual += (middle[i] - a * Math.sin(t) - b * Math.cos(t)) ** 2;
    }
    expect(20 * Math.log10(Math.sqrt(residual / middle.length) / 0.5)).toBeLessThan(-79);
  });

  it("gives ceil(n · out / in) samples and passes 16 kHz through unchanged", () => {
    expect(resample(new Float32Array(48001), 48000, 16000).length).toBe(16001);
    expect(resample(new Float32Array(44100), 44100, 16000).length).toBe(16000);
    expect(resample(new Float32Array(1), 22050, 16000).length).toBe(1);
    const x = tone(440, 16000, 0.1);
    expect(resample(x, 16000, 16000)).toEqual(x);
  });

  it("gives the same output however the input is cut into blocks", () => {
    const x = Float32Array.from({ length: 48000 }, (_, i) => Math.sin(i * 0.01) + Math.sin(i * 1.3) * 0.3);
    const whole = resample(x, 48000, 16000);
    const r = new Resampler(48000, 16000);
    const parts: number[] = [];
    for (let at = 0, size = 1; at < x.length; at += size, size = (size * 7 + 3) % 5000) {
      parts.push(...r.push(x.subarray(at, at + size)));
    }
    parts.push(...r.flush());
    expect(parts.length).toBe(whole.length);
    expect(Math.max(...parts.map((v, i) => Math.abs(v - whole[i])))).toBe(0);
  });

  it("documents its filter: 243 taps at 48 kHz, one phase; 160 phases of 223 from 44.1 kHz", () => {
    const f48 = designFilter(48000, 16000);
    expect([f48.up, f48.down, 2 * f48.half + 1]).toEqual([1, 3, 243]);
    const f44 = designFilter(44100, 16000);
    expect([f44.up, f44.down, 2 * f44.half + 1]).toEqual([160, 441, 223]);
  });

  it("refuses a rate whose ratio to 16 kHz needs over 1024 phases", () => {
    expect(() => new Resampler(16001, 16000)).toThrow(AudioError);
    expect(() => new Resampler(0, 16000)).toThrow(AudioError);
  });
});
