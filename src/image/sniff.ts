import { ImageError, type ImageFormat } from "./types";

/** Recognised formats we refuse: `format` is what ImageError carries, `name` what the message says. */
interface Refused {
  format: string;
  name: string;
}

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end));

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/**
 * The image format, from magic bytes only. Throws ImageError for empty input, for formats we
 * recognise but do not decode (naming them), and for data that is not an image at all.
 */
export function sniffFormat(bytes: Uint8Array): ImageFormat {
  if (bytes.length === 0) throw new ImageError("empty_image", "The image is empty (0 bytes)");
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  const refused = refusedFormat(bytes);
  if (refused) {
    throw new ImageError(
      "unsupported_format",
      `${refused.name} images are not supported; send a JPEG, PNG or WebP photo`,
      refused.format,
    );
  }
  throw new ImageError(
    "unsupported_format",
    "The file is not an image (or not one we recognise); send a JPEG, PNG or WebP photo",
    "unknown",
  );
}

function refusedFormat(bytes: Uint8Array): Refused | undefined {
  const head = ascii(bytes, 0, 8);
  if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) return { format: "gif", name: "GIF" };
  if (ascii(bytes, 4, 8) === "ftyp") return isoMediaFormat(bytes);
  if (head.startsWith("BM") && [12, 40, 52, 56, 64, 108, 124].includes(bytes[14] | (bytes[15] << 8))) {
    return { format: "bmp", name: "BMP" };
  }
  if (
    head.startsWith("II*\0") ||
    head.startsWith("MM\0*") ||
    head.startsWith("II+\0") ||
    head.startsWith("MM\0+")
  ) {
    return { format: "tiff", name: "TIFF" };
  }
  if ((head.startsWith("\0\0\x01\0") || head.startsWith("\0\0\x02\0")) && bytes[4] + bytes[5] > 0) {
    return { format: "ico", name: "ICO" };
  }
  if (head.startsWith("%PDF-")) return { format: "pdf", name: "PDF" };
  if (head.startsWith("8BPS")) return { format: "psd", name: "Photoshop (PSD)" };
  if (startsWith(bytes, [0xff, 0x0a]) || ascii(bytes, 4, 8) === "JXL ") {
    return { format: "jxl", name: "JPEG XL" };
  }
  if (ascii(bytes, 4, 8) === "jP  ") return { format: "jp2", name: "JPEG 2000" };
  if (isSvg(bytes)) return { format: "svg", name: "SVG" };
  return undefined;
}

const HEIC_BRANDS = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"];
const HEIF_BRANDS = ["mif1", "msf1", "mif2"];
const AVIF_BRANDS = ["avif", "avis"];

/** ISO media (ftyp box): HEIC, AVIF or generic HEIF by major and compatible brands; video and the rest are not images. */
function isoMediaFormat(bytes: Uint8Array): Refused | undefined {
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= Math.min(boxSize, bytes.length, 256); at += 4) {
    brands.push(ascii(bytes, at, at + 4));
  }
  if (brands.some((b) => AVIF_BRANDS.includes(b))) return { format: "avif", name: "AVIF" };
  if (brands.some((b) => HEIC_BRANDS.includes(b))) return { format: "heic", name: "HEIC" };
  if (brands.some((b) => HEIF_BRANDS.includes(b))) return { format: "heif", name: "HEIF" };
  return undefined;
}

/** Text that opens with `<svg`, or with an XML declaration, doctype or comment followed by `<svg`. */
function isSvg(bytes: Uint8Array): boolean {
  const text = new TextDecoder()
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (text.startsWith("<svg")) return true;
  return /^<(\?xml|!--|!DOCTYPE)/i.test(text) && text.includes("<svg");
}
