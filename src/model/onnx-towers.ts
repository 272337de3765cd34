import { loadIntoHeap } from "./backends/heap-loader";
import { requireOrtHeap, useOrtWasm } from "./backends/onnx";
import { hold, measureCreation, sampleMemory } from "./memory";
import { readVerified } from "./package/load";
import type { ModelManifest, TowerSpec } from "./package/manifest";
import type { ModelStore } from "./package/store";
import { cachedSession, type SerialSession } from "./sessions";
import type { ClipTokenizer } from "./tokenizer";
import { type ImageTower, type TextTower, type WarmUp, warmUpOf } from "./towers";

/** What a tower running in this isolate needs: the package and the compiled ORT WASM. */
export interface LocalTowerContext {
  store: ModelStore;
  manifest: ModelManifest;
  ortWasm: WebAssembly.Module;
}

/** The session for one graph of the package, created once per isolate (see sessions.ts). */
export function towerSession(
  context: LocalTowerContext,
  tower: TowerSpec,
  options: { warmUp?: boolean } = {},
): Promise<SerialSession> {
  const key = `${context.manifest.revision}/${tower.file}`;
  return cachedSession(
    key,
    () =>
      measureCreation(key, () =>
        tower.file.endsWith(".ort") ? heapSession(context, tower) : bytesSession(context, tower),
      ),
    options,
  );
}

/** Creates the stages' sessions ahead of their first run, one after the other (see WarmUp). */
export function warmSessions(context: LocalTowerContext, stages: readonly TowerSpec[]): WarmUp {
  return warmUpOf(
    (async () => {
      for (const stage of stages) await towerSession(context, stage, { warmUp: true });
    })(),
  );
}

/**
 * An ORT-format graph streamed into ORT's heap and used there in place: the weights exist once, inside
 * the heap, and never as a JS copy (see backends/heap-loader.ts).
 */
async function heapSession({ store, manifest, ortWasm }: LocalTowerContext, tower: TowerSpec) {
  const ort = useOrtWasm(ortWasm);
  await requireOrtHeap(ortWasm, tower.file);
  const model = await loadIntoHeap(store, manifest, tower.file);
  try {
    return await ort.InferenceSession.create(model.bytes, {
      executionProviders: ["wasm"],
      extra: { session: { use_ort_model_bytes_directly: "1", use_ort_model_bytes_for_initializers: "1" } },
    });
  } catch (error) {
    model.discard();
    throw error;
  }
}

/** An .onnx graph (and its external data) read whole: ORT copies it, so JS and heap copies coexist. */
async function bytesSession({ store, manifest, ortWasm }: LocalTowerContext, tower: TowerSpec) {
  const ort = useOrtWasm(ortWasm);
  const releases: (() => void)[] = [];
  const read = async (path: string) => {
    const bytes = await readVerified(store, manifest, path);
    releases.push(hold("model file", bytes.byteLength));
    return bytes;
  };
  try {
    const model = await read(tower.file);
    const externalData = await Promise.all(
      tower.externalData.map(async (path) => ({ path: path.split("/").pop()!, data: await read(path) })),
    );
    const session = await ort.InferenceSession.create(model, { executionProviders: ["wasm"], externalData });
    sampleMemory();
    return session;
  } finally {
    for (const release of releases) release();
  }
}

/** A float32 tensor between vision stages: the pixels, or a hidden state [batch, tokens, width]. */
export interface FloatTensor {
  data: Float32Array;
  dims: number[];
}

/** Runs vision stages in order here, each one's output the next one's input. */
export async function runVisionStages(
  context: LocalTowerContext,
  stages: readonly TowerSpec[],
  input: FloatTensor,
): Promise<FloatTensor> {
  const ort = useOrtWasm(context.ortWasm);
  let current = input;
  for (const stage of stages) {
    const session = await towerSession(context, stage);
    const release = hold("stage input", current.data.byteLength);
    try {
      const output = await session.run({
        [stage.input]: new ort.Tensor("float32", current.data, current.dims),
      });
      const tensor = output[stage.output];
      current = { data: tensor.data as Float32Array, dims: [...tensor.dims] };
      sampleMemory();
    } finally {
      release();
    }
  }
  return current;
}

/** The vision stages of a package: `stages` when packed in several, else the one graph. */
export function visionStages(manifest: ModelManifest): TowerSpec[] {
  return manifest.vision.stages ?? [manifest.vision];
}

/** The vision tower run by ORT in this isolate, every stage. */
export function onnxImageTower(context: LocalTowerContext): ImageTower {
  return {
    warm: () => warmSessions(context, visionStages(context.manifest)),
    async encode(pixels, size) {
      const stages = visionStages(context.manifest);
      return (await runVisionStages(context, stages, { data: pixels, dims: [1, 3, size, size] })).data;
    },
  };
}

/**
 * The vision tower with its first stage here and the rest elsewhere (the vision-tail Worker behind a
 * service binding): `tail` takes stage 1's hidden state and returns the image embedding. The warm-up
 * creates stage 1's session here and, with `warmTail`, asks the tail to create its own at the same time
 * (on a cold start the isolates then load side by side, not one after the other).
 */
export function splitImageTower(
  context: LocalTowerContext,
  tail: (hidden: FloatTensor) => Promise<Float32Array>,
  warmTail?: () => Promise<void>,
): ImageTower {
  return {
    warm() {
      const [first, ...rest] = visionStages(context.manifest);
      if (rest.length === 0) return warmSessions(context, [first]);
      return warmUpOf(warmTail?.(), warmSessions(context, [first]));
    },
    async encode(pixels, size) {
      const [first, ...rest] = visionStages(context.manifest);
      if (rest.length === 0) return onnxImageTower(context).encode(pixels, size);
      return tail(await runVisionStages(context, [first], { data: pixels, dims: [1, 3, size, size] }));
    },
  };
}

/** The package's tokenizer, read and parsed once per isolate (`warmUp`: see PromiseCache). */
export type Tokenizer = (options?: { warmUp?: boolean }) => Promise<ClipTokenizer>;

/** The text tower run by ORT in this isolate; prompts one at a time (see ClipTokenizer.encodeTensor). */
export function onnxTextTower(context: LocalTowerContext, tokenizer: Tokenizer): TextTower {
  const { text } = context.manifest;
  return {
    warm: ({ encoder }) =>
      encoder
        ? warmUpOf(towerSession(context, text, { warmUp: true }), tokenizer({ warmUp: true }))
        : warmUpOf(),
    async encode(prompts) {
      const ort = useOrtWasm(context.ortWasm);
      const [session, clip] = await Promise.all([towerSession(context, text), tokenizer()]);
      const embeddings: Float32Array[] = [];
      for (const prompt of prompts) {
        const { ids, dims } = clip.encodeTensor(prompt);
        const output = await session.run({ [text.input]: new ort.Tensor("int64", ids, dims) });
        sampleMemory();
        embeddings.push(output[text.output].data as Float32Array);
      }
      return embeddings;
    },
  };
}
