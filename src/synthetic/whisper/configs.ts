import { WHISPER_IO, type WhisperDims } from "./sizes";
import { SPECIAL, WHISPER_LANGUAGES } from "./tokenizer";

// The tokens the real generation_config suppresses that exist in any Whisper vocabulary (the special ones);
// its other suppressed ids name real BPE tokens (symbols, music notes) that mean nothing in a generated one.
const SUPPRESS = [
  SPECIAL.startOfTranscript,
  SPECIAL.translate,
  SPECIAL.transcribe,
  SPECIAL.startOfLm,
  SPECIAL.startOfPrev,
  SPECIAL.noSpeech,
];
/** "Ġ" (a lone space) and <|endoftext|> may not come first: the real begin_suppress_tokens. */
const BEGIN_SUPPRESS = [220, SPECIAL.endOfText];

/** The special ids and suppressed tokens, which the export writes in config.json and generation_config.json alike. */
const TOKEN_SETTINGS = {
  bos_token_id: SPECIAL.endOfText,
  eos_token_id: SPECIAL.endOfText,
  pad_token_id: SPECIAL.endOfText,
  decoder_start_token_id: SPECIAL.startOfTranscript,
  begin_suppress_tokens: BEGIN_SUPPRESS,
  suppress_tokens: SUPPRESS,
};

/** config.json: the keys Transformers.js and transformers read for Whisper's shapes and tokens. */
export function whisperConfig(dims: WhisperDims): Record<string, unknown> {
  return {
    _name_or_path: "synthetic/whisper",
    architectures: ["WhisperForConditionalGeneration"],
    model_type: "whisper",
    is_encoder_decoder: true,
    activation_function: "gelu",
    d_model: dims.width,
    encoder_layers: dims.encoderLayers,
    decoder_layers: dims.decoderLayers,
    encoder_attention_heads: dims.heads,
    decoder_attention_heads: dims.heads,
    encoder_ffn_dim: dims.mlp,
    decoder_ffn_dim: dims.mlp,
    num_hidden_layers: dims.encoderLayers,
    num_mel_bins: WHISPER_IO.melBins,
    max_source_positions: WHISPER_IO.audioPositions,
    max_target_positions: WHISPER_IO.textPositions,
    vocab_size: WHISPER_IO.vocab,
    scale_embedding: false,
    use_cache: true,
    ...TOKEN_SETTINGS,
    torch_dtype: "float32",
  };
}

/** generation_config.json: the prompt tokens (language, task, no timestamps) and the suppressed tokens. */
export function whisperGenerationConfig(): Record<string, unknown> {
  return {
    ...TOKEN_SETTINGS,
    is_multilingual: true,
    lang_to_id: Object.fromEntries(
      WHISPER_LANGUAGES.map((code, i) => [`<|${code}|>`, SPECIAL.firstLanguage + i]),
    ),
    task_to_id: { translate: SPECIAL.translate, transcribe: SPECIAL.transcribe },
    no_timestamps_token_id: SPECIAL.noTimestamps,
    prev_sot_token_id: SPECIAL.startOfPrev,
    max_initial_timestamp_index: 50,
    max_length: WHISPER_IO.textPositions,
    return_timestamps: false,
  };
}

/** preprocessor_config.json: Whisper's feature extractor (80 bins, 25 ms window, 10 ms hop, 30 s). */
export function whisperPreprocessorConfig(): Record<string, unknown> {
  return {
    chunk_length: 30,
    feature_extractor_type: "WhisperFeatureExtractor",
    feature_size: WHISPER_IO.melBins,
    hop_length: 160,
    n_fft: 400,
    n_samples: 480000,
    nb_max_frames: WHISPER_IO.frames,
    padding_side: "right",
    padding_value: 0,
    processor_class: "WhisperProcessor",
    return_attention_mask: false,
    sampling_rate: 16000,
  };
}

export function whisperTokenizerConfig(): Record<string, unknown> {
  return {
    tokenizer_class: "WhisperTokenizer",
    bos_token: "<|endoftext|>",
    eos_token: "<|endoftext|>",
    pad_token: "<|endoftext|>",
    unk_token: "<|endoftext|>",
    add_prefix_space: false,
    clean_up_tokenization_spaces: true,
    errors: "replace",
    model_max_length: 1024,
  };
}
