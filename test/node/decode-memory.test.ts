import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decodeBytes, readImageHeader } from "../../src/image/decode";
import { decodeJpeg } from "../../src/image/jpeg";
import { decodeRgbRows } from "../../src/image/webp/libwebp";
import { nodeWebpModule } from "../../src/image/webp/wasm-node";

/**
 * The memory budget reserves what decodeBytes says before decoding, so it must never underestimate
 * what a decode really allocates, nor overestimate so much that ordinary photos are turned away.
 */

/** Smooth shading with a little noise: compresses like a photo, decodes through every path. */
function picture(width: number, height: number): Buffer {
  const rgb = Buffer.alloc(width * height * 3);
  let seed = 1;
  for (let i = 0, y = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const n = (seed >>> 24) & 15;
      rgb[i] = (x * 255) / width + n;
      rgb[i + 1] = (y * 255) / height + n;
      rgb[i + 2] = 128 + n;
    }
  }
  return rgb;
}

const encode = (width: number, height: number) =>
  sharp(picture(width, height), { raw: { width, height, channels: 3 } });

const estimate = (bytes: Uint8Array) => decodeBytes(bytes, readImageHeader(bytes));

describe("decodeBytes: what a decode will allocate, from the headers", () => {
  it.each([
    ["baseline 4:2:0", { chromaSubsampling: "4:2:0" }],
    ["baseline 4:4:4", { chromaSubsampling: "4:4:4" }],
    ["progressive 4:2:0", { progressive: true, chromaSubsampling: "4:2:0" }],
    ["progressive 4:4:4", { progressive: true, chromaSubsampling: "4:4:4" }],
  ] as const)("JPEG %s: exactly the sample and coefficient buffers the decoder holds", async (_, options) => {
    const jpeg = new Uint8Array(
      await encode(1203, 805)
        .jpeg({ quality: 85, ...options })
        .toBuffer(),
    );
    const { sampleBytes, streamed } = decodeJpeg(jpeg, () => {});
    expect(streamed).toBe(!("progressive" in options));
    expect(estimate(jpeg)).toBe(sampleBytes);
  });

  it.each([
    ["baseline 4:2:0", {}],
    ["progressive 4:2:0", { progressive: true }],
    ["progressive 4:4:4", { progressive: true, chromaSubsampling: "4:4:4" }],
  ] as const)("JPEG %s decoded at 1/2, 1/4, 1/8: exactly the buffers the scaled decoder holds", async (_, options) => {
    const jpeg = new Uint8Array(
      await encode(3701, 2805)
        .jpeg({ quality: 85, ...options })
        .toBuffer(),
    );
    const header = readImageHeader(jpeg);
    // draft requests that pick 1/2, 1/4 and 1/8 for this size.
    for (const [draft, scale] of [
      [1400, 2],
      [700, 4],
      [350, 8],
    ] as const) {
      const { sampleBytes } = decodeJpeg(jpeg, () => {}, undefined, scale);
      expect(decodeBytes(jpeg, header, { draft }), `1/${scale}`).toBe(sampleBytes);
    }
  });

  it("JPEG: a 12 MP progressive photo decoded at 1/4 (the default) keeps 21 MB of coefficients, not 36.6", async () => {
    const progressive = new Uint8Array(
      await encode(4032, 3024).jpeg({ quality: 80, progressive: true }).toBuffer(),
    );
    const scaled = decodeBytes(progressive, readImageHeader(progressive), { draft: 448 });
    expect(scaled).toBeGreaterThan(21e6);
    expect(scaled).toBeLessThan(22.5e6);
  });

  it("JPEG: a 49 MP progressive photo decoded at 1/8 (the default) fits the 40 MiB budget (147 MB in full)", async () => {
    const flat = { width: 8064, height: 6048, channels: 3, background: { r: 200, g: 150, b: 120 } } as const;
    const jpeg = new Uint8Array(await sharp({ create: flat }).jpeg({ progressive: true }).toBuffer());
    const header = readImageHeader(jpeg);
    expect(decodeBytes(jpeg, header, { draft: 448 })).toBeLessThan(31e6);
    expect(decodeBytes(jpeg, header)).toBeGreaterThan(146e6);
  });

  it("JPEG: a 12 MP progressive photo keeps 36.6 MB of coefficients; a baseline one under 0.3 MB", async () => {
    const progressive = new Uint8Array(
      await encode(4032, 3024).jpeg({ quality: 80, progressive: true }).toBuffer(),
    );
    expect(estimate(progressive)).toBeGreaterThan(36.5e6);
    expect(estimate(progressive)).toBeLessThan(37.5e6);
    const baseline = new Uint8Array(await encode(4032, 3024).jpeg({ quality: 80 }).toBuffer());
    expect(estimate(baseline)).toBeLessThan(0.3e6);
  });

  it.each([
    [1280, 960, false, 1],
    [1600, 1600, false, 1],
    [1600, 1600, false, 2],
    [3000, 2000, false, 4],
    [1600, 1200, true, 1],
    [3000, 2000, true, 4],
  ])("WebP %ix%i (lossless %s) at 1/%i: the cap on libwebp's WASM memory, what it reached not far under it", async (w, h, lossless, scale) => {
    const webp = new Uint8Array(await encode(w, h).webp({ quality: 80, lossless }).toBuffer());
    const header = readImageHeader(webp);
    const cap = decodeBytes(webp, header, scale === 1 ? {} : { draft: Math.floor(Math.min(w, h) / scale) });
    const [sw, sh] = [Math.ceil(w / scale), Math.ceil(h / scale)];
    const { wasmBytes } = decodeRgbRows(await nodeWebpModule(), webp, sw, sh, () => {}, cap);
    expect(wasmBytes).toBeLessThanOrEqual(cap);
    // The fixed part (the module's first MiB, slack) weighs on small decodes: 2 MiB over, or 1.3x.
    expect(cap).toBeLessThan(Math.max(wasmBytes * 1.3, wasmBytes + 2 * 2 ** 20));
  });

  it("WebP: a 6 MP lossless photo decoded at 1/4 (the default) fits the 40 MiB budget; lossy needs little", async () => {
    const lossless = new Uint8Array(await encode(3000, 2000).webp({ lossless: true }).toBuffer());
    const lossy = new Uint8Array(await encode(3000, 2000).webp({ quality: 80 }).toBuffer());
    // Every pixel as ARGB (24 MB) and the file: 10 MB more of file still fits.
    expect(decodeBytes(lossless, readImageHeader(lossless), { draft: 448 }) + 10e6).toBeLessThan(
      39 * 2 ** 20,
    );
    expect(decodeBytes(lossy, readImageHeader(lossy), { draft: 448 })).toBeLessThan(5 * 2 ** 20);
    // In full, as before: more than the budget.
    expect(decodeBytes(lossless, readImageHeader(lossless))).toBeGreaterThan(40 * 2 ** 20);
  });

  it("PNG: small and independent of the height when plain; the whole image when interlaced (Adam7)", async () => {
    const plain = new Uint8Array(await encode(2000, 1500).png().toBuffer());
    const taller = new Uint8Array(await encode(2000, 3000).png().toBuffer());
    const interlaced = new Uint8Array(await encode(2000, 1500).png({ progressive: true }).toBuffer());
    expect(estimate(plain)).toBe(estimate(taller));
    expect(estimate(plain)).toBeLessThan(4.5e6); // inflate's bounded output and two scanlines
    expect(estimate(interlaced) - estimate(plain)).toBe(2000 * 1500 * 3);
  });
});
