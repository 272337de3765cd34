/**
 * Photos made by test-images.node.ts (sharp) for the model, engine, Worker and route tests, so they run on a bare
 * clone without ../shared. The global setup writes them to .cache/images/<name>; workerd tests read them
 * with readHostFile("cache", `images/${name}`). The ../shared fixtures remain for what compares against
 * references made elsewhere (Pillow's crops, OpenAI's tokens, real photos).
 */
export const TEST_IMAGES = {
  /** 400x300 baseline JPEG of a skin-coloured patch with a brown spot and texture: passes the quality gate. */
  photo: "photo.jpg",
  /** The same picture stored 300x400, rotated, with EXIF orientation 6: upright once the tag is applied. */
  exif6: "photo-exif6.jpg",
  /** 300x400 progressive JPEG. */
  portrait: "portrait-progressive.jpg",
  /** The photo scaled up to a phone camera's 4032x3024, baseline 4:2:0: what streaming must not hold. */
  phone: "phone-4032x3024.jpg",
  /** The photo with EXIF that must never come back: a camera make, a description and GPS coordinates. */
  exifGps: "photo-exif-gps.jpg",
  photoPng: "photo.png",
  photoWebp: "photo-lossy.webp",
  photoWebpLossless: "photo-lossless.webp",
  /** 400x300 PNG of a landscape (blue sky over green grass): no skin in it. */
  scene: "scene.png",
  /** 64x40 PNG: decodes, too small for the quality gate. */
  tiny: "tiny-64x40.png",
  /** Worst cases for the isolate's decode memory budget (see lib/memory-budget.ts). */
  /** 4032x3024 progressive 4:2:0 JPEG: all 36.6 MB of coefficients are held until the last scan. */
  worstProgressive: "worst/progressive-4032x3024.jpg",
  /**
   * 3000x2000 lossless WebP: libwebp holds every pixel as ARGB (24 MB) even when it scales the output
   * (a lossy WebP of any size needs a few MB scaled), so about 32 MiB are reserved for it.
   */
  worstWebp: "worst/lossless-3000x2000.webp",
  /** 3000x3000 interlaced PNG: Adam7 completes rows last, so `exact` assembles it whole (27 MB); reduced, 3.4 MB. */
  worstPng: "worst/interlaced-3000x3000.png",
  /** Inputs that must be refused: a GIF, a HEIC header, random bytes, text named .png, 0 bytes, half a JPEG. */
  gif: "bad/image.gif",
  heic: "bad/fake.heic",
  random: "bad/random-bytes.jpg",
  text: "bad/text-as-image.png",
  empty: "bad/empty.jpg",
  truncated: "bad/truncated-half.jpg",
} as const;

export type TestImage = keyof typeof TEST_IMAGES;
