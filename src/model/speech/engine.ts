import { type AudioWasm, decodeAudio, logMelSpectrogram, windows30s } from "../../audio";
import { hold, sampleMemory } from "../memory";
import { readJson } from "../package/load";
import { readSpeechManifest, type SpeechManifest } from "../package/speech-manifest";
import type { ModelStore } from "../package/store";
import {
  type DecodeRequest,
  type SpeechLanguage,
  WhisperDecoder,
  type WindowDecoder,
  type WindowResult,
} from "./decoder";
import { type OrtTensor, type SpeechRuntime, SpeechSessions } from "./runtime";
import { WhisperTokenizer } from "./tokenizer";

export type { SpeechLanguage } from "./decoder";

/** The language (forced, or detected), tokens per 30 s window at most, and whether to use the cache. */
export type TranscribeOptions = Omit<DecodeRequest, "ids">;

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

/**
 * Whisper with onnxruntime-web: a voice note decoded, cut into 30 s windows, each window's log-mel
 * features through the encoder, its hidden states greedily decoded (decoder.ts: in this isolate, or in
 * the speech-decoder Worker's when `decoder` is given), the ids detokenised here.
 */
export class SpeechEngine {
  private constructor(
    private readonly manifest: SpeechManifest,
    private readonly sessions: SpeechSessions,
    private readonly tokenizer: WhisperTokenizer,
    private readonly decoder: WindowDecoder,
    private readonly audioWasm: AudioWasm | undefined,
  ) {}

  static async open(
    store: ModelStore,
    runtime: SpeechRuntime & {
      /** The audio decoders' compiled WASM: a Worker must pass it (audio/wasm-worker); Node need not. */
      audioWasm?: AudioWasm;
      /** Where windows are decoded; default a WhisperDecoder in this isolate, on the same runtime. */
      decoder?: WindowDecoder;
    },
  ): Promise<SpeechEngine> {
    const manifest = await readSpeechManifest(store);
    const [tokenizerJson, tokenizerConfig, decoder] = await Promise.all([
      readJson<object>(store, manifest, "tokenizer.json"),
      readJson<object>(store, manifest, "tokenizer_config.json"),
      runtime.decoder ?? WhisperDecoder.open(store, runtime),
    ]);
    return new SpeechEngine(
      manifest,
      new SpeechSessions(store, manifest, runtime),
      new WhisperTokenizer(tokenizerJson, tokenizerConfig),
      decoder,
      runtime.audioWasm,
    );
  }

  get info(): SpeechInfo {
    const { id, revision, synthetic } = this.manifest;
    return { id, revision, synthetic };
  }

  /** Creates both sessions (a cold start's work) without transcribing. */
  async warm(): Promise<void> {
    await Promise.all([this.sessions.session(this.manifest.encoder.file), this.decoder.warm()]);
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
    const { manifest } = this;
    const { ort } = this.sessions;
    const encoder = await this.sessions.session(manifest.encoder.file);
    const encoded = await encoder.run({
      [manifest.encoder.input]: new ort.Tensor("float32", features, [1, 80, 3000]),
    });
    const hidden = (encoded[manifest.encoder.output] as OrtTensor).data as Float32Array;
    sampleMemory();
    return this.decoder.decode(hidden, { ...options, ids: this.tokenizer.ids });
  }
}
