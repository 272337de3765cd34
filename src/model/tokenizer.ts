import { Tokenizer } from "@huggingface/tokenizers";

/** CLIP's text model: sequences of at most 77 tokens, start token first, end token last. */
export const CONTEXT_LENGTH = 77;

/**
 * CLIP BPE tokenizer from a package's tokenizer.json / tokenizer_config.json.
 *
 * CLIP's text tower pools the hidden state at the end token (the largest id), so a sequence cut to the
 * context length must keep its end token; a plain truncation (as Transformers.js does) would pool on an
 * arbitrary word and silently corrupt the embedding.
 */
export class ClipTokenizer {
  readonly endTokenId: number;
  readonly startTokenId: number;
  private readonly tokenizer: Tokenizer;

  constructor(
    tokenizerJson: object,
    tokenizerConfig: object,
    readonly contextLength = CONTEXT_LENGTH,
  ) {
    this.tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
    this.startTokenId = this.requireId("<|startoftext|>");
    this.endTokenId = this.requireId("<|endoftext|>");
  }

  /** Token ids, start..end, cut to the context length with the end token kept; no padding. */
  encode(text: string): number[] {
    const ids = this.tokenizer.encode(text).ids;
    if (ids.length <= this.contextLength) return ids;
    return [...ids.slice(0, this.contextLength - 1), this.endTokenId];
  }

  /**
   * A batch as the text model takes it: int64 [batch, longest], padded with the end token. Padding after
   * the first end token cannot change the embedding: the causal mask hides it and pooling takes the
   * first occurrence of the largest id.
   */
  encodeBatch(texts: readonly string[]): { ids: BigInt64Array; dims: [number, number] } {
    const rows = texts.map((t) => this.encode(t));
    const width = Math.max(...rows.map((r) => r.length));
    const ids = new BigInt64Array(rows.length * width).fill(BigInt(this.endTokenId));
    rows.forEach((row, i) => {
      row.forEach((id, j) => {
        ids[i * width + j] = BigInt(id);
      });
    });
    return { ids, dims: [rows.length, width] };
  }

  private requireId(token: string): number {
    const id = this.tokenizer.token_to_id(token);
    if (id === undefined) throw new Error(`tokenizer.json has no ${token} token`);
    return id;
  }
}
