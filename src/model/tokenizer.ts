import { Tokenizer } from "@huggingface/tokenizers";
import { readJson } from "./package/load";
import type { ModelManifest } from "./package/manifest";
import type { ModelStore } from "./package/store";

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
    dropMergeList(this.tokenizer);
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
   * One prompt as the text model's input: int64 [1, length]. Prompts are never batched or padded: the
   * quantised graph's DynamicQuantizeLinear takes its range over the whole input tensor, so padding or a
   * neighbour in the batch would shift a prompt's embedding (measured: cosine 0.9998), and a cached
   * embedding must depend on its prompt alone.
   */
  encodeTensor(text: string): { ids: BigInt64Array; dims: [number, number] } {
    const ids = BigInt64Array.from(this.encode(text), BigInt);
    return { ids, dims: [1, ids.length] };
  }

  private requireId(token: string): number {
    const id = this.tokenizer.token_to_id(token);
    if (id === undefined) throw new Error(`tokenizer.json has no ${token} token`);
    return id;
  }
}

/** The package's tokenizer, read and verified against its manifest. */
export async function readTokenizer(store: ModelStore, manifest: ModelManifest): Promise<ClipTokenizer> {
  const [json, config] = await Promise.all([
    readJson<TokenizerJson>(store, manifest, "tokenizer.json"),
    readJson<object>(store, manifest, "tokenizer_config.json"),
  ]);
  const tokenizer = new ClipTokenizer(json, config, manifest.text.contextLength);
  dropBuiltTables(json);
  return tokenizer;
}

/**
 * The library's BPE model keeps its list of 48,894 merge pairs after building its rank map from it, and
 * never reads it again (@huggingface/tokenizers 0.2: `merges` is read only in the constructor, `bpe_ranks`
 * at every merge): emptying it frees 3.5 MB of the text isolate's heap (measured in Node: 10.7 -> 7.1 MB
 * retained). Done only where the model has the rank map, so another version's model is left as it is.
 */
function dropMergeList(tokenizer: Tokenizer): void {
  const model = (tokenizer as unknown as { model?: { merges?: unknown; bpe_ranks?: unknown } }).model;
  if (model && Array.isArray(model.merges) && model.bpe_ranks instanceof Map && model.bpe_ranks.size > 0) {
    model.merges = [];
  }
}

interface TokenizerJson {
  model?: { vocab?: unknown; merges?: unknown };
}

/**
 * The tokenizer library keeps the JSON it was built from, though its vocabulary and merges now live in
 * its own maps: emptying them in our parsed copy frees 3.1 MB of the text isolate's heap (measured in
 * Node on CLIP's tokenizer.json: 14.1 -> 11.0 MB retained), with the same token ids (tokenizer tests).
 */
export function dropBuiltTables(json: TokenizerJson): void {
  if (json.model) {
    json.model.vocab = {};
    json.model.merges = [];
  }
}
