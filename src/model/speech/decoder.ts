import { freeNow } from "../../lib/bytes";
import { HeldArrays, hold, sampleMemory } from "../memory";
import { readJson } from "../package/load";
import { readSpeechManifest, type SpeechManifest } from "../package/speech-manifest";
import type { ModelStore } from "../package/store";
import type { SerialSession } from "../sessions";
import { argmax, type GenerationSettings, logSumExp, parseGenerationConfig, suppress } from "./greedy";
import { type OrtTensor, type SpeechRuntime, SpeechSessions } from "./runtime";
import type { WhisperSpecialIds } from "./tokenizer";

export type SpeechLanguage = "en" | "zh";

/** The encoder's positions for one 30 s window: the decoder's cross-attention keys. */
export const AUDIO_POSITIONS = 1500;

/** openai/whisper's default sample_len: half the text context (224 tokens) per 30 s window. */
const SAMPLE_LEN = 224;

export interface DecodeRequest {
  /** The special ids, from the package's tokenizer (read where the text is detokenised). */
  ids: WhisperSpecialIds;
  /** Forced (the chat's language); otherwise detected among en and zh from the first step's scores. */
  language?: SpeechLanguage;
  /** Tokens generated at most (default 224, openai/whisper's sample_len). */
  maxNewTokens?: number;
  /** Default true: later steps read the decoder's past key values (the merged model's cache branch). */
  useCache?: boolean;
}

/** One 30 s window's generated ids and their scores. */
export interface WindowResult {
  tokenIds: number[];
  logprobSum: number;
  scored: number;
  noSpeechProb: number;
  language: SpeechLanguage;
}

/**
 * Greedy decoding of one window from its encoder hidden states ([1500, width] float32): in this isolate
 * (WhisperDecoder) or in the speech-decoder Worker's (remote/speech-decoder-client.ts).
 */
export interface WindowDecoder {
  decode(hidden: Float32Array, request: DecodeRequest): Promise<WindowResult>;
  /** Creates the decoder's session (a cold start's work). */
  warm(): Promise<void>;
}

/**
 * Whisper's merged decoder with onnxruntime-web: the prompt <|startoftranscript|> <|lang|> <|transcribe|>
 * <|notimestamps|> first, then one token a step, the past key values fed back (the cross-attention ones
 * from the first step: they never change).
 */
export class WhisperDecoder implements WindowDecoder {
  private constructor(
    private readonly manifest: SpeechManifest,
    private readonly sessions: SpeechSessions,
    private readonly generation: GenerationSettings,
  ) {}

  static async open(store: ModelStore, runtime: SpeechRuntime): Promise<WhisperDecoder> {
    const manifest = await readSpeechManifest(store);
    const generation = await readJson<Parameters<typeof parseGenerationConfig>[0]>(
      store,
      manifest,
      "generation_config.json",
    );
    return new WhisperDecoder(
      manifest,
      new SpeechSessions(store, manifest, runtime),
      parseGenerationConfig(generation),
    );
  }

  async warm(): Promise<void> {
    await this.session();
  }

  async decode(hiddenStates: Float32Array, request: DecodeRequest): Promise<WindowResult> {
    // What a window keeps alive in JS, counted between the steps and at each one (the debug endpoint's peak).
    const releaseHidden = hold("speech hidden states", hiddenStates.byteLength);
    const live = new HeldArrays("speech decoder tensors");
    try {
      return await this.decodeWindow(hiddenStates, request, live);
    } finally {
      live.set([]);
      releaseHidden();
    }
  }

  private async decodeWindow(
    hiddenStates: Float32Array,
    request: DecodeRequest,
    live: HeldArrays,
  ): Promise<WindowResult> {
    const { ort } = this.sessions;
    const { ids } = request;
    const width = hiddenStates.length / AUDIO_POSITIONS;
    const hidden = new ort.Tensor("float32", hiddenStates, [1, AUDIO_POSITIONS, width]);
    const decoder = await this.session();
    const language = request.language ?? (await this.detectLanguage(decoder, hidden, ids, live));
    const prompt = [ids.startOfTranscript, ids.languages[language], ids.transcribe, ids.noTimestamps];
    const maxNew = Math.min(request.maxNewTokens ?? SAMPLE_LEN, this.generation.maxLength - prompt.length);
    const useCache = request.useCache ?? true;

    const generated: number[] = [];
    let logprobSum = 0;
    let noSpeechProb = 0;
    let past: Record<string, OrtTensor> | undefined;
    let input = prompt;
    while (generated.length < maxNew) {
      const out = await this.run(decoder, input, hidden, past);
      live.set(dataOf([...Object.values(past ?? {}), out.logits, ...Object.values(out.present)]));
      const vocab = out.logits.dims[2];
      const rows = out.logits.dims[1];
      const all = out.logits.data as Float32Array;
      if (generated.length === 0) {
        const first = all.subarray(0, vocab);
        noSpeechProb = Math.exp(first[ids.noSpeech] - logSumExp(first));
      }
      // The last row, suppressed in place: the step's own output, read by nothing after this step.
      const logits = all.subarray((rows - 1) * vocab, rows * vocab);
      suppress(logits, this.generation.suppressTokens);
      if (generated.length === 0) suppress(logits, this.generation.beginSuppressTokens);
      const next = argmax(logits);
      logprobSum += logits[next] - logSumExp(logits);
      generated.push(next);
      release([out.logits]);
      const previous = past;
      if (useCache && next !== ids.endOfText) {
        past = withCrossAttention(out.present, past);
        input = [next];
      } else {
        release(Object.values(out.present));
        input = [...prompt, ...generated];
      }
      // The previous step's self-attention cache went into this step and is read by nothing now.
      if (previous && previous !== past) release(selfAttention(previous));
      if (next === ids.endOfText) break;
    }
    if (past) release(Object.values(past));
    return { tokenIds: generated, logprobSum, scored: generated.length, noSpeechProb, language };
  }

  private session(): Promise<SerialSession> {
    return this.sessions.session(this.manifest.decoder.file);
  }

  /** <|en|> or <|zh|>, whichever scores higher after <|startoftranscript|> alone. */
  private async detectLanguage(
    decoder: SerialSession,
    hidden: OrtTensor,
    ids: WhisperSpecialIds,
    live: HeldArrays,
  ): Promise<SpeechLanguage> {
    const out = await this.run(decoder, [ids.startOfTranscript], hidden, undefined);
    live.set(dataOf([out.logits, ...Object.values(out.present)]));
    const logits = out.logits.data as Float32Array;
    const language = logits[ids.languages.zh] > logits[ids.languages.en] ? "zh" : "en";
    release([out.logits, ...Object.values(out.present)]); // the cross-attention cache alone is 18 MB (tiny)
    return language;
  }

  private async run(
    decoder: SerialSession,
    tokens: number[],
    hidden: OrtTensor,
    past: Record<string, OrtTensor> | undefined,
  ): Promise<{ logits: OrtTensor; present: Record<string, OrtTensor> }> {
    const { ort } = this.sessions;
    const { layers, heads, headDim } = this.manifest.decoder;
    const feeds: Record<string, OrtTensor> = {
      input_ids: new ort.Tensor("int64", BigInt64Array.from(tokens, BigInt), [1, tokens.length]),
      // Only the first step reads the hidden states (into the cross-attention cache); ORT-web copies every
      // input into its heap, so a cached step gets an empty one (tiny: 2.3 MB less a step, and 3.7 MB less
      // WASM memory after a window, which never shrinks).
      encoder_hidden_states: past
        ? new ort.Tensor("float32", new Float32Array(0), [1, 0, hidden.dims[2]])
        : hidden,
      use_cache_branch: new ort.Tensor("bool", Uint8Array.of(past ? 1 : 0), [1]),
    };
    for (let i = 0; i < layers; i++) {
      for (const part of ["decoder.key", "decoder.value", "encoder.key", "encoder.value"]) {
        const name = `past_key_values.${i}.${part}`;
        feeds[name] = past?.[name] ?? new ort.Tensor("float32", new Float32Array(0), [1, heads, 0, headDim]);
      }
    }
    // With the cache, the cross-attention keys and values are the first step's: optimum's merged decoder
    // (and a packed one, src/packing/empty-cross-cache.ts) returns empty ones for them; a graph that hands
    // them back whole (tiny: 18 MB a step) is not asked for them, so they are not copied out again.
    const out = await decoder.run(
      feeds,
      past ? decoder.session.outputNames.filter((name) => !name.includes(".encoder.")) : undefined,
    );
    sampleMemory();
    const present: Record<string, OrtTensor> = {};
    for (const [name, value] of Object.entries(out)) {
      if (name.startsWith("present."))
        present[name.replace("present.", "past_key_values.")] = value as OrtTensor;
    }
    return { logits: out.logits as OrtTensor, present };
  }
}

/**
 * The cache for the next step: the decoder's self-attention keys and values as the step returned them;
 * cross-attention's from the first step.
 */
function withCrossAttention(
  present: Record<string, OrtTensor>,
  past: Record<string, OrtTensor> | undefined,
): Record<string, OrtTensor> {
  if (!past) return present;
  const next: Record<string, OrtTensor> = { ...present };
  for (const name of Object.keys(past)) if (name.includes(".encoder.")) next[name] = past[name];
  return next;
}

const selfAttention = (past: Record<string, OrtTensor>) =>
  Object.entries(past)
    .filter(([name]) => name.includes(".decoder."))
    .map(([, tensor]) => tensor);

/**
 * Frees tensors ORT handed back once they are read (src/lib/bytes.ts freeNow): every step returns the
 * whole self-attention cache again, about 300 MB of short-lived arrays in a 224-token window, which
 * would otherwise count against the isolate until V8 collects them (measured: 961 MB as counted).
 */
const dataOf = (tensors: OrtTensor[]) => tensors.map((tensor) => tensor.data as ArrayBufferView);

function release(tensors: OrtTensor[]): void {
  for (const array of dataOf(tensors)) freeNow(array);
}
