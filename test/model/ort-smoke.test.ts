import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { expect, it } from "vitest";
import { ortHeapBytes, useOrtWasm } from "../../src/model/backends/onnx";
import { requireHostFile } from "../support/host-files";

it("runs an ONNX graph with ORT WASM inside workerd", async () => {
  const ort = useOrtWasm(ortWasm);
  const bytes = await requireHostFile("cache", "smoke.onnx");
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({ x: new ort.Tensor("float32", new Float32Array([1, 1]), [1, 2]) });
  expect(Array.from(out.y.data as Float32Array)).toEqual([2, 3]);
  expect(ortHeapBytes()).toBeGreaterThan(1_000_000);
});
