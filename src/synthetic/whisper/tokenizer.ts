/**
 * A tokenizer.json in the format of Whisper's multilingual tokenizer (byte-level BPE, GPT-2's byte
 * alphabet, the special tokens at their real ids), with a generated vocabulary: every one of the 50,257
 * BPE tokens is a pair of bytes. The real vocabulary cannot be downloaded here; what a synthetic model
 * needs is the format and the ids, so that decoding (bytes joined, then UTF-8) is the real code path.
 */

/** Whisper's 99 languages, in the order of their tokens (<|en|> = 50259). */
export const WHISPER_LANGUAGES = (
  "en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th ur hr bg lt " +
  "la mi ml cy sk te fa lv bn sr az sl kn et mk br eu is hy ne mn bs kk sq sw gl mr pa si km sn yo so af oc " +
  "ka be tg sd gu am yi lo uz fo ht ps tk nn mt sa lb my bo tl mg as tt haw ln ha ba jw su"
).split(" ");

export const BPE_TOKENS = 50257;
export const SPECIAL = {
  endOfText: 50257,
  startOfTranscript: 50258,
  firstLanguage: 50259,
  translate: 50358,
  transcribe: 50359,
  startOfLm: 50360,
  startOfPrev: 50361,
  noSpeech: 50362,
  noTimestamps: 50363,
  firstTimestamp: 50364,
} as const;
const TIMESTAMPS = 1501;

/** GPT-2's map from bytes to printable characters (so that every byte is a visible vocabulary symbol). */
export function byteAlphabet(): string[] {
  const printable: number[] = [];
  for (const [from, to] of [
    [0x21, 0x7e],
    [0xa1, 0xac],
    [0xae, 0xff],
  ])
    for (let b = from; b <= to; b++) printable.push(b);
  const chars: string[] = [];
  let extra = 0;
  for (let b = 0; b < 256; b++) chars[b] = String.fromCharCode(printable.includes(b) ? b : 256 + extra++);
  return chars;
}

/** The 256 byte symbols in vocabulary order: the printable bytes first, then the others (GPT-2's order). */
function byteSymbolsInOrder(alphabet: string[]): string[] {
  const printable = alphabet.filter((c, b) => c.charCodeAt(0) === b);
  const rest = alphabet.filter((c, b) => c.charCodeAt(0) !== b);
  return [...printable, ...rest];
}

export function specialTokens(): { id: number; content: string }[] {
  const names: [number, string][] = [
    [SPECIAL.endOfText, "<|endoftext|>"],
    [SPECIAL.startOfTranscript, "<|startoftranscript|>"],
    ...WHISPER_LANGUAGES.map((code, i): [number, string] => [SPECIAL.firstLanguage + i, `<|${code}|>`]),
    [SPECIAL.translate, "<|translate|>"],
    [SPECIAL.transcribe, "<|transcribe|>"],
    [SPECIAL.startOfLm, "<|startoflm|>"],
    [SPECIAL.startOfPrev, "<|startofprev|>"],
    [SPECIAL.noSpeech, "<|nocaptions|>"],
    [SPECIAL.noTimestamps, "<|notimestamps|>"],
    ...Array.from({ length: TIMESTAMPS }, (_, i): [number, string] => [
      SPECIAL.firstTimestamp + i,
      `<|${(i * 0.02).toFixed(2)}|>`,
    ]),
  ];
  return names.map(([id, content]) => ({ id, content }));
}

export function whisperTokenizerJson(): Record<string, unknown> {
  const symbols = byteSymbolsInOrder(byteAlphabet());
  const vocab: Record<string, number> = {};
  symbols.forEach((s, i) => {
    vocab[s] = i;
  });
  const merges: string[] = [];
  for (let a = 0; a < 256 && merges.length < BPE_TOKENS - 256; a++) {
    for (let b = 0; b < 256 && merges.length < BPE_TOKENS - 256; b++) {
      vocab[symbols[a] + symbols[b]] = 256 + merges.length;
      merges.push(`${symbols[a]} ${symbols[b]}`);
    }
  }
  const byteLevel = { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true };
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: specialTokens().map(({ id, content }) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: { ...byteLevel, trim_offsets: false },
    decoder: byteLevel,
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: "",
      end_of_word_suffix: "",
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges,
    },
  };
}
