import { ModelUnavailableError } from "./errors";
import { MANIFEST_FILE, type ManifestFile } from "./manifest";
import type { ModelStore } from "./store";

/**
 * A speech package is the Hugging Face layout of Xenova/whisper-tiny or -base (config.json,
 * generation_config.json, preprocessor_config.json, tokenizer.json, tokenizer_config.json,
 * onnx/encoder_model_quantized.onnx, onnx/decoder_model_merged_quantized.onnx) plus this manifest at its
 * root, listing every file with its size and sha256 as a CLIP package's does.
 */
export const SPEECH_MANIFEST_FORMAT = "dermedge-speech/1";

export interface SpeechManifest {
  format: typeof SPEECH_MANIFEST_FORMAT;
  /** e.g. "Xenova/whisper-tiny" or "synthetic/whisper-test". */
  id: string;
  /** Upstream commit, or a content hash for generated packages. */
  revision: string;
  synthetic: boolean;
  variant: string;
  /** input_features [batch, 80, 3000] -> last_hidden_state. */
  encoder: { file: string; input: string; output: string };
  /** The merged decoder: input_ids, encoder_hidden_states, past_key_values.*, use_cache_branch -> logits, present.*. */
  decoder: { file: string; layers: number; heads: number; headDim: number };
  files: ManifestFile[];
}

/** The speech package's manifest, checked for its format; ModelUnavailableError otherwise. */
export async function readSpeechManifest(store: ModelStore): Promise<SpeechManifest> {
  const bytes = await store.read(MANIFEST_FILE);
  if (!bytes) throw new ModelUnavailableError("model_missing", `no speech package at ${store.location}`);
  let manifest: SpeechManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ModelUnavailableError("model_invalid", `${MANIFEST_FILE} is not valid JSON`);
  }
  if (manifest?.format !== SPEECH_MANIFEST_FORMAT || !Array.isArray(manifest.files) || !manifest.decoder) {
    throw new ModelUnavailableError(
      "model_invalid",
      `${MANIFEST_FILE} is not a ${SPEECH_MANIFEST_FORMAT} manifest`,
    );
  }
  return manifest;
}
