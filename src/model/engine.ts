import { type PreparedImage, type PreprocessorConfig, prepareImage } from "../image";
import type { MemoryBudget } from "../lib/memory-budget";
import { PromiseCache } from "../lib/promise-cache";
import { type HeadFile, type LinearHead, parseHead } from "./head";
import { hold } from "./memory";
import { type LocalTowerContext, onnxImageTower, onnxTextTower, type Tokenizer } from "./onnx-towers";
import { parsePreprocessorConfig, readJson, readManifest } from "./package/load";
import type { HeadSpec, ModelManifest } from "./package/manifest";
import type { ModelStore } from "./package/store";
import { ensembleEmbedding, l2Normalize, zeroShotProbabilities } from "./scoring";
import { TextEmbeddingCache } from "./text-cache";
import { type ClipTokenizer, readTokenizer } from "./tokenizer";
import { type ImageTower, type TextScope, type TextTower, type WarmUp, warmUpOf } from "./towers";

/** What the host supplies: compiled WASM modules (the Worker imports them, Node compiles them). */
export interface EngineRuntime {
  ortWasm: WebAssembly.Module;
  /** libwebp's decoder, needed only for WebP photos. */
  webpWasm?: () => Promise<WebAssembly.Module>;
  /** The isolate's budget for decoding photos, shared by its concurrent requests; none = unlimited. */
  decodeBudget?: MemoryBudget;
}

export interface ModelInfo {
  id: string;
  revision: string;
  synthetic: boolean;
  variant: string;
  /** Present when the package has a linear head (`dermedge adapt`): what it was trained on. */
  head?: Omit<HeadSpec, "file">;
}

/** A label to score: its id and the prompts whose renormalised mean embedding stands for it. */
export interface Label {
  id: string;
  prompts: readonly string[];
}

export interface ImageEmbedding extends PreparedImage {
  /** Unit-length image embedding. */
  embedding: Float32Array;
  timings: { decodeMs: number; encodeMs: number };
}

export interface Classification {
  /** Every label's probability, in the order given; they sum to 1. */
  scores: { id: string; probability: number }[];
  top: { id: string; probability: number };
  timings: { textMs: number; scoreMs: number };
}

export interface ImageOptions {
  /** Refuse images with more pixels than this (read from the header, before decoding). */
  maxPixels?: number;
  /** Decode at full size even where a reduced decode would do (see PrepareOptions.exact). */
  exact?: boolean;
}

/** Where the towers run; by default both run here, with ORT. */
export interface TowerFactories {
  image?: (context: LocalTowerContext) => ImageTower;
  /** `tokenizer` reads and parses tokenizer.json on first call: a remote text tower never does. */
  text?: (context: LocalTowerContext, tokenizer: Tokenizer) => TextTower;
}

const textCache = new TextEmbeddingCache();

/**
 * The CLIP engine: the one interface transports use. Knows nothing of HTTP or Telegram.
 * Sessions are created lazily, once per model file per isolate (see sessions.ts).
 */
export class ClipEngine {
  private constructor(
    private readonly runtime: EngineRuntime,
    private readonly manifest: ModelManifest,
    private readonly tokenizer: Tokenizer,
    readonly preprocessor: PreprocessorConfig,
    private readonly imageTower: ImageTower,
    private readonly textTower: TextTower,
    private readonly store: ModelStore,
  ) {}

  private readonly heads = new PromiseCache<string, LinearHead | null>(1);

  /**
   * Reads and verifies the package's manifest and preprocessor config. The weights are read when a tower
   * first runs, and tokenizer.json (2 MB of JSON) only when a prompt is tokenized here.
   */
  static async open(
    store: ModelStore,
    runtime: EngineRuntime,
    towers: TowerFactories = {},
  ): Promise<ClipEngine> {
    const manifest = await readManifest(store);
    const preprocessor = await readJson<object>(store, manifest, "preprocessor_config.json");
    const tokenizers = new PromiseCache<string, ClipTokenizer>(1);
    const tokenizer: Tokenizer = (options) =>
      tokenizers.get(manifest.revision, () => readTokenizer(store, manifest), options);
    const context: LocalTowerContext = { store, manifest, ortWasm: runtime.ortWasm };
    return new ClipEngine(
      runtime,
      manifest,
      tokenizer,
      parsePreprocessorConfig(preprocessor),
      (towers.image ?? onnxImageTower)(context),
      (towers.text ?? onnxTextTower)(context, tokenizer),
      store,
    );
  }

  get info(): ModelInfo {
    const { id, revision, synthetic, variant, head } = this.manifest;
    if (!head) return { id, revision, synthetic, variant };
    const { file: _, ...summary } = head;
    return { id, revision, synthetic, variant, head: summary };
  }

  /** The package's linear head, read and checked once; null when it has none (`warmUp`: see PromiseCache). */
  head(options: { warmUp?: boolean } = {}): Promise<LinearHead | null> {
    const spec = this.manifest.head;
    if (!spec) return Promise.resolve(null);
    return this.heads.get(
      spec.file,
      async () => parseHead(await readJson<HeadFile>(this.store, this.manifest, spec.file)),
      options,
    );
  }

  /**
   * Starts what a request will need before it asks (see WarmUp): with `photo` the image tower (ORT's
   * start, its sessions here, the vision tail's wake-up), the label table and the head; with `encoder`
   * the text encoder, for prompts the table lacks (a caller's own labels). A Worker keeps it alive with
   * `ctx.waitUntil`; the requests that need these parts wait for them as usual.
   */
  warm({ photo = false, encoder = false }: { photo?: boolean; encoder?: boolean }): WarmUp {
    return warmUpOf(
      photo ? this.imageTower.warm?.() : undefined,
      photo ? this.head({ warmUp: true }) : undefined,
      this.textTower.warm?.({ encoder }),
    );
  }

  async tokenize(text: string): Promise<number[]> {
    return (await this.tokenizer()).encode(text);
  }

  /** Decodes, preprocesses and encodes a photo. Throws ImageError for anything it cannot read. */
  async embedImage(bytes: Uint8Array, options: ImageOptions = {}): Promise<ImageEmbedding> {
    const started = Date.now();
    const releasePhoto = hold("photo", bytes.byteLength);
    let prepared: PreparedImage;
    try {
      prepared = await prepareImage(bytes, this.preprocessor, {
        maxPixels: options.maxPixels,
        exact: options.exact,
        webpModule: this.runtime.webpWasm,
        reserve: (decodeBytes) => this.reserveDecode(decodeBytes),
      });
    } finally {
      releasePhoto();
    }
    const decoded = Date.now();
    const releasePixels = hold("pixels", prepared.pixels.byteLength);
    let raw: Float32Array;
    try {
      raw = await this.imageTower.encode(prepared.pixels, this.preprocessor.size);
    } finally {
      releasePixels();
    }
    const embedding = l2Normalize(raw);
    return {
      ...prepared,
      embedding,
      timings: { decodeMs: decoded - started, encodeMs: Date.now() - decoded },
    };
  }

  /** Waits for the isolate's decode budget (when there is one) and counts the bytes while they are held. */
  private async reserveDecode(bytes: number): Promise<() => void> {
    const release = (await this.runtime.decodeBudget?.reserve(bytes)) ?? (() => {});
    const unhold = hold("decode", bytes);
    return () => {
      unhold();
      release();
    };
  }

  /**
   * Unit-length text embeddings, one per prompt, each encoded alone (see ClipTokenizer.encodeTensor) and
   * once per isolate per (revision, scope, prompt).
   */
  async embedTexts(prompts: readonly string[], scope?: TextScope): Promise<Float32Array[]> {
    const { revision } = this.manifest;
    const missing = [...new Set(prompts.filter((p) => !textCache.get(revision, p, scope)))];
    if (missing.length > 0) {
      const embeddings = await this.textTower.encode(missing, scope);
      missing.forEach((prompt, i) => {
        textCache.set(revision, prompt, l2Normalize(embeddings[i]), scope);
      });
    }
    return prompts.map((p) => textCache.get(revision, p, scope)!);
  }

  /**
   * Zero-shot probabilities of the labels for an image embedding (softmax over the labels). `scope` is
   * whose labels they are (see TextScope): a client's own labels are cached for that client alone.
   */
  async classify(image: Float32Array, labels: readonly Label[], scope?: TextScope): Promise<Classification> {
    if (labels.length === 0) throw new Error("classify needs at least one label");
    const started = Date.now();
    const embeddings = await this.embedTexts(
      labels.flatMap((l) => l.prompts),
      scope,
    );
    const textDone = Date.now();
    let offset = 0;
    const labelEmbeddings = labels.map((l) =>
      ensembleEmbedding(embeddings.slice(offset, (offset += l.prompts.length))),
    );
    const probabilities = zeroShotProbabilities(image, labelEmbeddings, this.manifest.logitScale);
    const scores = labels.map((l, i) => ({ id: l.id, probability: probabilities[i] }));
    const top = scores.reduce((best, s) => (s.probability > best.probability ? s : best));
    return { scores, top, timings: { textMs: textDone - started, scoreMs: Date.now() - textDone } };
  }
}
