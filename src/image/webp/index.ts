import type { ImageDecoder, ImageHeader } from "../types";
import { corruptWebp } from "./errors";
import { readWebpHeader } from "./header";
import { decodeRgba } from "./libwebp";

export { readWebpHeader } from "./header";

/** Supplies libwebp's compiled decoder: the Worker imports it (wasm-worker.ts), Node compiles it (wasm-node.ts). */
export type WebpModuleProvider = () => Promise<WebAssembly.Module>;

/** WebP decoder: headers parsed here, pixels by libwebp in WASM, alpha dropped. */
export function createWebpDecoder(getModule: WebpModuleProvider): ImageDecoder {
  return {
    readHeader: readWebpHeader,
    decodeBytes: webpDecodeBytes,
    async decode(bytes, header, sink) {
      const image = await decodeRgba(await getModule(), bytes);
      if (!image) throw corruptWebp("libwebp could not decode it");
      const { width, height, data } = image;
      if (width !== header.width || height !== header.height) {
        throw corruptWebp("size differs from its header");
      }
      const rgb = new Uint8Array(width * 3);
      for (let y = 0, i = 0; y < height; y++) {
        for (let o = 0; o < rgb.length; o += 3, i += 4) {
          rgb[o] = data[i];
          rgb[o + 1] = data[i + 1];
          rgb[o + 2] = data[i + 2];
        }
        sink(y, rgb);
      }
    },
  };
}

/** libwebp's WASM memory starts at 16 MiB and grows to about 8 bytes a pixel (measured: 8.1 lossless, 6.3 lossy). */
const WEBP_WASM_INITIAL = 16 * 1024 * 1024;
const WEBP_WASM_PER_PIXEL = 8.5;

/**
 * libwebp decodes the whole picture into its WASM memory (a fresh instance per decode, holding the file
 * too), and the RGBA pixels come back copied out of it: WebP is the format that needs the most.
 */
export function webpDecodeBytes(bytes: Uint8Array, { width, height }: ImageHeader): number {
  const pixels = width * height;
  const wasm = Math.max(WEBP_WASM_INITIAL, Math.ceil(pixels * WEBP_WASM_PER_PIXEL) + bytes.length);
  return wasm + pixels * 4 + width * 3;
}
