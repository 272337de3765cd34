import { describe, expect, it } from "vitest";
import { sniffFormat } from "../../src/image/sniff";
import { testImage } from "../support/host-files";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));
const padded = (head: Uint8Array) => {
  const out = new Uint8Array(64);
  out.set(head);
  return out;
};

const refusal = (format: string) => expect.objectContaining({ code: "unsupported_format", format });

describe("sniffFormat", () => {
  it("recognises JPEG, PNG and WebP by their magic bytes", () => {
    expect(sniffFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffFormat(bytes([0x89], "PNG\r\n\x1a\n"))).toBe("png");
    expect(sniffFormat(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("webp");
  });

  const refused: [string, Uint8Array, RegExp][] = [
    ["gif", bytes("GIF89a", [1, 0, 1, 0]), /^GIF images are not supported; send a JPEG, PNG or WebP photo$/],
    ["gif", bytes("GIF87a"), /GIF/],
    ["heic", padded(bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1heic")), /HEIC/],
    ["heic", padded(bytes([0, 0, 0, 0x18], "ftypmif1", [0, 0, 0, 0], "mif1heic")), /HEIC/],
    ["avif", padded(bytes([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0], "avifmif1miaf")), /AVIF/],
    ["heif", padded(bytes([0, 0, 0, 0x18], "ftypmif1", [0, 0, 0, 0], "mif1miaf")), /HEIF/],
    ["bmp", padded(bytes("BM", [0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0])), /BMP/],
    ["tiff", bytes("II*\0", [8, 0, 0, 0]), /TIFF/],
    ["tiff", bytes("MM\0*", [0, 0, 0, 8]), /TIFF/],
    ["svg", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), /SVG/],
    ["svg", bytes([0xef, 0xbb, 0xbf], ' \n\t<?xml version="1.0"?>\n<!-- drawn -->\n<svg/>'), /SVG/],
    ["ico", bytes([0, 0, 1, 0, 1, 0, 16, 16]), /ICO/],
    ["pdf", bytes("%PDF-1.7\n"), /PDF/],
  ];
  for (const [format, data, message] of refused) {
    it(`refuses ${format} (${JSON.stringify(String.fromCharCode(...data.subarray(0, 12)))}) by name`, () => {
      expect(() => sniffFormat(data)).toThrow(refusal(format));
      expect(() => sniffFormat(data)).toThrow(message);
    });
  }

  it("calls anything else not an image", () => {
    const notImages = [
      bytes("hello, this is not an image"),
      bytes("RIFF", [1, 2, 3, 4], "WAVEfmt "),
      padded(bytes([0, 0, 0, 0x20], "ftypisom", [0, 0, 2, 0], "isomiso2mp41")),
      bytes('<?xml version="1.0"?><html/>'),
      bytes("BM and then some text"),
      bytes([0xff, 0xd8]),
      bytes([0x89], "PNG"),
    ];
    for (const data of notImages) {
      expect(() => sniffFormat(data)).toThrow(refusal("unknown"));
      expect(() => sniffFormat(data)).toThrow(/not an image/);
    }
  });

  it("refuses empty input as empty_image", () => {
    expect(() => sniffFormat(new Uint8Array(0))).toThrow(expect.objectContaining({ code: "empty_image" }));
  });

  it("names the generated bad inputs (test/support/test-images.ts)", async () => {
    const expected = [
      ["gif", "gif"],
      ["heic", "heic"],
      ["text", "unknown"],
      ["random", "unknown"],
    ] as const;
    for (const [name, format] of expected) {
      const data = await testImage(name);
      expect(() => sniffFormat(data), name).toThrow(refusal(format));
    }
  });
});
