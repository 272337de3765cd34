/** Shapes of a Whisper model: `tiny` and `base` are openai/whisper-tiny and -base; `test` is for tests. */
export interface WhisperDims {
  width: number;
  encoderLayers: number;
  decoderLayers: number;
  heads: number;
  mlp: number;
}

export type WhisperSize = "test" | "tiny" | "base";

export const WHISPER_SIZES: Record<WhisperSize, WhisperDims> = {
  test: { width: 64, encoderLayers: 2, decoderLayers: 2, heads: 4, mlp: 128 },
  tiny: { width: 384, encoderLayers: 4, decoderLayers: 4, heads: 6, mlp: 1536 },
  base: { width: 512, encoderLayers: 6, decoderLayers: 6, heads: 8, mlp: 2048 },
};

/** The contract every size keeps: 80 mel bins, 30 s windows (3000 frames, 1500 positions), 448 tokens. */
export const WHISPER_IO = {
  melBins: 80,
  frames: 3000,
  audioPositions: 1500,
  textPositions: 448,
  vocab: 51865,
} as const;
