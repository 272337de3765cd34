import { useOrtWasm } from "./backends/onnx";
import { readVerified } from "./package/load";
import type { ModelManifest, TowerSpec } from "./package/manifest";
import type { ModelStore } from "./package/store";
import { cachedSession, type SerialSession } from "./sessions";
import type { ClipTokenizer } from "./tokenizer";
import type { ImageTower, TextTower } from "./towers";

/** What a tower running in this isolate needs: the package and the compiled ORT WASM. */
export interface LocalTowerContext {
  store: ModelStore;
  manifest: ModelManifest;
  ortWasm: WebAssembly.Module;
}

/** The session for one graph of the package, created once per isolate (see sessions.ts). */
export function towerSession(
  { store, manifest, ortWasm }: LocalTowerContext,
  tower: TowerSpec,
): Promise<SerialSession> {
  return cachedSession(`${manifest.revision}/${tower.file}`, async () => {
    const ort = useOrtWasm(ortWasm);
    const model = await readVerified(store, manifest, tower.file);
    const externalData = await Promise.all(
      tower.externalData.map(async (path) => ({
        path: path.split("/").pop()!,
        data: await readVerified(store, manifest, path),
      })),
    );
    return ort.InferenceSession.create(model, { executionProviders: ["wasm"], externalData });
  });
}

/** The vision tower run by ORT in this isolate. */
export function onnxImageTower(context: LocalTowerContext): ImageTower {
  const { vision } = context.manifest;
  return {
    async encode(pixels, size) {
      const ort = useOrtWasm(context.ortWasm);
      const session = await towerSession(context, vision);
      const output = await session.run({
        [vision.input]: new ort.Tensor("float32", pixels, [1, 3, size, size]),
      });
      return output[vision.output].data as Float32Array;
    },
  };
}

/** The text tower run by ORT in this isolate; prompts one at a time (see ClipTokenizer.encodeTensor). */
export function onnxTextTower(context: LocalTowerContext, tokenizer: ClipTokenizer): TextTower {
  const { text } = context.manifest;
  return {
    async encode(prompts) {
      const ort = useOrtWasm(context.ortWasm);
      const session = await towerSession(context, text);
      const embeddings: Float32Array[] = [];
      for (const prompt of prompts) {
        const { ids, dims } = tokenizer.encodeTensor(prompt);
        const output = await session.run({ [text.input]: new ort.Tensor("int64", ids, dims) });
        embeddings.push(output[text.output].data as Float32Array);
      }
      return embeddings;
    },
  };
}
