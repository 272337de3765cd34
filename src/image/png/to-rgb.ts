import { corruptPng } from "./errors";
import { ColorType, channelCount, type Ihdr } from "./ihdr";

/** Writes the first `width` pixels of an unfiltered scanline into `out` as RGB. */
export type RgbConverter = (line: Uint8Array, width: number, out: Uint8Array) => void;

/**
 * Converts as Pillow's `convert("RGB")` does: alpha dropped without compositing, palette expanded
 * (tRNS ignored), gray replicated, 16-bit samples cut to their high byte.
 * Deviation: Pillow opens 16-bit grayscale as mode I;16 and its convert("RGB") clips values to 255,
 * which turns almost every photo white; we take the high byte, like every other 16-bit mode.
 */
export function rgbConverter(ihdr: Pick<Ihdr, "colorType" | "bitDepth">, plte?: Uint8Array): RgbConverter {
  const { colorType, bitDepth } = ihdr;
  if (colorType === ColorType.Palette) {
    if (!plte) throw corruptPng("palette image without a PLTE chunk before its data");
    return indexed(bitDepth, paletteTable(plte));
  }
  if (colorType === ColorType.Gray && bitDepth <= 8) return indexed(bitDepth, grayTable(bitDepth));
  const gray = colorType === ColorType.Gray || colorType === ColorType.GrayAlpha;
  return sampled(channelCount[colorType], bitDepth / 8, gray);
}

/** Pillow's palette: PLTE entries first, and gray (i, i, i) for indices past its end. */
function paletteTable(plte: Uint8Array): Uint8Array {
  if (plte.length % 3 !== 0 || plte.length === 0 || plte.length > 768) throw corruptPng("invalid PLTE chunk");
  const table = new Uint8Array(768).map((_, i) => Math.floor(i / 3));
  table.set(plte);
  return table;
}

/** Gray levels of 1, 2, 4 and 8 bits scaled to 0..255, as Pillow's L;1, L;2 and L;4 unpackers do. */
function grayTable(bitDepth: number): Uint8Array {
  const scale = 255 / ((1 << bitDepth) - 1);
  return new Uint8Array(768).map((_, i) => Math.floor(i / 3) * scale);
}

/** Samples of up to 8 bits, packed most significant first, looked up in a 256-entry RGB table. */
function indexed(bitDepth: number, table: Uint8Array): RgbConverter {
  const perByte = 8 / bitDepth;
  const mask = (1 << bitDepth) - 1;
  return (line, width, out) => {
    for (let x = 0, o = 0; x < width; x++, o += 3) {
      const shift = 8 - bitDepth * (1 + (x % perByte));
      const t = ((line[(x / perByte) | 0] >> shift) & mask) * 3;
      out[o] = table[t];
      out[o + 1] = table[t + 1];
      out[o + 2] = table[t + 2];
    }
  };
}

/** Byte-aligned samples (8 or 16 bits, big-endian, so the first byte is the high one). */
function sampled(channels: number, bytesPerSample: number, gray: boolean): RgbConverter {
  const stride = channels * bytesPerSample;
  const step = gray ? 0 : bytesPerSample;
  return (line, width, out) => {
    for (let x = 0, i = 0, o = 0; x < width; x++, i += stride, o += 3) {
      out[o] = line[i];
      out[o + 1] = line[i + step];
      out[o + 2] = line[i + 2 * step];
    }
  };
}
