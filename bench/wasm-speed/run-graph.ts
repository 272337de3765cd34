import type { InferenceSession } from "onnxruntime-web/wasm";
import { useOrtWasm } from "../../src/model/backends/onnx";

/** A session for one float32-input graph, and one run of it on a constant input. */
export interface LoadedGraph {
  run(): Promise<void>;
}

export async function loadGraph(
  wasm: WebAssembly.Module,
  graph: Uint8Array,
  input: string,
  dims: number[],
): Promise<LoadedGraph> {
  const ort = useOrtWasm(wasm);
  const session: InferenceSession = await ort.InferenceSession.create(graph, {
    executionProviders: ["wasm"],
  });
  const data = new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(0.1);
  return {
    async run() {
      await session.run({ [input]: new ort.Tensor("float32", data, dims) });
    },
  };
}
