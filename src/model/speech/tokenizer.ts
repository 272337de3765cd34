import { Tokenizer } from "@huggingface/tokenizers";
import { ModelUnavailableError } from "../package/errors";

/** The ids decoding needs, found by name in the package's tokenizer (so another vocabulary cannot shift them). */
export interface WhisperSpecialIds {
  startOfTranscript: number;
  endOfText: number;
  transcribe: number;
  noTimestamps: number;
  /** <|nocaptions|> (tiny, base) or <|nospeech|> (later exports). */
  noSpeech: number;
  languages: Record<"en" | "zh", number>;
}

/**
 * Whisper's tokenizer (tokenizer.json: byte-level BPE) for detokenising: ids map to byte symbols, which are
 * joined and read as UTF-8 together, so a Chinese character split over several tokens comes out whole.
 * Only decoding is needed, which reads the vocabulary and never the BPE merges: they are left out (50,000
 * pairs, about 9 MB of the speech Worker's JS heap).
 */
export class WhisperTokenizer {
  readonly ids: WhisperSpecialIds;
  private readonly tokenizer: Tokenizer;

  constructor(tokenizerJson: object, tokenizerConfig: object) {
    const json = tokenizerJson as { model?: { merges?: unknown[] } };
    const decodingOnly = json.model ? { ...json, model: { ...json.model, merges: [] } } : json;
    this.tokenizer = new Tokenizer(decodingOnly, tokenizerConfig);
    const id = (...names: string[]) => {
      for (const name of names) {
        const found = this.tokenizer.token_to_id(name);
        if (found !== undefined && found !== null) return found;
      }
      throw new ModelUnavailableError("model_invalid", `tokenizer.json has no ${names.join(" or ")} token`);
    };
    this.ids = {
      startOfTranscript: id("<|startoftranscript|>"),
      endOfText: id("<|endoftext|>"),
      transcribe: id("<|transcribe|>"),
      noTimestamps: id("<|notimestamps|>"),
      noSpeech: id("<|nocaptions|>", "<|nospeech|>"),
      languages: { en: id("<|en|>"), zh: id("<|zh|>") },
    };
  }

  /** The text of generated ids, special tokens left out. */
  decode(ids: readonly number[]): string {
    return this.tokenizer.decode([...ids], { skip_special_tokens: true }).trim();
  }
}
