import { afterEach, describe, expect, it } from "vitest";
import { crc32 } from "../../src/image/png/crc32";
import { ImageError } from "../../src/image/types";
import { createWebpDecoder, readWebpHeader } from "../../src/image/webp/index";
import { decodeRgbRows, LibwebpError, libwebpVersion, webpFeatures } from "../../src/image/webp/libwebp";
import webpWasm from "../../src/image/webp/wasm-worker";
import { readHostFile, testImage } from "../support/host-files";
import { boxMeans, decodeScaledRows } from "../support/scaled-rows";

const decoder = createWebpDecoder(async () => webpWasm);

async function decodeAll(bytes: Uint8Array) {
  const header = decoder.readHeader(bytes);
  const rgb = new Uint8Array(header.width * header.height * 3);
  const rows: number[] = [];
  await decoder.decode(bytes, header, (y, row) => {
    rows.push(y);
    rgb.set(row, y * header.width * 3);
  });
  return { header, rgb, rows };
}

const fixture = (name: string) => readHostFile("shared", `fixtures/images/formats/${name}`);
// The generated photo (test/support/test-images.ts), 400x300, for what compares with no reference.
const LOSSY = () => testImage("photoWebp");
const LOSSLESS = () => testImage("photoWebpLossless");

function riff(...chunks: [string, Uint8Array][]): Uint8Array {
  const body = chunks.flatMap(([fourcc, data]) => {
    const head = new Uint8Array(8);
    head.set([...fourcc].map((c) => c.charCodeAt(0)));
    new DataView(head.buffer).setUint32(4, data.length, true);
    return [head, data, new Uint8Array(data.length & 1)];
  });
  const parts = [new Uint8Array(12), ...body];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  out.set([..."RIFF"].map((c) => c.charCodeAt(0)));
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  out.set(
    [..."WEBP"].map((c) => c.charCodeAt(0)),
    8,
  );
  return out;
}

function vp8x(flags: number, width: number, height: number): Uint8Array {
  const d = new Uint8Array(10);
  d[0] = flags;
  d.set([(width - 1) & 0xff, ((width - 1) >> 8) & 0xff, (width - 1) >> 16], 4);
  d.set([(height - 1) & 0xff, ((height - 1) >> 8) & 0xff, (height - 1) >> 16], 7);
  return d;
}

/** The first chunk of a simple (VP8 or VP8L) file. */
const imageChunk = (file: Uint8Array): [string, Uint8Array] => {
  const size = new DataView(file.buffer, file.byteOffset).getUint32(16, true);
  return [String.fromCharCode(...file.subarray(12, 16)), file.subarray(20, 20 + size)];
};

// Pillow 9.4 (libwebp 1.2.4), convert("RGB"): byte sum, CRC-32 of all RGB bytes, pixels at (0, 0),
// (225, 150) and (450, 299). Both are 451x300.
const PILLOW: [string, number, number, number[][]][] = [
  [
    "chelsea_lossless.webp",
    46802357,
    0x0f829d59,
    [
      [143, 120, 104],
      [190, 150, 124],
      [162, 138, 128],
    ],
  ],
  [
    "chelsea_lossy.webp",
    46823343,
    0xbad50c54,
    [
      [142, 119, 106],
      [194, 153, 124],
      [162, 139, 128],
    ],
  ],
];

describe("WebP fixtures decode exactly as Pillow's convert('RGB') (references in ../shared)", () => {
  for (const [name, sum, crc, pixels] of PILLOW) {
    it(name, async (ctx) => {
      const bytes = await fixture(name);
      if (!bytes)
        return ctx.skip(`../shared/fixtures/images/formats/${name} is absent: Pillow comparison skipped`);
      const { header, rgb, rows } = await decodeAll(bytes);
      expect(header).toEqual({ format: "webp", width: 451, height: 300, orientation: 1 });
      expect(rows).toEqual([...Array(300).keys()]);
      expect(rgb.reduce((a, b) => a + b, 0)).toBe(sum);
      const at = (x: number, y: number) => [...rgb.subarray((y * 451 + x) * 3, (y * 451 + x) * 3 + 3)];
      expect([at(0, 0), at(225, 150), at(450, 299)]).toEqual(pixels);
      expect(crc32(rgb)).toBe(crc);
    });
  }
});

describe("libwebp runs in a fresh WASM instance and memory per decode, capped at its estimate", () => {
  const Instance = WebAssembly.Instance;
  afterEach(() => {
    WebAssembly.Instance = Instance;
  });

  it("instantiates the compiled module anew each time, with a memory that may not grow past decodeBytes", async () => {
    const bytes = await LOSSLESS();
    const memories: WebAssembly.Memory[] = [];
    WebAssembly.Instance = class extends Instance {
      constructor(module: WebAssembly.Module, imports?: WebAssembly.Imports) {
        super(module, imports);
        memories.push(imports?.env.memory as WebAssembly.Memory);
      }
    };
    await decodeAll(bytes);
    await decodeAll(bytes);
    expect(memories).toHaveLength(2);
    expect(memories[0]).not.toBe(memories[1]);
    const estimate = decoder.decodeBytes(bytes, decoder.readHeader(bytes));
    // 400x300 lossless: every pixel as ARGB and the RGB output, within what was reserved for it.
    expect(memories[1].buffer.byteLength).toBeGreaterThan(400 * 300 * 7);
    expect(memories[1].buffer.byteLength).toBeLessThanOrEqual(estimate);
  });

  it("a decode that needs more than its cap fails cleanly (libwebp's out-of-memory), the next one works", async () => {
    const module = webpWasm;
    const bytes = await LOSSLESS();
    const error = (() => {
      try {
        // 1 MiB: the module's first MiB, with no room for 400x300 ARGB pixels and the RGB output.
        decodeRgbRows(module, bytes, 400, 300, () => {}, 2 ** 20);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LibwebpError);
    expect((error as LibwebpError).status).toBe(1);
    expect((await decodeAll(bytes)).rows).toHaveLength(300);
  });

  it("is libwebp 1.6.0, and its WebPGetFeatures agrees with our header reader", async () => {
    expect(libwebpVersion(webpWasm)).toBe("1.6.0");
    for (const [bytes, format] of [
      [await LOSSY(), "lossy"],
      [await LOSSLESS(), "lossless"],
    ] as const) {
      const { width, height } = readWebpHeader(bytes);
      expect(webpFeatures(webpWasm, bytes)).toEqual({
        width,
        height,
        hasAlpha: false,
        hasAnimation: false,
        format,
      });
    }
  });
});

describe("scaled decoding: libwebp's rescaler makes the reduced rows as it decodes", () => {
  for (const [name, load] of [
    ["lossy", LOSSY],
    ["lossless", LOSSLESS],
  ] as const) {
    it(`${name}: 1/2 and 1/4 give ceil(side / scale) rows, close to the exact decode averaged`, async () => {
      const bytes = await load();
      const exact = await decodeAll(bytes);
      for (const scale of [2, 4] as const) {
        const header = decoder.readHeader(bytes);
        const { rgb } = await decodeScaledRows(decoder, bytes, scale);
        const box = boxMeans(exact.rgb, 400, 300, scale);
        const diff = rgb.reduce((a, v, i) => a + Math.abs(v - box[i]), 0) / rgb.length;
        expect(diff, `1/${scale}`).toBeLessThan(2);
        // Smaller than the whole decode: the lossy one by far (only the reduced output is held).
        expect(decoder.decodeBytes(bytes, header, scale)).toBeLessThan(decoder.decodeBytes(bytes, header));
      }
    });
  }

  it("damaged data gets the same error scaled as whole", async () => {
    const bytes = await LOSSY();
    const [fourcc, data] = imageChunk(bytes);
    const cut = riff([fourcc, data.subarray(0, data.length >> 1)]);
    const header = readWebpHeader(cut);
    const error = await Promise.resolve(decoder.decode(cut, header, () => {}, 2)).catch((e: unknown) => e);
    expect(error).toEqual(expect.objectContaining({ code: "corrupt_image", format: "webp" }));
  });
});

describe("extended (VP8X) files", () => {
  const exif = (orientation: number) =>
    new Uint8Array([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0]);

  it("reads the EXIF orientation and decodes the same pixels as the simple file", async () => {
    const simple = await LOSSY();
    const extended = riff(["VP8X", vp8x(0x08, 400, 300)], imageChunk(simple), ["EXIF", exif(6)]);
    const { header, rgb } = await decodeAll(extended);
    expect(header).toEqual({ format: "webp", width: 400, height: 300, orientation: 6 });
    expect(crc32(rgb)).toBe(crc32((await decodeAll(simple)).rgb));
  });

  it("refuses animation as unsupported 'webp-animated'", () => {
    const animated = riff(["VP8X", vp8x(0x02, 64, 64)], ["ANIM", new Uint8Array(6)]);
    expect(() => readWebpHeader(animated)).toThrow(
      expect.objectContaining({ code: "unsupported_format", format: "webp-animated" }),
    );
  });

  it("refuses a canvas that differs from the image", async () => {
    const simple = await LOSSLESS();
    const bad = riff(["VP8X", vp8x(0, 401, 300)], imageChunk(simple));
    expect(() => readWebpHeader(bad)).toThrow(
      expect.objectContaining({ code: "corrupt_image", format: "webp" }),
    );
  });
});

describe("damaged files are refused as corrupt_image", () => {
  const corrupt = expect.objectContaining({ code: "corrupt_image", format: "webp" });

  it("truncated, or with chunk sizes that disagree with RIFF's", async () => {
    const bytes = await LOSSY();
    expect(() => readWebpHeader(bytes.subarray(0, bytes.length >> 1))).toThrow(corrupt);
    expect(() => readWebpHeader(bytes.subarray(0, 16))).toThrow(corrupt);
    const longChunk = bytes.slice();
    new DataView(longChunk.buffer).setUint32(16, bytes.length, true);
    expect(() => readWebpHeader(longChunk)).toThrow(corrupt);
    expect(() => readWebpHeader(riff(["VP8 ", new Uint8Array(10)]))).toThrow(corrupt);
    expect(() => readWebpHeader(riff(["XYZW", new Uint8Array(10)]))).toThrow(corrupt);
  });

  it("image data libwebp refuses", async () => {
    const bytes = await LOSSLESS();
    const [fourcc, data] = imageChunk(bytes);
    const cut = riff([fourcc, data.subarray(0, data.length >> 1)]);
    const error = await decodeAll(cut).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect(error).toEqual(corrupt);
  });
});
