import type { onnx as Onnx } from "onnx-proto";
import { bytesOf, DataType, floatTensor, GraphBuilder, tensor } from "./onnx-builder";
import { quantizedStd, type Rng } from "./prng";
import { DynamicQuantizer } from "./quantized-linear";
import type { TextDims } from "./sizes";
import { encoder, layerNorm } from "./transformer";

export const TEXT_INPUT = "input_ids";
export const TEXT_OUTPUT = "text_embeds";

// Small next to the residual branches' outputs (std ~1), as in trained CLIP: otherwise the end token's
// own fixed embedding dominates the pooled state and every text embeds alike.
export const EMBEDDING_STD = 0.1;

/** torch.finfo(float32).min, CLIP's value for masked attention scores. */
const MASKED = -3.4028234663852886e38;

/**
 * An embedding table as quantize_dynamic leaves a Gather on a float initializer: the table becomes
 * uint8 (per tensor, full range), the Gather reads it, and a DequantizeLinear turns rows back to float.
 */
export function quantizedEmbedding(
  g: GraphBuilder,
  rng: Rng,
  param: string,
  [rows, width]: number[],
  ids: string,
) {
  const values = rng.quantized(rows * width, 8, 128);
  const table = g.initializer(tensor(`${param}_quantized`, DataType.UINT8, [rows, width], values));
  const scale = g.initializer(
    floatTensor(`${param}_scale`, [], Float32Array.of(EMBEDDING_STD / quantizedStd(8))),
  );
  const zeroPoint = g.initializer(tensor(`${param}_zero_point`, DataType.UINT8, [], Uint8Array.of(128)));
  return g.op("DequantizeLinear", [g.op("Gather", [table, ids]), scale, zeroPoint]);
}

/**
 * CLIPTextModelWithProjection as optimum exports it (`clip-text-with-projection`, opset 14), after
 * quantize_dynamic: input_ids [batch, sequence] (no attention mask: pad with the end token) ->
 * text_embeds [batch, projection] (not normalised) and last_hidden_state [batch, sequence, width].
 */
export function textModel(dims: TextDims, projection: number, rng: Rng): Onnx.IModelProto {
  const g = new GraphBuilder();
  const q = new DynamicQuantizer(g, rng, "int8");
  const { width, vocab, context } = dims;
  const ids = g.input(TEXT_INPUT, DataType.INT64, ["batch_size", "sequence_length"]);

  const { embeddings, mask } = g.scoped("text_model.embeddings", () => {
    const tokens = quantizedEmbedding(
      g,
      rng,
      "text_model.embeddings.token_embedding.weight",
      [vocab, width],
      ids,
    );
    const length = g.op("Slice", [g.op("Shape", [ids]), g.int64s([1]), g.int64s([2])]);
    const range = bytesOf(BigInt64Array.from({ length: context }, (_, i) => BigInt(i)));
    const allPositions = g.initializer(
      tensor("text_model.embeddings.position_ids", DataType.INT64, [1, context], range),
    );
    const positionIds = g.op("Slice", [allPositions, g.int64s([0]), length, g.int64s([1])]);
    const positionParam = "text_model.embeddings.position_embedding.weight";
    const positions = quantizedEmbedding(g, rng, positionParam, [context, width], positionIds);
    // Causal mask [seq, seq]: MASKED above the diagonal (torch's triu_(1), exported as Trilu), 0 elsewhere.
    const filled = g.op("ConstantOfShape", [g.op("Concat", [length, length], { axis: 0 })], {
      value: floatTensor("value", [1], Float32Array.of(MASKED)),
    });
    const mask = g.op("Trilu", [filled, g.int64s([1], [])], { upper: 1 });
    return { embeddings: g.op("Add", [tokens, positions]), mask };
  });

  const hidden = encoder(g, q, embeddings, "text_model.encoder", dims, { mask });
  const last = layerNorm(g, hidden, "text_model.final_layer_norm", width, "last_hidden_state");
  // Pool at the first position of the largest id: the end token 49407, also used as padding.
  const pooled = g.scoped("text_model", () => {
    const eos = g.op("ArgMax", [g.op("Cast", [ids], { to: DataType.INT32 })], { axis: -1, keepdims: 1 });
    return g.op("GatherND", [last, eos], { batch_dims: 1 });
  });
  q.linear(pooled, "text_projection", width, projection, { bias: false, output: TEXT_OUTPUT });

  g.output(TEXT_OUTPUT, DataType.FLOAT, ["batch_size", projection]);
  g.output("last_hidden_state", DataType.FLOAT, ["batch_size", "sequence_length", width]);
  return g.toModel();
}
