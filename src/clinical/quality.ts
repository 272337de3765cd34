/** Photo quality from the decoded pixels: too dark, overexposed, blurry, too small. */
import { messages } from "./messages";
import type { QualityProblem, QualityProblemCode, QualityReport, RgbImage } from "./types";

export interface QualityThresholds {
  /**
   * Mean luminance (0..255) below which the photo is too dark. Default 35: phones meter exposure towards
   * mid-grey (~118), even for deeply pigmented skin in ordinary light, so a mean under 35 means the scene
   * itself was too dim: sensor noise dominates and colour, which the model relies on, is lost.
   */
  readonly minMeanLuminance: number;
  /**
   * Fraction of pixels at luminance >= 250 above which the photo is overexposed. Default 0.25: when a
   * quarter of the picture is burnt-out white there is no detail left there (flash glare, direct sun).
   */
  readonly maxClippedFraction: number;
  /**
   * Variance of the Laplacian of the luminance below which the photo is blurry, measured on the 224x224
   * crop the model sees (blur invisible at that size does not matter to the model). Default 8: on the
   * shared fixtures' reference crops, sharp dermoscopy photos measure 20-250 and everyday photos 80-5000,
   * while the same skin crops blurred with a Gaussian of sigma 1.5 px measure under 4, and a 64x40 photo
   * upscaled to 224 measures 4.4. Smooth skin is naturally low in texture, so the threshold stays low.
   */
  readonly minLaplacianVariance: number;
  /** Short edge of the original photo below which it is too small. Default 224: the model's input size. */
  readonly minShortEdge: number;
}

export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = {
  minMeanLuminance: 35,
  maxClippedFraction: 0.25,
  minLaplacianVariance: 8,
  minShortEdge: 224,
};

const CLIPPED_LUMINANCE = 250;

/**
 * The pixels cannot be measured at all (fewer than 3x3, or not width*height*3 bytes): the photo's fault,
 * unlike any other RangeError (a NaN from the model, a bad setting), which is ours.
 */
export class ImageNotAssessableError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "ImageNotAssessableError";
  }
}

function luminance(image: RgbImage): Float64Array {
  const { width, height, data } = image;
  const y = new Float64Array(width * height);
  // Rec. 601 weights, as in JPEG and most "brightness" measures.
  for (let i = 0; i < y.length; i++)
    y[i] = 0.299 * data[3 * i] + 0.587 * data[3 * i + 1] + 0.114 * data[3 * i + 2];
  return y;
}

/** Variance of the 4-neighbour Laplacian over the interior pixels. */
function laplacianVariance(y: Float64Array, width: number, height: number): number {
  let sum = 0;
  let sumSquares = 0;
  for (let r = 1; r < height - 1; r++) {
    for (let c = 1; c < width - 1; c++) {
      const i = r * width + c;
      const v = y[i - 1] + y[i + 1] + y[i - width] + y[i + width] - 4 * y[i];
      sum += v;
      sumSquares += v * v;
    }
  }
  const n = (width - 2) * (height - 2);
  return sumSquares / n - (sum / n) ** 2;
}

function problem(code: QualityProblemCode): QualityProblem {
  return { code, tip: { en: messages.en.photoTips[code], zh: messages.zh.photoTips[code] } };
}

/**
 * Checks a decoded photo. Pass the downscaled copy the model sees (e.g. the 224x224 crop) as `image` and
 * the original photo's short edge as `originalShortEdge` (defaults to the image's own short edge).
 */
export function assessPhotoQuality(
  image: RgbImage,
  options: { originalShortEdge?: number; thresholds?: Partial<QualityThresholds> } = {},
): QualityReport {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 3 || height < 3) {
    throw new ImageNotAssessableError(`image must be at least 3x3 pixels, got ${width}x${height}`);
  }
  if (data.length !== width * height * 3) {
    throw new ImageNotAssessableError(
      `RGB data must be width*height*3 = ${width * height * 3} bytes, got ${data.length}`,
    );
  }
  const t = { ...DEFAULT_QUALITY_THRESHOLDS, ...options.thresholds };
  const y = luminance(image);
  let total = 0;
  let clipped = 0;
  for (const v of y) {
    total += v;
    if (v >= CLIPPED_LUMINANCE) clipped++;
  }
  const measurements = {
    meanLuminance: total / y.length,
    clippedFraction: clipped / y.length,
    laplacianVariance: laplacianVariance(y, width, height),
    shortEdge: options.originalShortEdge ?? Math.min(width, height),
  };
  const problems: QualityProblem[] = [];
  if (measurements.shortEdge < t.minShortEdge) problems.push(problem("too_small"));
  if (measurements.meanLuminance < t.minMeanLuminance) problems.push(problem("too_dark"));
  if (measurements.clippedFraction > t.maxClippedFraction) problems.push(problem("overexposed"));
  // A flat dark or white frame has no edges either; asking for focus there would only confuse.
  if (!problems.some((p) => p.code === "too_dark" || p.code === "overexposed")) {
    if (measurements.laplacianVariance < t.minLaplacianVariance) problems.push(problem("blurry"));
  }
  return { ok: problems.length === 0, problems, measurements };
}
