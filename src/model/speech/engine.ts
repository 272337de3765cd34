import { type AudioWasm, decodeAudio, logMelSpectrogram, windows30s } from "../../audio";
import { loadIntoHeap } from "../backends/heap-loader";
import { requireOrtHeap, useOrtWasm } from "../backends/onnx";
import { hold, measureCreation, sampleMemory } from "../memory";
import { readJson, readVerified } from "../package/load";
import { readSpeechManifest, type SpeechManifest } from "../package/speech-manifest";
import type { ModelStore } from "../package/store";
import { cachedSession, type SerialSession } from "../sessions";
import { argmax, type GenerationSettings, logSumExp, parseGenerationConfig, suppress } from "./greedy";
import { WhisperTokenizer } from "./tokenizer";

export type SpeechLanguage = "en" | "zh";

export interface TranscribeOptions {
  /** Forced (the chat's language); otherwise detected among en and zh from the first step's scores. */
  language?: SpeechLanguage;
  /** Tokens generated per 30 s window at most (default 224, openai/whisper's sample_len). */
  maxNewTokens?: number;
  /** Default true: later steps read the decoder's past key values (the merged model's cache branch). */
  useCache?: boolean;
}

export interface Transcript {
  text: string;
  language: SpeechLanguage;
  /** Generated ids, every window's, prompt tokens left out (<|endoftext|> kept where it ended a window). */
  tokenIds: number[];
  confidence: {
    /** Mean log-probability of the generated tokens (0 is certain; Whisper treats < -1 as a failed decode). */
    avgLogprob: number;
    /** Probability of <|nocaptions|> at the start of the transcript (Whisper treats > 0.6 as silence). */
    noSpeechProb: number;
  };
  seconds: number;
  windows: number;
}

export interface SpeechInfo {
  id: string;
  revision: string;
  synthetic: boolean;
}

interface WindowResult {
  tokenIds: number[];
  logprobSum: number;
  scored: number;
  noSpeechProb: number;
  language: SpeechLanguage;
}

type Ort = ReturnType<typeof useOrtWasm>;

const SAMPLE_LEN = 224;
type OrtTensor = InstanceType<Ort["Tensor"]>;

/**
 * Whisper in this isolate with onnxruntime-web: the encoder once per 30 s window, then the merged
 * decoder greedily, the prompt <|startoftranscript|> <|lang|> <|transcribe|> <|notimestamps|> first.
 */
export class SpeechEngine {
  private constructor(
    private readonly store: ModelStore,
    private readonly manifest: SpeechManifest,
    private readonly ort: Ort,
    private readonly ortWasm: WebAssembly.Module | undefined,
    private readonly executionProvider: string,
    private readonly tokenizer: WhisperTokenizer,
    private readonly generation: GenerationSettings,
    private readonly audioWasm: AudioWasm | undefined,
  ) {}

  /**
   * `runtime.native`: another ONNX Runtime with the same API (onnxruntime-node, for the benchmark's and the
   * parity test's comparisons) instead of onnxruntime-web's WASM.
   */
  static async open(
    store: ModelStore,
    runtime: ({ ortWasm: WebAssembly.Module } | { native: Ort; executionProvider: string }) & {
      /** The audio decoders' compiled WASM: a Worker must pass it (audio/wasm-worker); Node need not. */
      audioWasm?: AudioWasm;
    },
  ): Promise<SpeechEngine> {
    const manifest = await readSpeechManifest(store);
    const [tokenizerJson, tokenizerConfig, generation] = await Promise.all([
      readJson<object>(store, manifest, "tokenizer.json"),
      readJson<object>(store, manifest, "tokenizer_config.json"),
      readJson<Parameters<typeof parseGenerationConfig>[0]>(store, manifest, "generation_config.json"),
    ]);
    return new SpeechEngine(
      store,
      manifest,
      "native" in runtime ? runtime.native : useOrtWasm(runtime.ortWasm),
      "native" in runtime ? undefined : runtime.ortWasm,
      "native" in runtime ? runtime.executionProvider : "wasm",
      new WhisperTokenizer(tokenizerJson, tokenizerConfig),
      parseGenerationConfig(generation),
      runtime.audioWasm,
    );
  }

  get info(): SpeechInfo {
    const { id, revision, synthetic } = this.manifest;
    return { id, revision, synthetic };
  }

  /** Creates both sessions (a cold start's work) without transcribing. */
  async warm(): Promise<void> {
    await Promise.all([this.session(this.manifest.encoder.file), this.session(this.manifest.decoder.file)]);
  }

  /**
   * A voice note's bytes to text. AudioError (unsupported_format, corrupt, too_long, empty) for audio it
   * cannot take; `maxSeconds` is checked before anything is transcribed.
   */
  async transcribeAudio(
    bytes: Uint8Array,
    options: TranscribeOptions & { maxSeconds: number },
  ): Promise<Transcript> {
    const { samples } = await decodeAudio(bytes, { maxSeconds: options.maxSeconds, wasm: this.audioWasm });
    return this.transcribe(samples, options);
  }

  /** 16 kHz mono samples to text, 30 s window after window, the language of the first kept for the rest. */
  async transcribe(samples: Float32Array, options: TranscribeOptions = {}): Promise<Transcript> {
    const results: WindowResult[] = [];
    let language = options.language;
    const windows = windows30s(samples);
    for (const window of windows.length > 0 ? windows : [new Float32Array(0)]) {
      const release = hold("speech features", 80 * 3000 * 4);
      try {
        const result = await this.transcribeFeatures(logMelSpectrogram(window), { ...options, language });
        language = result.language;
        results.push(result);
      } finally {
        release();
      }
    }
    const scored = results.reduce((n, r) => n + r.scored, 0);
    const lang = language ?? "en";
    const texts = results.map((r) => this.tokenizer.decode(r.tokenIds)).filter((t) => t.length > 0);
    return {
      text: texts.join(lang === "zh" ? "" : " "),
      language: lang,
      tokenIds: results.flatMap((r) => r.tokenIds),
      confidence: {
        avgLogprob:
          scored > 0 ? results.reduce((s, r) => s + r.logprobSum, 0) / scored : Number.NEGATIVE_INFINITY,
        noSpeechProb: results.reduce((s, r) => s + r.noSpeechProb, 0) / results.length,
      },
      seconds: samples.length / 16000,
      windows: results.length,
    };
  }

  /** One window's log-mel features (80 x 3000) to generated ids. */
  async transcribeFeatures(features: Float32Array, options: TranscribeOptions = {}): Promise<WindowResult> {
    const { ort, manifest } = this;
    const ids = this.tokenizer.ids;
    const encoder = await this.session(manifest.encoder.file);
    const decoder = await this.session(manifest.decoder.file);
    const encoded = await encoder.run({
      [manifest.encoder.input]: new ort.Tensor("float32", features, [1, 80, 3000]),
    });
    const hidden = encoded[manifest.encoder.output] as OrtTensor;
    sampleMemory();

    const language = options.language ?? (await this.detectLanguage(decoder, hidden));
    const prompt = [ids.startOfTranscript, ids.languages[language], ids.transcribe, ids.noTimestamps];
    // openai/whisper's default sample_len: half the text context (224 tokens) per 30 s window.
    const maxNew = Math.min(options.maxNewTokens ?? SAMPLE_LEN, this.generation.maxLength - prompt.length);
    const useCache = options.useCache ?? true;

    const generated: number[] = [];
    let logprobSum = 0;
    let noSpeechProb = 0;
    let past: Record<string, OrtTensor> | undefined;
    let input = prompt;
    while (generated.length < maxNew) {
      const out = await this.runDecoder(decoder, input, hidden, past);
      const vocab = out.logits.dims[2];
      const rows = out.logits.dims[1];
      const all = out.logits.data as Float32Array;
      if (generated.length === 0) {
        const first = all.subarray(0, vocab);
        noSpeechProb = Math.exp(first[ids.noSpeech] - logSumExp(first));
      }
      const logits = all.slice((rows - 1) * vocab, rows * vocab);
      suppress(logits, this.generation.suppressTokens);
      if (generated.length === 0) suppress(logits, this.generation.beginSuppressTokens);
      const next = argmax(logits);
      logprobSum += logits[next] - logSumExp(logits);
      generated.push(next);
      if (next === ids.endOfText) break;
      if (useCache) {
        past = withCrossAttention(out.present, past);
        input = [next];
      } else {
        input = [...prompt, ...generated];
      }
    }
    return { tokenIds: generated, logprobSum, scored: generated.length, noSpeechProb, language };
  }

  /** <|en|> or <|zh|>, whichever scores higher after <|startoftranscript|> alone. */
  private async detectLanguage(decoder: SerialSession, hidden: OrtTensor): Promise<SpeechLanguage> {
    const { languages, startOfTranscript } = this.tokenizer.ids;
    const out = await this.runDecoder(decoder, [startOfTranscript], hidden, undefined);
    const logits = out.logits.data as Float32Array;
    return logits[languages.zh] > logits[languages.en] ? "zh" : "en";
  }

  private async runDecoder(
    decoder: SerialSession,
    tokens: number[],
    hidden: OrtTensor,
    past: Record<string, OrtTensor> | undefined,
  ): Promise<{ logits: OrtTensor; present: Record<string, OrtTensor> }> {
    const { ort } = this;
    const { layers, heads, headDim } = this.manifest.decoder;
    const feeds: Record<string, OrtTensor> = {
      input_ids: new ort.Tensor("int64", BigInt64Array.from(tokens, BigInt), [1, tokens.length]),
      encoder_hidden_states: hidden,
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

  private session(file: string): Promise<SerialSession> {
    const key = `${this.manifest.revision}/${file}`;
    return cachedSession(key, () =>
      measureCreation(key, async () => {
        if (file.endsWith(".ort") && this.ortWasm) return this.heapSession(file, this.ortWasm);
        const bytes = await readVerified(this.store, this.manifest, file);
        const release = hold("model file", bytes.byteLength);
        try {
          return await this.ort.InferenceSession.create(bytes, {
            executionProviders: [this.executionProvider],
          });
        } finally {
          release();
        }
      }),
    );
  }

  /** An ORT-format graph streamed into ORT's heap and used there in place (as the CLIP towers' packed graphs). */
  private async heapSession(file: string, ortWasm: WebAssembly.Module) {
    await requireOrtHeap(ortWasm, file);
    const model = await loadIntoHeap(this.store, this.manifest, file);
    try {
      return await this.ort.InferenceSession.create(model.bytes, {
        executionProviders: ["wasm"],
        // The memory pattern ORT plans after the first run is one block for all activations: the heap the
        // first run left in pieces could not hold it, and the encoder's second window grew it by 7 MB more.
        enableMemPattern: false,
        extra: { session: { use_ort_model_bytes_directly: "1", use_ort_model_bytes_for_initializers: "1" } },
      });
    } catch (error) {
      model.discard();
      throw error;
    }
  }
}

/**
 * The cache for the next step: the decoder's self-attention keys and values as the step returned them;
 * cross-attention's from the first step (the merged model's cache branch would pass them through unchanged;
 * later steps do not fetch them).
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
