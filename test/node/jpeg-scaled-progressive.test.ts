import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decodeJpeg, type JpegScale, scaledSize } from "../../src/image/jpeg/index";

// A progressive JPEG holds the same quantised coefficients as the baseline one made with the same
// settings (no trellis): its scaled decode, which keeps only what the reduced IDCT reads plus non-zero
// bits for the refinement scans, must equal the baseline's, which streams every block through.

/** A textured picture: gradients, edges and noise so that every coefficient band is used. */
function picture(width: number, height: number): Buffer {
  const rgb = Buffer.alloc(width * height * 3);
  let seed = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const i = (y * width + x) * 3;
      const edge = ((x >> 4) + (y >> 3)) & 1 ? 60 : 0;
      rgb[i] = (x * 255) / width + edge - 30 + (seed & 15);
      rgb[i + 1] = (y * 255) / height - edge + ((seed >> 4) & 31);
      rgb[i + 2] = ((x ^ y) & 255) / 2 + edge;
    }
  }
  return rgb;
}

function decode(bytes: Uint8Array, width: number, height: number, scale: JpegScale): Uint8Array {
  const size = scaledSize(width, height, scale);
  const out = new Uint8Array(size.width * size.height * 3);
  decodeJpeg(
    bytes,
    (y, rgb) => out.set(rgb.subarray(0, size.width * 3), y * size.width * 3),
    undefined,
    scale,
  );
  return out;
}

describe("progressive JPEG decoded at 1/2, 1/4, 1/8 equals the baseline JPEG of the same coefficients", () => {
  const width = 301;
  const height = 203;
  it.for([
    ["4:2:0", false],
    ["4:4:4", false],
    ["4:2:0", true],
  ] as const)("%s, grayscale %s (sharp makes no 4:2:2; Pillow's draft fixture has one)", async ([
    subsampling,
    gray,
  ]) => {
    const raw = sharp(picture(width, height), { raw: { width, height, channels: 3 } });
    const source = gray ? raw.grayscale() : raw;
    const options = { quality: 80, chromaSubsampling: subsampling, trellisQuantisation: false };
    const [baseline, progressive] = await Promise.all(
      [false, true].map(
        async (p) =>
          new Uint8Array(
            await source
              .clone()
              .jpeg({ ...options, progressive: p })
              .toBuffer(),
          ),
      ),
    );
    for (const scale of [1, 2, 4, 8] as const) {
      expect(decode(progressive, width, height, scale), `1/${scale}`).toEqual(
        decode(baseline, width, height, scale),
      );
    }
  });
});
