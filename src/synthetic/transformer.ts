import { floatTensor, type GraphBuilder } from "./onnx-builder";
import type { DynamicQuantizer } from "./quantized-linear";

export interface EncoderDims {
  width: number;
  layers: number;
  heads: number;
  mlp: number;
}

/** LayerNorm as torch.onnx writes it below opset 17 (no LayerNormalization op yet). Gamma 1, beta 0. */
export function layerNorm(
  g: GraphBuilder,
  x: string,
  param: string,
  width: number,
  output?: string,
  gain = 1,
): string {
  const gamma = g.initializer(floatTensor(`${param}.weight`, [width], new Float32Array(width).fill(gain)));
  const beta = g.initializer(floatTensor(`${param}.bias`, [width], new Float32Array(width)));
  return g.scoped(param, () => {
    const mean = g.op("ReduceMean", [x], { axes: [-1], keepdims: 1 });
    const centred = g.op("Sub", [x, mean]);
    const squared = g.op("Pow", [centred, g.floatScalar(2)]);
    const variance = g.op("ReduceMean", [squared], { axes: [-1], keepdims: 1 });
    const std = g.op("Sqrt", [g.op("Add", [variance, g.floatScalar(1e-5)])]);
    const normalised = g.op("Div", [centred, std]);
    return g.op("Add", [g.op("Mul", [normalised, gamma]), beta], {}, output);
  });
}

/** [batch, seq, width] -> [batch, heads, seq, head_dim], or [batch, heads, head_dim, seq] for keys. */
export function splitHeads(
  g: GraphBuilder,
  x: string,
  heads: number,
  headDim: number,
  transposed = false,
): string {
  const reshaped = g.op("Reshape", [x, g.int64s([0, 0, heads, headDim])]);
  return g.op("Transpose", [reshaped], { perm: transposed ? [0, 2, 3, 1] : [0, 2, 1, 3] });
}

// Query and key weights twice the default scale make attention scores spread (std ~4) and softmax
// selective, as in trained models; with uniform attention every pooled token reads the same average and
// different inputs end up with nearly the same embedding.
const ATTENTION_GAIN = 2;

function attention(
  g: GraphBuilder,
  q: DynamicQuantizer,
  x: string,
  param: string,
  dims: EncoderDims,
  mask?: string,
) {
  const { width, heads } = dims;
  const headDim = width / heads;
  return g.scoped(param, () => {
    const query = q.linear(x, `${param}.q_proj`, width, width, { gain: ATTENTION_GAIN });
    const scaledQuery = g.op("Mul", [query, g.floatScalar(headDim ** -0.5)]);
    const key = q.linear(x, `${param}.k_proj`, width, width, { gain: ATTENTION_GAIN });
    const value = q.linear(x, `${param}.v_proj`, width, width);
    let scores = g.op("MatMul", [
      splitHeads(g, scaledQuery, heads, headDim),
      splitHeads(g, key, heads, headDim, true),
    ]);
    if (mask) scores = g.op("Add", [scores, mask]);
    const probs = g.op("Softmax", [scores], { axis: -1 });
    const context = g.op("MatMul", [probs, splitHeads(g, value, heads, headDim)]);
    const merged = g.op("Reshape", [
      g.op("Transpose", [context], { perm: [0, 2, 1, 3] }),
      g.int64s([0, 0, width]),
    ]);
    return q.linear(merged, `${param}.out_proj`, width, width);
  });
}

function mlp(g: GraphBuilder, q: DynamicQuantizer, x: string, param: string, dims: EncoderDims): string {
  return g.scoped(param, () => {
    const hidden = q.linear(x, `${param}.fc1`, dims.width, dims.mlp);
    // quick_gelu: x * sigmoid(1.702 x)
    const gate = g.op("Sigmoid", [g.op("Mul", [hidden, g.floatScalar(1.702)])]);
    return q.linear(g.op("Mul", [hidden, gate]), `${param}.fc2`, dims.mlp, dims.width);
  });
}

export interface EncoderOptions {
  /** Added to the attention scores (the text tower's causal mask). */
  mask?: string;
  /** Name of the result. */
  output?: string;
}

/** One pre-LN CLIP encoder layer: x + attn(ln1(x)), then + mlp(ln2(.)). */
function encoderLayer(
  g: GraphBuilder,
  q: DynamicQuantizer,
  x: string,
  param: string,
  dims: EncoderDims,
  options: EncoderOptions,
) {
  return g.scoped(param, () => {
    const normed = layerNorm(g, x, `${param}.layer_norm1`, dims.width);
    const attended = attention(g, q, normed, `${param}.self_attn`, dims, options.mask);
    const residual = g.op("Add", [x, attended]);
    const normedResidual = layerNorm(g, residual, `${param}.layer_norm2`, dims.width);
    const mlpOut = mlp(g, q, normedResidual, `${param}.mlp`, dims);
    return g.op("Add", [residual, mlpOut], {}, options.output);
  });
}

/** The encoder stack: `dims.layers` layers, the last one's result named `options.output`. */
export function encoder(
  g: GraphBuilder,
  q: DynamicQuantizer,
  x: string,
  param: string,
  dims: EncoderDims,
  options: EncoderOptions = {},
) {
  let h = x;
  for (let i = 0; i < dims.layers; i++) {
    const last = i === dims.layers - 1;
    h = encoderLayer(g, q, h, `${param}.layers.${i}`, dims, {
      mask: options.mask,
      output: last ? options.output : undefined,
    });
  }
  return h;
}
