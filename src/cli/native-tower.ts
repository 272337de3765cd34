import { type LocalTowerContext, visionStages } from "../model/onnx-towers";
import { readVerified } from "../model/package/load";
import type { ImageTower } from "../model/towers";

type OrtNode = typeof import("onnxruntime-node");
type Session = Awaited<ReturnType<OrtNode["InferenceSession"]["create"]>>;

/**
 * onnxruntime-node when it is installed (a dev dependency: a checkout has it, a slim install may not),
 * else null and the caller uses the Worker's WASM build. Native is several times faster on a CPU; both
 * run the same graphs, and test/node/adapt.test.ts checks they give the same embedding within 1e-4.
 */
export async function loadNativeOrt(): Promise<OrtNode | null> {
  try {
    return await import("onnxruntime-node");
  } catch {
    return null;
  }
}

/** The vision tower (every stage) run by native ORT on the package's verified bytes. */
export function nativeImageTower(ort: OrtNode) {
  return (context: LocalTowerContext): ImageTower => {
    const sessions = new Map<string, Promise<Session>>();
    const session = (file: string, externalData: readonly string[]) => {
      let made = sessions.get(file);
      if (!made) {
        made = (async () => {
          for (const path of externalData) await readVerified(context.store, context.manifest, path);
          const bytes = await readVerified(context.store, context.manifest, file);
          // External data is found next to the graph only when ORT opens it by path; verified just above.
          return externalData.length > 0
            ? ort.InferenceSession.create(`${context.store.location}/${file}`)
            : ort.InferenceSession.create(bytes);
        })();
        sessions.set(file, made);
      }
      return made;
    };
    return {
      async encode(pixels, size) {
        let data = pixels;
        let dims = [1, 3, size, size];
        for (const stage of visionStages(context.manifest)) {
          const run = await session(stage.file, stage.externalData);
          const output = (await run.run({ [stage.input]: new ort.Tensor("float32", data, dims) }))[
            stage.output
          ];
          data = output.data as Float32Array;
          dims = [...output.dims];
        }
        return data;
      },
    };
  };
}
