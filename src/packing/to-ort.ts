import { InferenceSession } from "onnxruntime-node";

/**
 * Converts an .onnx file to ORT format with onnxruntime-node. Only "basic" (provider-independent)
 * optimisations are applied, so the result runs on ORT-web's WASM CPU provider; ORT format lets that
 * runtime use the initializers in place, inside the model bytes (see backends/heap-loader.ts).
 */
export async function convertToOrt(onnxPath: string, ortPath: string): Promise<void> {
  const session = await InferenceSession.create(onnxPath, {
    executionProviders: ["cpu"],
    graphOptimizationLevel: "basic",
    optimizedModelFilePath: ortPath,
    extra: { session: { save_model_format: "ORT" } },
  });
  await session.release();
}
