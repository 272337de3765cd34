import type { onnx as Onnx } from "onnx-proto";
import { DataType, floatTensor, GraphBuilder, valueInfo } from "../onnx-builder";
import type { Rng } from "../prng";
import { DynamicQuantizer } from "../quantized-linear";
import { EMBEDDING_STD, quantizedEmbedding } from "../text";
import { layerNorm } from "../transformer";
import { attend, feedForward, keyValueOf, MASKED, queryOf } from "./layers";
import { WHISPER_IO, type WhisperDims } from "./sizes";

const BOOL = 9; // TensorProto.BOOL
const GRAPH = 5; // AttributeProto.GRAPH

export const DECODER_INPUTS = {
  ids: "input_ids",
  encoder: "encoder_hidden_states",
  branch: "use_cache_branch",
};

/** Names of layer `i`'s cache tensors: `past_key_values.i.decoder.key` in, `present.i.decoder.key` out. */
export function cacheNames(layers: number, prefix: "past_key_values" | "present"): string[] {
  return Array.from({ length: layers }, (_, i) =>
    ["decoder.key", "decoder.value", "encoder.key", "encoder.value"].map((part) => `${prefix}.${i}.${part}`),
  ).flat();
}

export interface MergedDecoderOptions {
  /**
   * What the cached branch returns as present.*.encoder.*: "empty" (default), optimum's merge, which gives
   * the outputs the decoder with past lacks a constant of no elements ([0, heads, 1, head_dim]); or
   * "pass-through", the past cross-attention keys and values handed back (an Identity each), as a merge
   * by hand might: what the packing rewrite (src/packing/empty-cross-cache.ts) is tested on.
   */
  cachedCrossAttention?: "empty" | "pass-through";
}

/**
 * WhisperForConditionalGeneration's decoder as optimum merges it (`decoder_model_merged.onnx`), after
 * quantize_dynamic (int8): one graph whose `If` on use_cache_branch runs either the first step (no past:
 * cross-attention keys and values computed from encoder_hidden_states) or a later one (self-attention
 * keys and values appended to the past, cross-attention's read from it). Both branches use the same
 * weights, which live in the outer graph. Outputs: logits [batch, seq, vocab] and present.* (the cache).
 */
export function whisperMergedDecoder(
  dims: WhisperDims,
  rng: Rng,
  options: MergedDecoderOptions = {},
): Onnx.IModelProto {
  const g = new GraphBuilder();
  const q = new DynamicQuantizer(g, rng, "int8");
  const hd = dims.width / dims.heads;
  const ids = g.input(DECODER_INPUTS.ids, DataType.INT64, ["batch_size", "decoder_sequence_length"]);
  const encoder = g.input(DECODER_INPUTS.encoder, DataType.FLOAT, [
    "batch_size",
    "encoder_sequence_length",
    dims.width,
  ]);
  const past = cacheNames(dims.decoderLayers, "past_key_values");
  for (const name of past) {
    const length = name.includes(".decoder.")
      ? "past_decoder_sequence_length"
      : "encoder_sequence_length_out";
    g.input(name, DataType.FLOAT, ["batch_size", dims.heads, length, hd]);
  }
  const branch = g.input(DECODER_INPUTS.branch, BOOL as DataType, [1]);

  const body = (withPast: boolean) =>
    decoderBody(g, q, rng, dims, {
      ids,
      encoder,
      past: withPast ? past : undefined,
      crossCache: options.cachedCrossAttention ?? "empty",
    });
  const first = body(false);
  const noPastNodes = g.takeNodes();
  q.resetActivations();
  const later = body(true);
  const withPastNodes = g.takeNodes();

  const present = cacheNames(dims.decoderLayers, "present");
  const outputNames = ["logits", ...present];
  const outputDims = (name: string, branchLength: string): (string | number)[] =>
    name === "logits"
      ? ["batch_size", "decoder_sequence_length", WHISPER_IO.vocab]
      : [
          "batch_size",
          dims.heads,
          name.includes(".decoder.") ? branchLength : "encoder_sequence_length_out",
          hd,
        ];
  const subgraph = (name: string, nodes: Onnx.INodeProto[], outputs: string[]): Onnx.IGraphProto => ({
    name,
    node: nodes,
    output: outputs.map((o, i) =>
      valueInfo(o, DataType.FLOAT, outputDims(outputNames[i], "present_sequence_length")),
    ),
  });
  g.rawNode({
    name: "optimum::if",
    opType: "If",
    input: [branch],
    output: outputNames,
    attribute: [
      { name: "then_branch", type: GRAPH, g: subgraph("then_branch", withPastNodes, later) },
      { name: "else_branch", type: GRAPH, g: subgraph("else_branch", noPastNodes, first) },
    ],
  });
  for (const name of outputNames) g.output(name, DataType.FLOAT, outputDims(name, "present_sequence_length"));
  return g.toModel();
}

/** One branch's nodes (added to `g`); returns its outputs in the order logits, present.*. */
function decoderBody(
  g: GraphBuilder,
  q: DynamicQuantizer,
  rng: Rng,
  dims: WhisperDims,
  inputs: { ids: string; encoder: string; past?: string[]; crossCache: "empty" | "pass-through" },
): string[] {
  const { width } = dims;
  const { ids, encoder, past, crossCache } = inputs;
  const length = g.op("Slice", [g.op("Shape", [ids]), g.int64s([1]), g.int64s([2])]);
  // Tokens already in the cache: where this step's positions start.
  const offset = past
    ? g.op("Slice", [g.op("Shape", [past[0]]), g.int64s([2]), g.int64s([3])])
    : g.int64s([0]);
  const end = g.op("Add", [offset, length]);
  const embedded = g.scoped("model.decoder", () => {
    const tokens = quantizedEmbedding(
      g,
      rng,
      "model.decoder.embed_tokens.weight",
      [WHISPER_IO.vocab, width],
      ids,
    );
    const table = g.initializer(
      floatTensor(
        "model.decoder.embed_positions.weight",
        [WHISPER_IO.textPositions, width],
        rng.floats(WHISPER_IO.textPositions * width, 0.1),
      ),
    );
    const positions = g.op("Slice", [table, offset, end, g.int64s([0])]);
    return g.op("Add", [tokens, positions]);
  });
  // Causal mask [seq, past + seq]: query i (at position past + i) sees keys up to past + i.
  const mask = g.scoped("model.decoder", () => {
    const filled = g.op("ConstantOfShape", [g.op("Concat", [length, end], { axis: 0 })], {
      value: floatTensor("value", [1], Float32Array.of(MASKED)),
    });
    const diagonal = g.op("Reshape", [g.op("Add", [offset, g.int64s([1])]), g.int64s([], [0])]);
    return g.op("Trilu", [filled, diagonal], { upper: 1 });
  });

  const presents: string[] = [];
  let h = embedded;
  for (let i = 0; i < dims.decoderLayers; i++) {
    const param = `model.decoder.layers.${i}`;
    h = g.scoped(param, () => {
      const self = `${param}.self_attn`;
      const normed = layerNorm(g, h, `${param}.self_attn_layer_norm`, width);
      const fresh = keyValueOf(g, q, normed, self, dims);
      const key = past ? g.op("Concat", [past[4 * i], fresh.key], { axis: 2 }) : fresh.key;
      const value = past ? g.op("Concat", [past[4 * i + 1], fresh.value], { axis: 2 }) : fresh.value;
      const query = queryOf(g, q, normed, self, dims);
      const attended = g.op("Add", [h, attend(g, q, self, dims, { query, key, value, mask })]);

      const cross = `${param}.encoder_attn`;
      const crossNormed = layerNorm(g, attended, `${param}.encoder_attn_layer_norm`, width);
      const crossKv = past
        ? { key: past[4 * i + 2], value: past[4 * i + 3] }
        : keyValueOf(g, q, encoder, cross, dims);
      const crossQuery = queryOf(g, q, crossNormed, cross, dims);
      const crossed = g.op("Add", [
        attended,
        attend(g, q, cross, dims, { query: crossQuery, key: crossKv.key, value: crossKv.value }),
      ]);
      const cached = (x: string) =>
        crossCache === "pass-through"
          ? g.op("Identity", [x])
          : g.op("Constant", [], {
              value: floatTensor("const_tensor", [0, dims.heads, 1, width / dims.heads], new Float32Array(0)),
            });
      presents.push(
        key,
        value,
        ...(past ? [cached(crossKv.key), cached(crossKv.value)] : [crossKv.key, crossKv.value]),
      );
      const ff = feedForward(g, q, layerNorm(g, crossed, `${param}.final_layer_norm`, width), param, dims);
      return g.op("Add", [crossed, ff]);
    });
  }
  // The final norm's gain spreads the logits (standard deviation LOGIT_SPREAD) so that greedy choices are
  // clear: trained models are confident on speech.
  const gain = LOGIT_SPREAD / (Math.sqrt(width) * EMBEDDING_STD);
  const last = layerNorm(g, h, "model.decoder.layer_norm", width, undefined, gain);
  return [tiedProjection(g, last, "model.decoder.embed_tokens.weight"), ...presents];
}

const LOGIT_SPREAD = 8;

/**
 * proj_out, tied to the token embedding as Whisper ties it: optimum exports MatMul(x, Transpose(table)),
 * and quantize_dynamic, which quantises the table for its Gather (uint8, per tensor), leaves that MatMul
 * in float (its B is no initializer) and reads the uint8 table through a Transpose and a DequantizeLinear:
 * the form of Xenova's files (one table: 30.7 MB for tiny), which dequantises the whole table every step.
 * `dermedge model pack` rewrites it (src/packing/tied-projection.ts).
 */
function tiedProjection(g: GraphBuilder, x: string, param: string): string {
  return g.scoped("proj_out", () => {
    const transposed = g.op("Transpose", [`${param}_quantized`], { perm: [1, 0] });
    const table = g.op("DequantizeLinear", [transposed, `${param}_scale`, `${param}_zero_point`]);
    return g.op("MatMul", [x, table]);
  });
}
