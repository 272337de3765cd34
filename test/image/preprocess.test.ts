import { describe, expect, it } from "vitest";
import { centerCrop, createPreprocessor, normalize, resizeShortestEdge } from "../../src/image/preprocess";
import { ImageError } from "../../src/image/types";

const MEAN = [0.48145466, 0.4578275, 0.40821073];
const STD = [0.26862954, 0.26130258, 0.27577711];

describe("geometry as Hugging Face computes it", () => {
  it("resizes the shortest edge and truncates the long one", () => {
    expect(resizeShortestEdge(4032, 3024, 224)).toEqual({ width: 298, height: 224 });
    expect(resizeShortestEdge(300, 451, 224)).toEqual({ width: 224, height: 336 });
    expect(resizeShortestEdge(64, 40, 224)).toEqual({ width: 358, height: 224 });
    expect(resizeShortestEdge(512, 512, 224)).toEqual({ width: 224, height: 224 });
    // 224 * 1000 / 3 = 74666.67: truncated, not rounded.
    expect(resizeShortestEdge(3, 1000, 224)).toEqual({ width: 224, height: 74666 });
  });

  it("centres the crop with floor offsets", () => {
    expect(centerCrop(298, 224, 224)).toEqual({ left: 37, top: 0, width: 224, height: 224 });
    expect(centerCrop(224, 336, 224)).toEqual({ left: 0, top: 56, width: 224, height: 224 });
    expect(centerCrop(359, 224, 224)).toEqual({ left: 67, top: 0, width: 224, height: 224 });
  });
});

describe("createPreprocessor", () => {
  it("upscales an image smaller than the crop", () => {
    const pre = createPreprocessor({ format: "png", width: 64, height: 40, orientation: 1 }, { size: 224 });
    const row = new Uint8Array(64 * 3).fill(200);
    for (let y = 0; y < 40; y++) pre.sink(y, row);
    const crop = pre.finish();
    expect(crop.length).toBe(224 * 224 * 3);
    expect(crop.every((v) => v === 200)).toBe(true);
  });

  it("refuses an image whose rows stop early", () => {
    const pre = createPreprocessor({ format: "jpeg", width: 50, height: 30, orientation: 6 }, { size: 224 });
    for (let y = 0; y < 20; y++) pre.sink(y, new Uint8Array(150));
    expect(() => pre.finish()).toThrow(ImageError);
  });

  it("refuses rows out of order", () => {
    const pre = createPreprocessor({ format: "jpeg", width: 50, height: 30, orientation: 1 }, { size: 224 });
    pre.sink(0, new Uint8Array(150));
    expect(() => pre.sink(2, new Uint8Array(150))).toThrow(/out of order/);
  });
});

describe("normalize", () => {
  it("matches HF's float32 rescale and normalisation bit for bit, channels first", () => {
    const values = [0, 1, 77, 128, 254, 255];
    const crop = new Uint8Array(values.flatMap((v) => [v, v, v]));
    // numpy: ((v.astype(float64) * (1/255)).astype(float32) - mean_f32) / std_f32
    const expected = [
      [
        -1.7922625541687012, -1.777664065361023, -0.6681836247444153, 0.07633614540100098, 1.9157377481460571,
        1.9303361177444458,
      ],
      [
        -1.7520971298217773, -1.7370892763137817, -0.5964989066123962, 0.16889731585979462, 2.059875965118408,
        2.0748836994171143,
      ],
      [
        -1.480219841003418, -1.465999722480774, -0.38527464866638184, 0.33994877338409424, 2.1316771507263184,
        2.1458969116210938,
      ],
    ];
    expect(Array.from(normalize(crop, MEAN, STD))).toEqual(expected.flat());
  });
});
