import { describe, expect, it } from "vitest";
import { assessPhotoQuality, DEFAULT_QUALITY_THRESHOLDS } from "../../src/clinical";
import { greyImage, random } from "./fixtures";

const noise = (seed: number, lo: number, hi: number) => {
  const next = random(seed);
  return greyImage(224, 224, () => lo + (hi - lo) * next());
};
const codes = (report: ReturnType<typeof assessPhotoQuality>) => report.problems.map((p) => p.code);

describe("assessPhotoQuality", () => {
  it("passes a sharp, well-exposed photo", () => {
    const report = assessPhotoQuality(noise(1, 60, 200), { originalShortEdge: 3024 });
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.measurements.shortEdge).toBe(3024);
    expect(report.measurements.meanLuminance).toBeCloseTo(130, -1);
  });

  it("flags a photo that is too dark", () => {
    const report = assessPhotoQuality(noise(2, 0, 50), { originalShortEdge: 1000 });
    expect(codes(report)).toEqual(["too_dark"]);
    expect(report.measurements.meanLuminance).toBeLessThan(DEFAULT_QUALITY_THRESHOLDS.minMeanLuminance);
  });

  it("flags an overexposed photo", () => {
    const next = random(3);
    const report = assessPhotoQuality(greyImage(224, 224, (x) => (x < 90 ? 255 : 60 + 140 * next())));
    expect(codes(report)).toEqual(["overexposed"]);
    expect(report.measurements.clippedFraction).toBeCloseTo(90 / 224, 5);
  });

  it("flags a blurry photo by the variance of the Laplacian", () => {
    const smooth = greyImage(224, 224, (x, y) => 128 + 60 * Math.sin(x / 20) * Math.cos(y / 25));
    const report = assessPhotoQuality(smooth);
    expect(codes(report)).toEqual(["blurry"]);
    expect(report.measurements.laplacianVariance).toBeLessThan(
      DEFAULT_QUALITY_THRESHOLDS.minLaplacianVariance,
    );
  });

  it("measures the Laplacian exactly on a hand-checkable image", () => {
    // A vertical stripe pattern 0,255,0,255...: the interior Laplacian alternates ±510, mean 0.
    const stripes = greyImage(6, 5, (x) => (x % 2 ? 255 : 0));
    expect(assessPhotoQuality(stripes).measurements.laplacianVariance).toBeCloseTo(510 ** 2, 6);
  });

  it("flags a photo too small on its short side, using the original size when given", () => {
    const sharp = noise(4, 60, 200);
    expect(codes(assessPhotoQuality(sharp, { originalShortEdge: 180 }))).toEqual(["too_small"]);
    const thumbnail = (() => {
      const next = random(5);
      return greyImage(150, 100, () => 60 + 140 * next());
    })();
    expect(codes(assessPhotoQuality(thumbnail))).toEqual(["too_small"]);
  });

  it("reports several problems at once, without asking to focus a dark frame", () => {
    const dark = greyImage(100, 100, () => 10);
    expect(codes(assessPhotoQuality(dark))).toEqual(["too_small", "too_dark"]);
  });

  it("gives a tip for each problem in English and Chinese", () => {
    const report = assessPhotoQuality(
      greyImage(224, 224, () => 128),
      { originalShortEdge: 100 },
    );
    expect(codes(report)).toEqual(["too_small", "blurry"]);
    for (const p of report.problems) {
      expect(p.tip.en).toMatch(/photo/i);
      expect(p.tip.zh).toMatch(/照片/);
    }
  });

  it("takes configured thresholds", () => {
    const flat = greyImage(224, 224, () => 128);
    expect(assessPhotoQuality(flat, { thresholds: { minLaplacianVariance: 0 } }).ok).toBe(true);
    expect(codes(assessPhotoQuality(noise(6, 60, 200), { thresholds: { minMeanLuminance: 200 } }))).toEqual([
      "too_dark",
    ]);
  });

  it("rejects malformed pixels", () => {
    expect(() => assessPhotoQuality({ width: 10, height: 10, data: new Uint8Array(299) })).toThrow(
      RangeError,
    );
    expect(() => assessPhotoQuality({ width: 2, height: 2, data: new Uint8Array(12) })).toThrow(RangeError);
  });
});
