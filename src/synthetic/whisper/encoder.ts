import type { onnx as Onnx } from "onnx-proto";
import { DataType, floatTensor, GraphBuilder } from "../onnx-builder";
import type { Rng } from "../prng";
import { DynamicQuantizer } from "../quantized-linear";
import { layerNorm } from "../transformer";
import { attend, feedForward, gelu, keyValueOf, queryOf } from "./layers";
import { WHISPER_IO, type WhisperDims } from "./sizes";

export const ENCODER_INPUT = "input_features";
export const ENCODER_OUTPUT = "last_hidden_state";

/**
 * WhisperEncoder as optimum exports it (`encoder_model.onnx`), after quantize_dynamic (uint8 weights: the
 * graph has Convs): input_features [batch, 80, 3000] -> last_hidden_state [batch, 1500, width].
 */
export function whisperEncoder(dims: WhisperDims, rng: Rng): Onnx.IModelProto {
  const g = new GraphBuilder();
  const q = new DynamicQuantizer(g, rng, "uint8");
  const { width } = dims;
  const features = g.input(ENCODER_INPUT, DataType.FLOAT, [
    "batch_size",
    WHISPER_IO.melBins,
    WHISPER_IO.frames,
  ]);
  const stem = g.scoped("model.encoder", () => {
    const c1 = gelu(g, q.conv1d(features, "model.encoder.conv1", WHISPER_IO.melBins, width, 3, 1));
    const c2 = gelu(g, q.conv1d(c1, "model.encoder.conv2", width, width, 3, 2));
    const positions = g.initializer(
      floatTensor(
        "model.encoder.embed_positions.weight",
        [WHISPER_IO.audioPositions, width],
        rng.floats(WHISPER_IO.audioPositions * width, 0.1),
      ),
    );
    return g.op("Add", [g.op("Transpose", [c2], { perm: [0, 2, 1] }), positions]);
  });
  let h = stem;
  for (let i = 0; i < dims.encoderLayers; i++) {
    const param = `model.encoder.layers.${i}`;
    h = g.scoped(param, () => {
      const normed = layerNorm(g, h, `${param}.self_attn_layer_norm`, width);
      const attn = `${param}.self_attn`;
      const query = queryOf(g, q, normed, attn, dims);
      const { key, value } = keyValueOf(g, q, normed, attn, dims);
      const residual = g.op("Add", [h, attend(g, q, attn, dims, { query, key, value })]);
      const ff = feedForward(g, q, layerNorm(g, residual, `${param}.final_layer_norm`, width), param, dims);
      return g.op("Add", [residual, ff]);
    });
  }
  layerNorm(g, h, "model.encoder.layer_norm", width, ENCODER_OUTPUT);
  g.output(ENCODER_OUTPUT, DataType.FLOAT, ["batch_size", WHISPER_IO.audioPositions, width]);
  return g.toModel();
}
