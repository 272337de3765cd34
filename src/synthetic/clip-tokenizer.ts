import { gunzipSync } from "fflate";

export const BPE_FILE = "bpe_simple_vocab_16e6.txt.gz";

const START = "<|startoftext|>";
const END = "<|endoftext|>";
/** OpenAI's SimpleTokenizer reads merges lines 1 .. 49152-256-2: 48894 merges, 49408 tokens in all. */
const MERGES = 49152 - 256 - 2;

/** GPT-2's byte -> printable character table, as CLIP's `bytes_to_unicode` builds it. */
function bytesToUnicode(): string[] {
  const printable = (from: string, to: string) =>
    Array.from({ length: to.charCodeAt(0) - from.charCodeAt(0) + 1 }, (_, i) => from.charCodeAt(0) + i);
  const bytes = [...printable("!", "~"), ...printable("¡", "¬"), ...printable("®", "ÿ")];
  const chars = [...bytes];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (bytes.includes(b)) continue;
    bytes.push(b);
    chars.push(256 + n++);
  }
  return chars.map((c) => String.fromCharCode(c));
}

/**
 * Hugging Face's `tokenizer.json` for openai/clip-vit-base-patch32, built from OpenAI's BPE merges file the
 * way CLIP's SimpleTokenizer builds its vocabulary (bytes, bytes + "</w>", one token per merge, the two
 * special tokens). The rest is what `CLIPTokenizerFast` writes. Committing the 1.3 MB .gz instead of the
 * 3.9 MB JSON keeps the repository small; test/node/clip-tokenizer.test.ts proves the two equal.
 */
export function clipTokenizerJson(bpeGz: Uint8Array): object {
  const lines = new TextDecoder().decode(gunzipSync(bpeGz)).split("\n");
  const merges = lines.slice(1, MERGES + 1).map((line) => line.split(" "));
  if (merges.length !== MERGES || merges.some((m) => m.length !== 2)) {
    throw new Error(`${BPE_FILE}: expected ${MERGES} merges of two symbols`);
  }
  const bytes = bytesToUnicode();
  const tokens = [...bytes, ...bytes.map((b) => `${b}</w>`), ...merges.map((m) => m.join("")), START, END];
  const vocab = Object.fromEntries(tokens.map((t, i) => [t, i]));
  const special = (id: number, content: string, normalized: boolean) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized,
    special: true,
  });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [special(vocab[START], START, true), special(vocab[END], END, false)],
    normalizer: {
      type: "Sequence",
      normalizers: [
        { type: "NFC" },
        { type: "Replace", pattern: { Regex: "\\s+" }, content: " " },
        { type: "Lowercase" },
      ],
    },
    pre_tokenizer: {
      type: "Sequence",
      pretokenizers: [
        {
          type: "Split",
          pattern: {
            Regex:
              "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
          },
          behavior: "Removed",
          invert: true,
        },
        { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
      ],
    },
    post_processor: {
      type: "RobertaProcessing",
      sep: [END, vocab[END]],
      cls: [START, vocab[START]],
      trim_offsets: false,
      add_prefix_space: false,
    },
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: END,
      continuing_subword_prefix: "",
      end_of_word_suffix: "</w>",
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges,
    },
  };
}
