import { zlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import { decodeBytes, decodedHeader, decodeImage, readImageHeader } from "../../src/image/decode";
import { crc32 } from "../../src/image/png/crc32";
import { pngDecoder } from "../../src/image/png/index";
import { ImageError } from "../../src/image/types";
import { readHostFile } from "../support/host-files";
import { CHANNELS, encodePng, type PngSpec } from "../support/png-encode";
import { boxMeans, decodeScaledRows } from "../support/scaled-rows";

async function decodeAll(bytes: Uint8Array) {
  const header = pngDecoder.readHeader(bytes);
  const rgb = new Uint8Array(header.width * header.height * 3);
  const rows: number[] = [];
  const buffers = new Set<ArrayBufferLike>();
  await pngDecoder.decode(bytes, header, (y, row) => {
    rows.push(y);
    buffers.add(row.buffer);
    rgb.set(row, y * header.width * 3);
  });
  return { header, rgb, rows, buffers };
}

async function expectCorrupt(bytes: Uint8Array) {
  const error = await decodeAll(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImageError);
  expect(error).toMatchObject({ code: "corrupt_image", format: "png" });
}

// Pillow 9.4, Image.open(path).convert("RGB"): width, height, byte sum, CRC-32 of all RGB bytes,
// pixels at (0, 0), the centre (w/2, h/2) and (w-1, h-1).
const PILLOW: [string, number, number, number, number, number[][]][] = [
  [
    "natural/astronaut.png",
    512,
    512,
    90124324,
    0xfdcaa55f,
    [
      [154, 147, 151],
      [19, 14, 7],
      [0, 0, 0],
    ],
  ],
  [
    "natural/brick.png",
    512,
    512,
    87652059,
    0xe59df399,
    [
      [99, 99, 99],
      [151, 151, 151],
      [176, 176, 176],
    ],
  ],
  [
    "natural/camera.png",
    512,
    512,
    101497485,
    0xdae3fc0b,
    [
      [200, 200, 200],
      [14, 14, 14],
      [149, 149, 149],
    ],
  ],
  [
    "natural/chelsea.png",
    451,
    300,
    46802357,
    0x0f829d59,
    [
      [143, 120, 104],
      [190, 150, 124],
      [162, 138, 128],
    ],
  ],
  [
    "natural/coffee.png",
    600,
    400,
    71003487,
    0xacf41373,
    [
      [21, 13, 8],
      [248, 250, 255],
      [143, 60, 29],
    ],
  ],
  [
    "natural/coins.png",
    384,
    303,
    33807999,
    0x3ae7e8a7,
    [
      [47, 47, 47],
      [46, 46, 46],
      [7, 7, 7],
    ],
  ],
  [
    "natural/grass.png",
    512,
    512,
    92974917,
    0x0e9030a1,
    [
      [113, 113, 113],
      [113, 113, 113],
      [108, 108, 108],
    ],
  ],
  [
    "natural/moon.png",
    512,
    512,
    88213740,
    0xbda19a91,
    [
      [116, 116, 116],
      [103, 103, 103],
      [118, 118, 118],
    ],
  ],
  [
    "natural/motorcycle_left.png",
    741,
    500,
    119713739,
    0xa1e17c60,
    [
      [127, 79, 53],
      [103, 92, 82],
      [164, 142, 134],
    ],
  ],
  [
    "natural/smarties.png",
    413,
    356,
    98280136,
    0xde9461d6,
    [
      [255, 255, 255],
      [255, 255, 255],
      [252, 253, 255],
    ],
  ],
  [
    "formats/chelsea_palette.png",
    451,
    300,
    46815132,
    0x27204af3,
    [
      [142, 120, 112],
      [193, 152, 121],
      [161, 136, 127],
    ],
  ],
  [
    "formats/chelsea_rgba.png",
    451,
    300,
    46802357,
    0x0f829d59,
    [
      [143, 120, 104],
      [190, 150, 124],
      [162, 138, 128],
    ],
  ],
  [
    "formats/chelsea_tiny_64x40.png",
    64,
    40,
    885433,
    0xae87c730,
    [
      [148, 126, 112],
      [194, 152, 119],
      [176, 152, 147],
    ],
  ],
];

describe("PNG fixtures decode exactly as Pillow's convert('RGB')", () => {
  for (const [path, width, height, sum, crc, pixels] of PILLOW) {
    it(path, async (ctx) => {
      const bytes = await readHostFile("shared", `fixtures/images/${path}`);
      if (!bytes) return ctx.skip(`../shared/fixtures/images/${path} is absent: Pillow comparison skipped`);
      const { header, rgb } = await decodeAll(bytes);
      expect(header).toEqual({ format: "png", width, height, orientation: 1 });
      expect(rgb.reduce((a, b) => a + b, 0)).toBe(sum);
      const at = (x: number, y: number) => [...rgb.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];
      expect([at(0, 0), at(width >> 1, height >> 1), at(width - 1, height - 1)]).toEqual(pixels);
      expect(crc32(rgb)).toBe(crc);
    });
  }
});

/** What Pillow's convert("RGB") gives for the spec's samples (16-bit gray: the high byte, our deviation). */
function expectedRgb({ width, height, colorType, bitDepth, samples, palette }: PngSpec): Uint8Array {
  const channels = CHANNELS[colorType];
  const level = (v: number) => (bitDepth === 16 ? v >> 8 : (v * 255) / ((1 << bitDepth) - 1));
  const out = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    const s = Array.from({ length: channels }, (_, c) => samples[p * channels + c]);
    let rgb: number[];
    if (colorType === 3)
      rgb = s[0] * 3 < palette!.length ? [...palette!.subarray(s[0] * 3, s[0] * 3 + 3)] : [s[0], s[0], s[0]];
    else if (colorType === 0 || colorType === 4) rgb = [level(s[0]), level(s[0]), level(s[0])];
    else rgb = s.slice(0, 3).map(level);
    out.set(rgb, p * 3);
  }
  return out;
}

let seed = 7;
const random = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n) | 0;

function randomSpec(
  colorType: PngSpec["colorType"],
  bitDepth: PngSpec["bitDepth"],
  width: number,
  height: number,
) {
  const levels = colorType === 3 ? Math.min(256, 1 << bitDepth) : 1 << bitDepth;
  const samples = Array.from({ length: width * height * CHANNELS[colorType] }, () => random(levels));
  // A palette shorter than the index range: Pillow shows missing entries as gray (i, i, i).
  const palette =
    colorType === 3 ? new Uint8Array(3 * Math.ceil(levels * 0.7)).map(() => random(256)) : undefined;
  return { width, height, colorType, bitDepth, samples, palette };
}

const COMBINATIONS: [PngSpec["colorType"], PngSpec["bitDepth"]][] = [
  [0, 1],
  [0, 2],
  [0, 4],
  [0, 8],
  [0, 16],
  [2, 8],
  [2, 16],
  [3, 1],
  [3, 2],
  [3, 4],
  [3, 8],
  [4, 8],
  [4, 16],
  [6, 8],
  [6, 16],
];

describe("every colour type, bit depth and filter, plain and Adam7", () => {
  for (const [colorType, bitDepth] of COMBINATIONS) {
    for (const interlaced of [false, true]) {
      it(`colour type ${colorType}, ${bitDepth}-bit${interlaced ? ", interlaced" : ""}`, async () => {
        // 1x1 and 3x9 leave Adam7 passes empty; 37x11 has partial bytes at row ends for packed depths.
        for (const [width, height] of [
          [1, 1],
          [3, 9],
          [37, 11],
        ]) {
          const spec = { ...randomSpec(colorType, bitDepth, width, height), interlaced, idatSize: 7 };
          const { rgb, rows } = await decodeAll(encodePng(spec));
          expect(rgb).toEqual(expectedRgb(spec));
          expect(rows).toEqual([...Array(height).keys()]);
        }
      });
    }
  }

  it("16-bit gray keeps the high byte (Pillow would clip I;16 to 255)", async () => {
    const png = encodePng({
      width: 3,
      height: 1,
      colorType: 0,
      bitDepth: 16,
      samples: [0x1234, 0x00ff, 0xfffe],
    });
    expect([...(await decodeAll(png)).rgb]).toEqual([0x12, 0x12, 0x12, 0, 0, 0, 0xff, 0xff, 0xff]);
  });

  it("16-bit RGB keeps the high byte, as Pillow does", async () => {
    const png = encodePng({
      width: 1,
      height: 1,
      colorType: 2,
      bitDepth: 16,
      samples: [0x1280, 0xabff, 0x0001],
    });
    expect([...(await decodeAll(png)).rgb]).toEqual([0x12, 0xab, 0x00]);
  });

  it("streams a plain image through one reused row buffer", async () => {
    const spec = randomSpec(2, 8, 64, 48);
    const { buffers, rgb } = await decodeAll(encodePng(spec));
    expect(rgb).toEqual(expectedRgb(spec));
    expect([...buffers].map((b) => b.byteLength)).toEqual([64 * 3]);
  });

  it("reads data split into 1-byte IDAT chunks", async () => {
    const spec = { ...randomSpec(6, 8, 20, 10), idatSize: 1 };
    expect((await decodeAll(encodePng(spec))).rgb).toEqual(expectedRgb(spec));
  });
});

const tiff = (order: "II" | "MM", orientation: number) => {
  const le = order === "II";
  const bytes = new Uint8Array(26);
  const view = new DataView(bytes.buffer);
  bytes.set([order.charCodeAt(0), order.charCodeAt(1)]);
  view.setUint16(2, 42, le);
  view.setUint32(4, 8, le);
  view.setUint16(8, 1, le); // one IFD0 entry: Orientation, SHORT, count 1
  view.setUint16(10, 0x0112, le);
  view.setUint16(12, 3, le);
  view.setUint32(14, 1, le);
  view.setUint16(18, orientation, le);
  return bytes;
};

describe("header", () => {
  const pixel = { width: 2, height: 1, colorType: 0, bitDepth: 8, samples: [1, 2] } as const;

  it("reads the orientation from eXIf in either byte order, before or after the image data", () => {
    const header = (spec: Partial<PngSpec>) => pngDecoder.readHeader(encodePng({ ...pixel, ...spec }));
    expect(header({}).orientation).toBe(1);
    expect(header({ chunks: [{ type: "eXIf", data: tiff("II", 6) }] }).orientation).toBe(6);
    expect(header({ chunks: [{ type: "eXIf", data: tiff("MM", 3) }] }).orientation).toBe(3);
    expect(header({ chunksAfter: [{ type: "eXIf", data: tiff("MM", 8) }] }).orientation).toBe(8);
    expect(header({ chunks: [{ type: "eXIf", data: tiff("II", 9) }] }).orientation).toBe(1);
  });

  it("gives the stored size without decoding", () => {
    const png = encodePng({ ...pixel, raw: new Uint8Array(0) });
    expect(pngDecoder.readHeader(png)).toEqual({ format: "png", width: 2, height: 1, orientation: 1 });
  });

  it("refuses an invalid IHDR", () => {
    const bad = encodePng({ width: 1, height: 1, colorType: 2, bitDepth: 4, samples: [0, 0, 0] });
    expect(() => pngDecoder.readHeader(bad)).toThrow(ImageError);
  });
});

describe("APNG", () => {
  it("decodes the default image and ignores the animation frames", async () => {
    const still = randomSpec(2, 8, 4, 3);
    const other = encodePng(randomSpec(2, 8, 4, 3));
    const fdat = new Uint8Array(4 + other.length); // sequence number + (any) frame data
    fdat.set(other, 4);
    const apng = encodePng({
      ...still,
      chunks: [
        { type: "acTL", data: new Uint8Array([0, 0, 0, 2, 0, 0, 0, 0]) },
        { type: "fcTL", data: new Uint8Array(26) },
      ],
      chunksAfter: [
        { type: "fcTL", data: new Uint8Array(26) },
        { type: "fdAT", data: fdat },
      ],
    });
    expect((await decodeAll(apng)).rgb).toEqual(expectedRgb(still));
  });
});

describe("damaged files are refused as corrupt_image", () => {
  const spec = randomSpec(2, 8, 16, 16);
  const good = encodePng(spec);
  const idat = good.findIndex((_, i) => String.fromCharCode(...good.subarray(i, i + 4)) === "IDAT");

  it("a bad CRC in IHDR (at header time) or in IDAT", async () => {
    const badIhdr = good.slice();
    badIhdr[29] ^= 1;
    expect(() => pngDecoder.readHeader(badIhdr)).toThrow(/CRC in the IHDR/);
    const badIdat = good.slice();
    badIdat[idat + 10] ^= 1;
    await expectCorrupt(badIdat);
  });

  it("truncated anywhere inside the image data", async () => {
    for (const end of [idat - 2, idat + 8, idat + 40, good.length - 13])
      await expectCorrupt(good.subarray(0, end));
  });

  it("but not when only IEND is missing, as Pillow decodes that", async () => {
    expect((await decodeAll(good.subarray(0, good.length - 12))).rgb).toEqual(expectedRgb(spec));
  });

  it("a chunk length past the end of the file", async () => {
    const bad = good.slice();
    bad[idat - 4] = 0x7f;
    await expectCorrupt(bad);
  });

  it("data that is not zlib, a zlib stream cut short, too little data for the rows", async () => {
    const rgb = { width: 16, height: 1, colorType: 2, bitDepth: 8, samples: [] } as const;
    const raw = new Uint8Array(1 + 16 * 3).map((_, i) => i * 7);
    expect((await decodeAll(encodePng({ ...rgb, raw }))).rgb).toEqual(raw.subarray(1));
    await expectCorrupt(encodePng({ ...rgb, idat: new Uint8Array([0x78, 0x9c, 0xff, 0xff, 0xff, 0xff]) }));
    await expectCorrupt(encodePng({ ...rgb, idat: zlibSync(raw).subarray(0, 12) }));
    await expectCorrupt(encodePng({ ...rgb, raw: raw.subarray(0, 30) }));
    await expectCorrupt(encodePng({ ...rgb, idat: new Uint8Array(0) }));
  });

  it("an unknown filter type, or a palette image without PLTE", async () => {
    const gray = { width: 1, height: 1, colorType: 0, bitDepth: 8, samples: [0] } as const;
    await expectCorrupt(encodePng({ ...gray, raw: new Uint8Array([5, 0]) }));
    await expectCorrupt(encodePng({ ...gray, colorType: 3 }));
  });
});

describe("an interlaced image at a reduced scale (box means, held as 16-bit sums, not whole)", () => {
  for (const scale of [2, 4, 8] as const) {
    it(`1/${scale}: every box's mean of the exact decode, rows sent once each`, async () => {
      // 61x45 leaves partial boxes at the right and bottom edges at every scale.
      const spec = { ...randomSpec(6, 16, 61, 45), interlaced: true, idatSize: 97 };
      const png = encodePng(spec);
      expect(pngDecoder.readHeader(png).interlaced).toBe(true);
      const { rgb } = await decodeScaledRows(pngDecoder, png, scale);
      // Each box's mean, rounded half up.
      const means = boxMeans(expectedRgb(spec), 61, 45, scale);
      expect(rgb).toEqual(Uint8Array.from(means, (v) => Math.floor(v + 0.5)));
    });
  }

  it("decodeImage reduces an interlaced PNG for a draft request, never a plain one, and reserves accordingly", async () => {
    const interlaced = encodePng({ ...randomSpec(2, 8, 1000, 900), interlaced: true });
    const plain = encodePng(randomSpec(2, 8, 1000, 900));
    const options = { draft: 224 };
    const [i, p] = [readImageHeader(interlaced), readImageHeader(plain)];
    expect([i.interlaced, p.interlaced]).toEqual([true, undefined]);
    expect([decodedHeader(i, options).width, decodedHeader(p, options).width]).toEqual([250, 1000]);
    // Held until the last pass: 250x225 16-bit sums, against the whole 2.7 MB image when exact.
    expect(decodeBytes(interlaced, i, options)).toBeLessThan(decodeBytes(interlaced, i) - 2_000_000);
    let width = 0;
    await decodeImage(interlaced, (_y, row) => (width = row.length / 3), options);
    expect(width).toBe(250);
  });
});
