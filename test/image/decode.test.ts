import { describe, expect, it } from "vitest";
import { decodeImage, readImageHeader } from "../../src/image/decode";
import { ImageError, type RowSink } from "../../src/image/types";
import webpWasm from "../../src/image/webp/wasm-worker";
import { testImage } from "../support/host-files";
import { encodePng } from "../support/png-encode";
import { TEST_IMAGES, type TestImage } from "../support/test-images";

const webpModule = async () => webpWasm;
const ignore: RowSink = () => {};

/** A PNG with no image data at all: anything past the header would fail on it. */
const headerOnly = (width: number, height: number) =>
  encodePng({ width, height, colorType: 2, bitDepth: 8, samples: [], idat: new Uint8Array(0) });

/** A VP8L (lossless WebP) header claiming the size, and nothing else. */
function webpHeaderOnly(width: number, height: number): Uint8Array {
  const file = new Uint8Array(32);
  const view = new DataView(file.buffer);
  file.set([..."RIFF\0\0\0\0WEBPVP8L"].map((c) => c.charCodeAt(0)));
  view.setUint32(4, file.length - 8, true);
  view.setUint32(16, 12, true);
  file[20] = 0x2f;
  view.setUint32(21, (width - 1) | ((height - 1) << 14), true);
  return file;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("should have been refused"),
    (e: unknown) => e,
  );
}

describe("readImageHeader refuses oversized images from the header alone", () => {
  it("a 10000x10000 PNG against the default 50 MP limit", async () => {
    const png = headerOnly(10000, 10000);
    const expected = { code: "image_too_large", format: "png" };
    expect(() => readImageHeader(png)).toThrow(expect.objectContaining(expected));
    expect(() => readImageHeader(png)).toThrow(
      "10000x10000 (100000000 pixels); the limit is 50000000 pixels",
    );
    let rows = 0;
    expect(await failure(decodeImage(png, () => rows++))).toMatchObject(expected);
    expect(rows).toBe(0);
  });

  it("an 8000x8000 PNG against a smaller limit, and not against a limit it fits", () => {
    const png = headerOnly(8000, 8000);
    expect(() => readImageHeader(png, { maxPixels: 1_000_000 })).toThrow(
      expect.objectContaining({ code: "image_too_large", format: "png" }),
    );
    const header = readImageHeader(png, { maxPixels: 64_000_000 });
    expect(header).toEqual({ format: "png", width: 8000, height: 8000, orientation: 1 });
  });

  it("a 16384x16384 WebP", () => {
    expect(() => readImageHeader(webpHeaderOnly(16384, 16384))).toThrow(
      expect.objectContaining({ code: "image_too_large", format: "webp" }),
    );
  });

  it("and zero dimensions as corrupt", () => {
    expect(() => readImageHeader(headerOnly(0, 10))).toThrow(
      expect.objectContaining({ code: "corrupt_image", format: "png" }),
    );
  });
});

describe("decodeImage", () => {
  it("streams a PNG's rows and returns its header", async () => {
    const png = encodePng({ width: 2, height: 2, colorType: 0, bitDepth: 8, samples: [0, 50, 100, 150] });
    const rows: number[][] = [];
    const header = await decodeImage(png, (y, rgb) => rows.push([y, ...rgb]));
    expect(header).toEqual({ format: "png", width: 2, height: 2, orientation: 1 });
    expect(rows).toEqual([
      [0, 0, 0, 0, 50, 50, 50],
      [1, 100, 100, 100, 150, 150, 150],
    ]);
  });

  it("decodes WebP with the module it is given, and says clearly when it has none", async () => {
    const webp = await testImage("photoWebp");
    let rows = 0;
    const header = await decodeImage(webp, () => rows++, { webpModule });
    expect([header.format, header.width, header.height, rows]).toEqual(["webp", 400, 300, 300]);
    const error = await failure(decodeImage(webp, ignore));
    expect(error).not.toBeInstanceOf(ImageError);
    expect(error).toMatchObject({ message: expect.stringContaining("webpModule") });
  });

  it("lets the sink's own errors through unchanged", async () => {
    const png = encodePng({ width: 1, height: 1, colorType: 0, bitDepth: 8, samples: [0] });
    const mine = new RangeError("sink is full");
    const full: RowSink = () => {
      throw mine;
    };
    expect(await failure(decodeImage(png, full))).toBe(mine);
  });
});

describe("bad inputs are refused with the right code and format", () => {
  const cases: [TestImage, string, string | undefined][] = [
    ["gif", "unsupported_format", "gif"],
    ["heic", "unsupported_format", "heic"],
    ["text", "unsupported_format", "unknown"],
    ["random", "unsupported_format", "unknown"],
    ["empty", "empty_image", undefined],
    ["truncated", "corrupt_image", "jpeg"],
  ];
  for (const [name, code, format] of cases) {
    it(TEST_IMAGES[name], async () => {
      const bytes = await testImage(name);
      const error = await failure(decodeImage(bytes, ignore, { webpModule }));
      expect(error).toBeInstanceOf(ImageError);
      expect(error).toMatchObject({ code, format });
    });
  }
});

describe("damaged copies of good photos fail only with ImageError", () => {
  const photos: TestImage[] = ["tiny", "photoWebp", "photoWebpLossless", "exif6", "portrait"];
  for (const name of photos) {
    it(TEST_IMAGES[name], async () => {
      const good = await testImage(name);
      let seed = 1;
      const random = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
      for (let trial = 0; trial < 40; trial++) {
        const bad = trial % 2 ? good.slice(0, 16 + random(good.length - 16)) : good.slice();
        if (trial % 2 === 0) for (let k = 0; k < 8; k++) bad[16 + random(bad.length - 16)] ^= 1 << random(8);
        const error = await decodeImage(bad, ignore, { webpModule }).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (error) expect(error, `trial ${trial}`).toBeInstanceOf(ImageError);
      }
    });
  }
});
