import { describe, expect, it } from "vitest";
import { decodeJpeg, jpegDecoder } from "../../src/image/jpeg/index";
import { ImageError } from "../../src/image/types";
import { readHostFile, testImage } from "../support/host-files";

/** FNV-1a over bytes, continued from `hash`. */
function fnv1a(bytes: Uint8Array, hash = 0x811c9dc5): number {
  let h = hash;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h;
}

interface Decoded {
  width: number;
  height: number;
  orientation: number;
  sum: number;
  fnv: number;
  pixel: (x: number, y: number) => number[];
}

/** Decodes through the public decoder, checking that rows arrive top to bottom exactly once. */
async function decode(bytes: Uint8Array, keepRows: number[] = []): Promise<Decoded> {
  const header = jpegDecoder.readHeader(bytes);
  const { width, height } = header;
  const kept = new Map<number, Uint8Array>();
  let next = 0;
  let sum = 0;
  let fnv = 0x811c9dc5;
  const sink = (y: number, rgb: Uint8Array) => {
    expect(y).toBe(next++);
    expect(rgb.length).toBe(width * 3);
    for (let i = 0; i < rgb.length; i++) sum += rgb[i];
    fnv = fnv1a(rgb, fnv);
    if (keepRows.includes(y)) kept.set(y, rgb.slice());
  };
  await jpegDecoder.decode(bytes, header, sink);
  expect(next).toBe(height);
  const pixel = (x: number, y: number) => Array.from(kept.get(y)!.subarray(x * 3, x * 3 + 3));
  return { width, height, orientation: header.orientation, sum, fnv, pixel };
}

async function fixture(path: string): Promise<Uint8Array | null> {
  return readHostFile("shared", `fixtures/images/${path}`);
}

async function refusal(bytes: Uint8Array): Promise<unknown> {
  try {
    await jpegDecoder.decode(bytes, jpegDecoder.readHeader(bytes), () => {});
  } catch (error) {
    return error;
  }
  return undefined;
}

// Pillow 9.4 (libjpeg-turbo 2.1.5), Image.open(path).convert("RGB"): width, height, EXIF orientation,
// sum of all RGB bytes, FNV-1a of all RGB bytes, pixels at (0, 0), (w-1, h/3) and (w/2, h-1).
type Expected = [string, number, number, number, number, number, number[][]];
const PILLOW: Expected[] = [
  [
    "formats/astronaut_444.jpg",
    512,
    512,
    1,
    90115488,
    0x825bc7f1,
    [
      [154, 148, 152],
      [189, 182, 176],
      [84, 19, 0],
    ],
  ],
  [
    "formats/astronaut_gray.jpg",
    512,
    512,
    1,
    90764088,
    0xd77cee17,
    [
      [153, 153, 153],
      [184, 184, 184],
      [36, 36, 36],
    ],
  ],
  [
    "formats/astronaut_progressive.jpg",
    512,
    512,
    1,
    90133207,
    0x14b89d7a,
    [
      [156, 151, 158],
      [190, 183, 175],
      [92, 17, 0],
    ],
  ],
  [
    "formats/chelsea_exif_orientation6.jpg",
    300,
    451,
    6,
    46801745,
    0x18b44e0e,
    [
      [48, 28, 17],
      [135, 103, 78],
      [114, 80, 55],
    ],
  ],
  [
    "formats/chelsea_portrait.jpg",
    300,
    451,
    1,
    46803346,
    0xde2b5407,
    [
      [48, 30, 18],
      [137, 103, 76],
      [115, 81, 56],
    ],
  ],
  [
    "formats/phone_4032x3024.jpg",
    4032,
    3024,
    1,
    5123597019,
    0xe8afd37c,
    [
      [4, 0, 0],
      [232, 223, 208],
      [66, 88, 41],
    ],
  ],
  [
    "natural/HappyFish.jpg",
    259,
    194,
    1,
    29470805,
    0x0e82ce6a,
    [
      [254, 254, 252],
      [254, 254, 252],
      [254, 254, 252],
    ],
  ],
  [
    "natural/apple.jpg",
    512,
    512,
    1,
    90040942,
    0x81705ffd,
    [
      [122, 126, 91],
      [141, 161, 89],
      [114, 160, 131],
    ],
  ],
  [
    "natural/baboon.jpg",
    512,
    512,
    1,
    99373513,
    0x348a7832,
    [
      [160, 150, 101],
      [110, 160, 73],
      [5, 14, 9],
    ],
  ],
  [
    "natural/building.jpg",
    868,
    600,
    1,
    218852059,
    0xd8a8900a,
    [
      [5, 0, 0],
      [232, 223, 208],
      [66, 88, 41],
    ],
  ],
  [
    "natural/butterfly.jpg",
    493,
    356,
    1,
    54011491,
    0xd23c10e4,
    [
      [50, 88, 47],
      [138, 181, 65],
      [107, 161, 23],
    ],
  ],
  [
    "natural/fruits.jpg",
    512,
    480,
    1,
    59636203,
    0x8b606d9c,
    [
      [130, 62, 13],
      [20, 41, 22],
      [39, 7, 74],
    ],
  ],
  [
    "natural/hubble_deep_field.jpg",
    1000,
    872,
    1,
    50108051,
    0xa2cfad94,
    [
      [15, 7, 4],
      [22, 17, 14],
      [12, 15, 20],
    ],
  ],
  [
    "natural/messi5.jpg",
    548,
    342,
    1,
    45096758,
    0x63e9b8e5,
    [
      [44, 43, 39],
      [100, 99, 105],
      [89, 134, 51],
    ],
  ],
  [
    "natural/orange.jpg",
    512,
    512,
    1,
    92065992,
    0x336570e3,
    [
      [137, 174, 104],
      [111, 120, 93],
      [67, 68, 70],
    ],
  ],
  [
    "natural/retina.jpg",
    1411,
    1411,
    1,
    535744832,
    0xfe71f971,
    [
      [0, 0, 0],
      [2, 0, 3],
      [2, 0, 1],
    ],
  ],
  [
    "natural/rocket.jpg",
    640,
    427,
    1,
    53516744,
    0x3bc80539,
    [
      [17, 33, 58],
      [17, 29, 51],
      [197, 138, 72],
    ],
  ],
  [
    "natural/squirrel_cls.jpg",
    535,
    426,
    1,
    68368984,
    0xae61da11,
    [
      [25, 58, 11],
      [38, 59, 16],
      [12, 9, 0],
    ],
  ],
  [
    "natural/starry_night.jpg",
    752,
    600,
    1,
    126321927,
    0xea5b4e9e,
    [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ],
  ],
  [
    "skin/akiec__ISIC_0026083.jpg",
    600,
    450,
    1,
    145147293,
    0x09c14498,
    [
      [165, 137, 133],
      [168, 138, 150],
      [191, 162, 164],
    ],
  ],
  [
    "skin/bcc__ISIC_0027175.jpg",
    600,
    450,
    1,
    135051256,
    0x1898d223,
    [
      [202, 140, 129],
      [215, 152, 147],
      [215, 142, 125],
    ],
  ],
  [
    "skin/bkl__ISIC_0024412.jpg",
    600,
    450,
    1,
    126584646,
    0x2f8879ed,
    [
      [185, 165, 166],
      [149, 129, 122],
      [151, 118, 99],
    ],
  ],
  [
    "skin/df__ISIC_0025903.jpg",
    600,
    450,
    1,
    160239056,
    0x1c9ee26b,
    [
      [252, 194, 192],
      [246, 191, 186],
      [228, 167, 166],
    ],
  ],
  [
    "skin/mel__ISIC_0025248.jpg",
    600,
    450,
    1,
    126601030,
    0xbc109ab9,
    [
      [179, 109, 111],
      [195, 133, 120],
      [223, 174, 180],
    ],
  ],
  [
    "skin/nv__ISIC_0024354.jpg",
    600,
    450,
    1,
    151370425,
    0xb6f51c5c,
    [
      [231, 154, 172],
      [237, 167, 177],
      [242, 169, 178],
    ],
  ],
  [
    "skin/vasc__ISIC_0025596.jpg",
    600,
    450,
    1,
    144376840,
    0x5406028d,
    [
      [213, 155, 180],
      [216, 161, 182],
      [215, 157, 181],
    ],
  ],
];

describe("jpegDecoder on the shared fixtures (bit-exact with Pillow; references in ../shared)", () => {
  it.for(PILLOW)("%s", async ([path, width, height, orientation, sum, fnv, pixels], ctx) => {
    const bytes = await fixture(path);
    if (!bytes) return ctx.skip(`../shared/fixtures/images/${path} is absent: Pillow comparison skipped`);
    const points = [
      [0, 0],
      [width - 1, Math.floor(height / 3)],
      [Math.floor(width / 2), height - 1],
    ];
    const got = await decode(
      bytes,
      points.map(([, y]) => y),
    );
    expect([got.width, got.height, got.orientation]).toEqual([width, height, orientation]);
    expect(points.map(([x, y]) => got.pixel(x, y))).toEqual(pixels);
    expect(got.sum).toBe(sum);
    expect(got.fnv).toBe(fnv);
  });
});

describe("streaming", () => {
  it("decodes the 4032x3024 baseline photo holding about two MCU rows of samples", async () => {
    const bytes = await testImage("phone");
    const rowsBeforeEnd: number[] = [];
    const stats = decodeJpeg(bytes, (y) => rowsBeforeEnd.push(y));
    expect(stats.streamed).toBe(true);
    // 4:2:0 with 16-row MCUs: two MCU rows of three full-resolution planes is a generous ceiling;
    // the whole image would be 36 MB.
    const twoMcuRowsOfPlanes = 2 * 16 * 4032 * 3;
    expect(stats.sampleBytes).toBeLessThanOrEqual(twoMcuRowsOfPlanes);
    expect(stats.sampleBytes).toBeLessThan((4032 * 3024 * 3) / 100);
    expect(rowsBeforeEnd.length).toBe(3024);
  });

  it("keeps all coefficients only for progressive images", async () => {
    const bytes = await testImage("portrait");
    const stats = decodeJpeg(bytes, () => {});
    expect(stats.streamed).toBe(false);
    // Three 300x400 components at 4:2:0 as 16-bit coefficients, plus row buffers.
    expect(stats.sampleBytes).toBeGreaterThanOrEqual(300 * 400 * 1.5 * 2);
  });
});

describe("headers", () => {
  it("reads dimensions and orientation from the first bytes only", async () => {
    const bytes = await testImage("exif6");
    expect(jpegDecoder.readHeader(bytes.subarray(0, 1024))).toEqual({
      format: "jpeg",
      width: 300,
      height: 400,
      orientation: 6,
    });
  });

  it("reads the header of a truncated file; decoding it is refused", async () => {
    const bytes = await testImage("truncated");
    expect(jpegDecoder.readHeader(bytes)).toMatchObject({ width: 400, height: 300 });
    expect(await refusal(bytes)).toMatchObject({ code: "corrupt_image", format: "jpeg" });
  });
});

describe("bad input", () => {
  it("refuses an empty file", async () => {
    const bytes = await testImage("empty");
    expect(() => jpegDecoder.readHeader(bytes)).toThrow(expect.objectContaining({ code: "empty_image" }));
  });

  it("refuses random bytes as not a JPEG", async () => {
    const bytes = await testImage("random");
    expect(() => jpegDecoder.readHeader(bytes)).toThrow(
      expect.objectContaining({ code: "unsupported_format" }),
    );
  });

  it("refuses a file without EOI, as Pillow does", async () => {
    const bytes = await testImage("photo");
    const error = await refusal(bytes.subarray(0, bytes.length - 2));
    expect(error).toMatchObject({ code: "corrupt_image", message: expect.stringMatching(/truncated/) });
  });

  it("refuses scan data cut short by a marker instead of painting grey blocks", async () => {
    const bytes = await testImage("photo");
    const cut = new Uint8Array([...bytes.subarray(0, 5000), 0xff, 0xd9]);
    expect(await refusal(cut)).toMatchObject({
      code: "corrupt_image",
      message: expect.stringMatching(/ends early/),
    });
  });

  it("throws only ImageError, and never more rows than the image has, on damaged data", async () => {
    const bytes = await testImage("portrait");
    const baseline = await testImage("photo");
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    let refused = 0;
    for (let i = 0; i < 120; i++) {
      const source = i % 2 ? bytes : baseline;
      const damaged = source.slice(0, i % 3 === 0 ? random(source.length) : source.length);
      if (i % 3 !== 0)
        for (let k = 0; k < 4; k++) damaged[random(i % 3 === 1 ? 1000 : damaged.length)] = random(256);
      let rows = 0;
      let height = Number.POSITIVE_INFINITY;
      try {
        const header = jpegDecoder.readHeader(damaged);
        if (header.width * header.height > 4_000_000) continue;
        height = header.height;
        await jpegDecoder.decode(damaged, header, (y) => {
          expect(y).toBe(rows++);
        });
        expect(rows).toBe(height);
      } catch (error) {
        expect(error).toBeInstanceOf(ImageError);
        expect(rows).toBeLessThanOrEqual(height);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(40);
  });
});
