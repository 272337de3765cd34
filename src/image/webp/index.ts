import { type DecodeScale, type ImageDecoder, ImageError, type ImageHeader } from "../types";
import { corruptWebp } from "./errors";
import { readWebpHeader, webpCoding } from "./header";
import { decodeRgbRows, LibwebpError, MIN_MEMORY } from "./libwebp";

export { readWebpHeader } from "./header";

/** Supplies libwebp's compiled decoder: the Worker imports it (wasm-worker.ts), Node compiles it (wasm-node.ts). */
export type WebpModuleProvider = () => Promise<WebAssembly.Module>;

/** The size a decode at `scale` gives: ceil(side / scale), as for JPEG, made by libwebp's rescaler. */
const scaled = (side: number, scale: DecodeScale) => Math.ceil(side / scale);

/** WebP decoder: headers parsed here, pixels by libwebp in WASM (scaled by it when asked), alpha dropped. */
export function createWebpDecoder(getModule: WebpModuleProvider): ImageDecoder {
  return {
    readHeader: readWebpHeader,
    decodeBytes: webpDecodeBytes,
    async decode(bytes, header, sink, scale = 1) {
      const module = await getModule();
      const width = scaled(header.width, scale);
      const height = scaled(header.height, scale);
      const maxBytes = webpDecodeBytes(bytes, header, scale);
      try {
        decodeRgbRows(module, bytes, width, height, sink, maxBytes);
      } catch (error) {
        if (!(error instanceof LibwebpError)) throw error;
        if (error.status !== OUT_OF_MEMORY) throw corruptWebp(error.message);
        throw new ImageError(
          "image_too_large",
          `Decoding this ${header.width}x${header.height} WebP image needs more than the ` +
            `${Math.ceil(maxBytes / 2 ** 20)} MiB its size allows`,
          "webp",
        );
      }
    },
  };
}

const OUT_OF_MEMORY = 1;
/** Per column of the stored width: VP8's macroblock row caches (rows of Y, U, V and filter state). */
const LOSSY_PER_COLUMN = 256;
/**
 * VP8L's Huffman tables (about 12 KB a group), its transforms' sub-images and small buffers: what photos
 * took beyond the pixels was at most 0.54 MiB of 6 MP (cwebp efforts 0 to 6, scripts/webp-memory.ts).
 */
const LOSSLESS_TABLES = 1.5 * 2 ** 20;
const LOSSLESS_TRANSFORMS_PER_PIXEL = 0.125;
/** emmalloc's headers and the gaps between libwebp's blocks. */
const SLACK = 2 ** 19;

/**
 * The WASM memory a decode may reach, which libwebp.ts also sets as that memory's maximum, so a decode
 * can never take more than was reserved for it (an image needing more is refused as too large). It holds
 * the module's first MiB, the file, the RGB output at the decoded size, and what libwebp keeps:
 * - lossy (VP8): a few macroblock rows of the stored width; an alpha plane at full size if any, and
 *   while it is decoded (it is VP8L-coded) up to 4 bytes a pixel more;
 *   the rescaler turns rows into the smaller output as they come, so no full-size RGB ever exists;
 * - lossless (VP8L): every pixel as 32-bit ARGB, since a back-reference may reach any earlier pixel.
 * The rows go to the sink as views into that memory: nothing proportional to the image in JS.
 */
export function webpDecodeBytes(bytes: Uint8Array, header: ImageHeader, scale: DecodeScale = 1): number {
  const { width, height } = header;
  const pixels = width * height;
  const output = scaled(width, scale) * scaled(height, scale) * 3;
  const { lossless, alpha } = webpCoding(bytes);
  const held = lossless
    ? pixels * (4 + LOSSLESS_TRANSFORMS_PER_PIXEL) + width * 4 * 17 + LOSSLESS_TABLES
    : width * LOSSY_PER_COLUMN + (alpha ? pixels * 5 : 0);
  return MIN_MEMORY + bytes.length + output + held + SLACK;
}
