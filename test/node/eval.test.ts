import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_IMAGES, type TestImage } from "../support/test-images";

const root = resolve(import.meta.dirname, "../..");
const tiny = resolve(root, ".cache/models/tiny");
/** The photos the global setup made, one per class folder: what is scored does not matter, the counting does. */
const images = resolve(root, ".cache/images");
const PHOTOS: Record<keyof typeof HAM_MAP, TestImage> = {
  akiec: "photo",
  bcc: "exif6",
  bkl: "portrait",
  df: "photoPng",
  mel: "photoWebp",
  nv: "photoWebpLossless",
  vasc: "tiny",
};

/** HAM10000 class codes -> catalogue ids. */
const HAM_MAP = {
  akiec: "actinic_keratosis",
  bcc: "basal_cell_carcinoma",
  bkl: "seborrhoeic_keratosis",
  df: "dermatofibroma",
  mel: "melanoma",
  nv: "naevus",
  vasc: "cherry_angioma",
};

interface Report {
  samples: number;
  top1: number;
  top3: number;
  expectedCalibrationError: number;
  notSkinFalseRejectionRate: number;
  confusion: { classes: string[]; counts: number[][] };
  perClass: { label: string; support: number; sensitivity: number | null; specificity: number | null }[];
  samples_?: never;
}
type Sample = { path: string; truth: string; probabilities: Record<string, number>; skinGatePassed: boolean };

describe("dermedge eval", () => {
  let dir: string;
  let stdout: string;
  let report: Report & { samples: number };
  let samples: Sample[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dermedge-eval-"));
    const data = join(dir, "data");
    for (const [code, photo] of Object.entries(PHOTOS)) {
      await mkdir(join(data, code), { recursive: true });
      const file = TEST_IMAGES[photo];
      await copyFile(join(images, file), join(data, code, file));
    }
    // The same photo under two truths: identical predictions, so at most one of them is right.
    const nv = (await import("node:fs")).readdirSync(join(data, "nv"))[0];
    await copyFile(join(data, "nv", nv), join(data, "mel", `copy-of-${nv}`));
    await writeFile(join(dir, "map.json"), JSON.stringify(HAM_MAP));
    const out = join(dir, "report.json");
    ({ stdout } = await promisify(execFile)("node", [
      resolve(root, "bin/dermedge.mjs"),
      "eval",
      data,
      "--model",
      tiny,
      "--map",
      join(dir, "map.json"),
      "--out",
      out,
    ]));
    const json = JSON.parse(await readFile(out, "utf8"));
    report = json;
    samples = json.samples;
  });

  it("scores every image of every class folder", () => {
    expect(samples).toHaveLength(8);
    expect(new Set(samples.map((s) => s.truth))).toEqual(new Set(Object.values(HAM_MAP)));
    for (const s of samples) expect(Object.values(s.probabilities).reduce((a, b) => a + b)).toBeCloseTo(1, 6);
  });

  it("computes the confusion matrix, accuracy and per-class rates as a hand count does", () => {
    const top = (p: Record<string, number>) => Object.entries(p).sort((a, b) => b[1] - a[1])[0][0];
    const top3 = (p: Record<string, number>) =>
      Object.entries(p)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([l]) => l);
    const { classes, counts } = report.confusion;
    // Hand-made matrix from the per-image predictions.
    const hand = classes.map(() => classes.map(() => 0));
    for (const s of samples) hand[classes.indexOf(s.truth)][classes.indexOf(top(s.probabilities))]++;
    expect(counts).toEqual(hand);
    expect(counts.flat().reduce((a, b) => a + b)).toBe(8);
    const correct = samples.filter((s) => top(s.probabilities) === s.truth).length;
    expect(correct).toBeLessThan(8); // the duplicated photo cannot be right twice
    expect(report.top1).toBeCloseTo(correct / 8, 12);
    expect(report.top3).toBeCloseTo(
      samples.filter((s) => top3(s.probabilities).includes(s.truth)).length / 8,
      12,
    );
    for (const c of report.perClass) {
      const i = classes.indexOf(c.label);
      const tp = hand[i][i];
      const support = hand[i].reduce((a, b) => a + b);
      const predicted = hand.reduce((a, row) => a + row[i], 0);
      const tn = 8 - support - (predicted - tp);
      expect(c.support).toBe(support);
      expect(c.sensitivity).toBe(support ? tp / support : null);
      expect(c.specificity).toBe(tn + predicted - tp > 0 ? tn / (tn + predicted - tp) : null);
    }
    expect(report.perClass.find((c) => c.label === "melanoma")?.support).toBe(2);
  });

  it("computes the expected calibration error and the not-skin false-rejection rate", () => {
    const bins = Array.from({ length: 10 }, () => ({ n: 0, correct: 0, confidence: 0 }));
    for (const s of samples) {
      const [label, p] = Object.entries(s.probabilities).sort((a, b) => b[1] - a[1])[0];
      const bin = bins[Math.min(9, Math.floor(p * 10))];
      bin.n++;
      bin.confidence += p;
      if (label === s.truth) bin.correct++;
    }
    const ece = bins.reduce(
      (sum, b) => (b.n ? sum + (b.n / 8) * Math.abs(b.correct / b.n - b.confidence / b.n) : sum),
      0,
    );
    expect(report.expectedCalibrationError).toBeCloseTo(ece, 12);
    expect(report.notSkinFalseRejectionRate).toBe(samples.filter((s) => !s.skinGatePassed).length / 8);
  });

  it("prints a table with the figures", () => {
    expect(stdout).toContain("images: 8");
    expect(stdout).toContain(`top-1: ${(100 * report.top1).toFixed(1).padStart(5)}%`);
    expect(stdout).toMatch(/confusion matrix/);
    expect(stdout).toMatch(/synthetic model: these numbers mean nothing/);
  });

  it("refuses a class folder that is not a catalogue id and not mapped", async () => {
    await mkdir(join(dir, "bad", "freckles"), { recursive: true });
    const run = promisify(execFile)("node", [
      resolve(root, "bin/dermedge.mjs"),
      "eval",
      join(dir, "bad"),
      "--model",
      tiny,
    ]);
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^dermedge: folder "freckles" is not a catalogue id/),
    });
  });
});
