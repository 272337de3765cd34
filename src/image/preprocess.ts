import { orientedSize } from "./orientation";
import { type CropRect, createStreamingResize } from "./resample";
import type { ImageHeader, ReadRegion, RowSink } from "./types";

/**
 * CLIP preprocessing as Hugging Face's CLIPImageProcessor does it with Pillow: EXIF orientation, shortest
 * edge resized to `size` (BICUBIC), centre crop `size` x `size`, then x/255 and mean/std, channels first.
 */

export interface PreprocessConfig {
  /** Shortest edge and crop size (224 for CLIP ViT-B/32). */
  size: number;
}

export interface Preprocessor {
  /** Give this to the decoder: stored rows, top to bottom. */
  readonly sink: RowSink;
  /** The `size` x `size` RGB crop (HWC, uint8), before normalisation. */
  finish(): Uint8Array;
  /** Bytes of all buffers held while streaming; the full image never is. */
  readonly bytesHeld: number;
  /** The part of the stored image the resize reads (see ReadRegion). */
  readonly region: ReadRegion;
}

/** HF `get_resize_output_image_size(default_to_square=False)`: the long edge is truncated, not rounded. */
export function resizeShortestEdge(
  width: number,
  height: number,
  size: number,
): { width: number; height: number } {
  const long = Math.trunc((size * Math.max(width, height)) / Math.min(width, height));
  return width <= height ? { width: size, height: long } : { width: long, height: size };
}

/** HF `center_crop`: offsets are floor((resized - size) / 2). */
export function centerCrop(width: number, height: number, size: number): CropRect {
  return {
    left: Math.floor((width - size) / 2),
    top: Math.floor((height - size) / 2),
    width: size,
    height: size,
  };
}

export function createPreprocessor(header: ImageHeader, config: PreprocessConfig): Preprocessor {
  const oriented = orientedSize(header.width, header.height, header.orientation);
  const resized = resizeShortestEdge(oriented.width, oriented.height, config.size);
  return createStreamingResize(header, resized, centerCrop(resized.width, resized.height, config.size));
}

/**
 * HWC uint8 to CHW float32 as HF does it: `float32(x * (1/255))` (computed in float64), then
 * `(x - mean) / std` in float32 arithmetic.
 */
export function normalize(crop: Uint8Array, mean: readonly number[], std: readonly number[]): Float32Array {
  const pixels = crop.length / 3;
  const out = new Float32Array(crop.length);
  for (let c = 0; c < 3; c++) {
    const m = Math.fround(mean[c]);
    const s = Math.fround(std[c]);
    const lut = new Float32Array(256);
    for (let v = 0; v < 256; v++) lut[v] = Math.fround(Math.fround(v * (1 / 255)) - m) / s;
    for (let i = 0; i < pixels; i++) out[c * pixels + i] = lut[crop[i * 3 + c]];
  }
  return out;
}
