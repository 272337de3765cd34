import type { EncoderDims } from "./transformer";

export type SyntheticSize = "tiny" | "base";

export interface VisionDims extends EncoderDims {
  channels: number;
  image: number;
  patch: number;
}

export interface TextDims extends EncoderDims {
  vocab: number;
  context: number;
}

export interface ClipDims {
  vision: VisionDims;
  text: TextDims;
  /** Embedding size of both towers' outputs. */
  projection: number;
}

// Both sizes keep the input and output contract (224x224 images, 77 tokens, the full vocabulary,
// 512-d embeddings); `tiny` only shrinks what is inside.
const VISION_IO = { channels: 3, image: 224, patch: 32 };
const TEXT_IO = { vocab: 49408, context: 77 };
const PROJECTION = 512;

/** `base` has the shapes of openai/clip-vit-base-patch32. */
export const SIZES: Record<SyntheticSize, ClipDims> = {
  base: {
    vision: { ...VISION_IO, width: 768, layers: 12, heads: 12, mlp: 3072 },
    text: { ...TEXT_IO, width: 512, layers: 12, heads: 8, mlp: 2048 },
    projection: PROJECTION,
  },
  tiny: {
    vision: { ...VISION_IO, width: 64, layers: 2, heads: 4, mlp: 128 },
    text: { ...TEXT_IO, width: 64, layers: 2, heads: 4, mlp: 128 },
    projection: PROJECTION,
  },
};

type Json = Record<string, unknown>;

/** Upstream config.json with the sizes of `dims`: the keys Transformers.js and HF read for shapes. */
export function clipConfig(upstream: Json, dims: ClipDims): Json {
  const encoder = (d: EncoderDims) => ({
    hidden_size: d.width,
    num_hidden_layers: d.layers,
    num_attention_heads: d.heads,
    intermediate_size: d.mlp,
    projection_dim: dims.projection,
  });
  const { vision, text } = dims;
  return {
    ...upstream,
    projection_dim: dims.projection,
    text_config: {
      ...(upstream.text_config as Json),
      ...encoder(text),
      vocab_size: text.vocab,
      max_position_embeddings: text.context,
    },
    vision_config: {
      ...(upstream.vision_config as Json),
      ...encoder(vision),
      num_channels: vision.channels,
      image_size: vision.image,
      patch_size: vision.patch,
    },
  };
}
