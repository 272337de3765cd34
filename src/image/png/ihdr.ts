import { PNG_SIGNATURE, readChunk } from "./chunks";
import { corruptPng } from "./errors";

export const ColorType = { Gray: 0, Rgb: 2, Palette: 3, GrayAlpha: 4, Rgba: 6 } as const;
export type ColorType = (typeof ColorType)[keyof typeof ColorType];

export interface Ihdr {
  width: number;
  height: number;
  bitDepth: number;
  colorType: ColorType;
  interlaced: boolean;
  /** Offset of the chunk after IHDR. */
  end: number;
}

const allowedDepths: Record<number, number[]> = {
  [ColorType.Gray]: [1, 2, 4, 8, 16],
  [ColorType.Rgb]: [8, 16],
  [ColorType.Palette]: [1, 2, 4, 8],
  [ColorType.GrayAlpha]: [8, 16],
  [ColorType.Rgba]: [8, 16],
};

export const channelCount: Record<ColorType, number> = {
  [ColorType.Gray]: 1,
  [ColorType.Rgb]: 3,
  [ColorType.Palette]: 1,
  [ColorType.GrayAlpha]: 2,
  [ColorType.Rgba]: 4,
};

function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Reads and validates the signature and IHDR, which must come first. */
export function readIhdr(bytes: Uint8Array): Ihdr {
  if (!isPng(bytes)) throw corruptPng("no PNG signature");
  const chunk = readChunk(bytes, PNG_SIGNATURE.length);
  if (chunk.type !== "IHDR" || chunk.data.length !== 13) {
    throw corruptPng("the first chunk is not a valid IHDR");
  }
  const view = new DataView(chunk.data.buffer, chunk.data.byteOffset, 13);
  const [bitDepth, colorType, compression, filter, interlace] = chunk.data.subarray(8);
  const ihdr: Ihdr = {
    width: view.getUint32(0),
    height: view.getUint32(4),
    bitDepth,
    colorType: colorType as ColorType,
    interlaced: interlace === 1,
    end: chunk.end,
  };
  if (ihdr.width > 0x7fffffff || ihdr.height > 0x7fffffff) throw corruptPng("IHDR dimensions out of range");
  if (!allowedDepths[colorType]?.includes(bitDepth)) {
    throw corruptPng(`IHDR colour type ${colorType} with bit depth ${bitDepth} is not valid`);
  }
  if (compression !== 0 || filter !== 0 || interlace > 1) throw corruptPng("IHDR names unknown methods");
  return ihdr;
}
