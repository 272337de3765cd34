/**
 * The encoder's attention computed a slice of query rows at a time (src/packing/chunk-attention.ts), and
 * its feed-forward's widening layer and GELU too (src/packing/slice-rows.ts):
 * found by structure in the synthetic Whisper encoder's 4-D form and in optimum's older 3-D bmm form, left
 * alone where rows are not independent, and the rewritten graph's outputs are bit-for-bit those of the
 * original on onnxruntime-node.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import onnxProto, { type onnx as Onnx } from "onnx-proto";
import * as ortNode from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { nodeWasm } from "../../src/lib/node-wasm.node";
import { useOrtWasm } from "../../src/model/backends/onnx";
import { chunkAttention } from "../../src/packing/chunk-attention";
import { sliceFeedForward } from "../../src/packing/slice-rows";
import { convertToOrt } from "../../src/packing/to-ort";
import { DataType, floatTensor, GraphBuilder } from "../../src/synthetic/onnx-builder";
import { copyModel, runOnce, seededFloats } from "../support/graph-inputs";

const { ModelProto } = onnxProto.onnx;
const whisperTest = resolve(import.meta.dirname, "../../.cache/models/whisper-test");

/** softmax(q k^T * s [+ extra]) v over [heads, rows, 8] (optimum's 3-D bmm form), or with a custom softmax axis. */
function attentionGraph(options: { rows: number; extra?: "mask"; axis?: number }): Onnx.IModelProto {
  const g = new GraphBuilder();
  const dims = [2, options.rows, 8];
  const [q, k, v] = ["q", "k", "v"].map((name) => g.input(name, DataType.FLOAT, dims));
  let scores = g.op("Mul", [
    g.op("MatMul", [q, g.op("Transpose", [k], { perm: [0, 2, 1] })]),
    g.floatScalar(0.3),
  ]);
  if (options.extra === "mask") {
    const mask = seededFloats(options.rows * options.rows, 9);
    scores = g.op("Add", [scores, g.initializer(floatTensor("mask", [options.rows, options.rows], mask))]);
  }
  g.op("MatMul", [g.op("Softmax", [scores], { axis: options.axis ?? -1 }), v], {}, "context");
  g.output("context", DataType.FLOAT, dims);
  return g.toModel();
}

describe("chunkAttention", () => {
  it("the synthetic Whisper encoder: every layer's self-attention sliced, the same output bit for bit", async () => {
    const original = ModelProto.decode(
      await readFile(resolve(whisperTest, "onnx/encoder_model_quantized.onnx")),
    );
    const chunked = copyModel(original);
    expect(chunkAttention(chunked, { rows: 1500, rowsPerChunk: 150 })).toBe(2); // whisper-test: 2 layers
    expect(chunked.graph!.node!.filter((n) => n.opType === "Softmax")).toHaveLength(2 * 10);
    const features = new ortNode.Tensor("float32", seededFloats(80 * 3000, 1), [1, 80, 3000]);
    const [before, after] = await Promise.all(
      [original, chunked].map(
        async (m) => (await runOnce(m, { input_features: features })).last_hidden_state,
      ),
    );
    expect(after.dims).toEqual(before.dims);
    expect(Buffer.from((after.data as Float32Array).buffer)).toEqual(
      Buffer.from((before.data as Float32Array).buffer),
    );
  });

  it("the feed-forward's widening layer and GELU sliced by rows (after fc1's input is quantised): bit for bit", async () => {
    const original = ModelProto.decode(
      await readFile(resolve(whisperTest, "onnx/encoder_model_quantized.onnx")),
    );
    const sliced = copyModel(original);
    expect(sliceFeedForward(sliced, { rows: 1500, rowsPerChunk: 150 })).toBe(2); // fc1 of 2 layers
    // The two convolutions' GELUs stay whole (a convolution is not a widening MatMul); each fc1's is in 10.
    expect(sliced.graph!.node!.filter((n) => n.opType === "Erf")).toHaveLength(2 + 2 * 10);
    expect(sliced.graph!.node!.filter((n) => n.opType === "DynamicQuantizeLinear")).toHaveLength(
      original.graph!.node!.filter((n) => n.opType === "DynamicQuantizeLinear").length,
    );
    const features = new ortNode.Tensor("float32", seededFloats(80 * 3000, 3), [1, 80, 3000]);
    const [before, after] = await Promise.all(
      [original, sliced].map(async (m) => (await runOnce(m, { input_features: features })).last_hidden_state),
    );
    expect(Buffer.from((after.data as Float32Array).buffer)).toEqual(
      Buffer.from((before.data as Float32Array).buffer),
    );
  });

  it("in ORT format on onnxruntime-web's WASM (what the speech Worker runs): the same output bit for bit", async () => {
    const source = resolve(whisperTest, "onnx/encoder_model_quantized.onnx");
    const chunked = ModelProto.decode(await readFile(source));
    chunkAttention(chunked, { rows: 1500, rowsPerChunk: 150 });
    sliceFeedForward(chunked, { rows: 1500, rowsPerChunk: 150 });
    const dir = await mkdtemp(join(tmpdir(), "dermedge-chunk-test-"));
    try {
      await writeFile(join(dir, "chunked.onnx"), ModelProto.encode(chunked).finish());
      await convertToOrt(source, join(dir, "whole.ort"));
      await convertToOrt(join(dir, "chunked.onnx"), join(dir, "chunked.ort"));
      const ort = useOrtWasm(await nodeWasm("onnxruntime-web/ort-wasm-simd-threaded.wasm"));
      const features = new ort.Tensor("float32", seededFloats(80 * 3000, 1), [1, 80, 3000]);
      const outputs: Float32Array[] = [];
      for (const file of ["whole.ort", "chunked.ort"]) {
        const session = await ort.InferenceSession.create(new Uint8Array(await readFile(join(dir, file))));
        outputs.push(
          (await session.run({ input_features: features })).last_hidden_state.data as Float32Array,
        );
        await session.release();
      }
      expect(Buffer.from(outputs[1].buffer)).toEqual(Buffer.from(outputs[0].buffer));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("optimum's 3-D bmm form ([batch*heads, rows, head_dim], scaled after the MatMul): the same output", async () => {
    const original = attentionGraph({ rows: 60 });
    const chunked = copyModel(original);
    expect(chunkAttention(chunked, { rows: 60, rowsPerChunk: 20 })).toBe(1);
    expect(chunked.graph!.node!.filter((n) => n.opType === "Slice")).toHaveLength(3);
    const feeds = Object.fromEntries(
      ["q", "k", "v"].map((name, i) => [
        name,
        new ortNode.Tensor("float32", seededFloats(2 * 60 * 8, i + 2), [2, 60, 8]),
      ]),
    );
    const [before, after] = await Promise.all(
      [original, chunked].map(async (m) => (await runOnce(m, feeds)).context),
    );
    expect(Array.from(after.data as Float32Array)).toEqual(Array.from(before.data as Float32Array));
  });

  it("leaves attention alone where rows are not independent of the whole: a [rows, keys] mask, another axis", () => {
    for (const model of [
      attentionGraph({ rows: 60, extra: "mask" }),
      attentionGraph({ rows: 60, axis: 1 }),
    ]) {
      const before = model.graph!.node!.length;
      expect(chunkAttention(model, { rows: 60, rowsPerChunk: 20 })).toBe(0);
      expect(model.graph!.node!).toHaveLength(before);
    }
  });

  it("refuses a slice size that does not divide the rows", () => {
    expect(() => chunkAttention(attentionGraph({ rows: 60 }), { rows: 60, rowsPerChunk: 7 })).toThrow(
      /must divide/,
    );
  });
});
