import type { GraphBuilder } from "../onnx-builder";
import type { DynamicQuantizer } from "../quantized-linear";
import { splitHeads } from "../transformer";
import type { WhisperDims } from "./sizes";

/** torch.finfo(float32).min: what masked attention scores get. */
export const MASKED = -3.4028234663852886e38;

// As in the CLIP synthetic: query and key weights at twice the default scale make attention selective.
const ATTENTION_GAIN = 2;

/** gelu as torch.onnx writes it at opset 14: x * 0.5 * (1 + erf(x / sqrt 2)). */
export function gelu(g: GraphBuilder, x: string): string {
  const erf = g.op("Erf", [g.op("Div", [x, g.floatScalar(Math.SQRT2)])]);
  return g.op("Mul", [g.op("Mul", [x, g.op("Add", [erf, g.floatScalar(1)])]), g.floatScalar(0.5)]);
}

/** [batch, heads, seq, head_dim] from [batch, seq, width]: the layout of Whisper's key/value cache. */
function heads(g: GraphBuilder, x: string, dims: WhisperDims): string {
  return splitHeads(g, x, dims.heads, dims.width / dims.heads);
}

/** q_proj (with bias), scaled by head_dim^-0.5, split into heads. */
export function queryOf(g: GraphBuilder, q: DynamicQuantizer, x: string, param: string, dims: WhisperDims) {
  const query = q.linear(x, `${param}.q_proj`, dims.width, dims.width, { gain: ATTENTION_GAIN });
  return heads(g, g.op("Mul", [query, g.floatScalar((dims.width / dims.heads) ** -0.5)]), dims);
}

/** k_proj (Whisper's has no bias) and v_proj, split into heads. */
export function keyValueOf(
  g: GraphBuilder,
  q: DynamicQuantizer,
  x: string,
  param: string,
  dims: WhisperDims,
) {
  const key = q.linear(x, `${param}.k_proj`, dims.width, dims.width, { bias: false, gain: ATTENTION_GAIN });
  const value = q.linear(x, `${param}.v_proj`, dims.width, dims.width);
  return { key: heads(g, key, dims), value: heads(g, value, dims) };
}

/** softmax(q k^T + mask) v over [batch, heads, seq, head_dim], heads merged, then out_proj. */
export function attend(
  g: GraphBuilder,
  q: DynamicQuantizer,
  param: string,
  dims: WhisperDims,
  parts: { query: string; key: string; value: string; mask?: string },
): string {
  let scores = g.op("MatMul", [parts.query, g.op("Transpose", [parts.key], { perm: [0, 1, 3, 2] })]);
  if (parts.mask) scores = g.op("Add", [scores, parts.mask]);
  const context = g.op("MatMul", [g.op("Softmax", [scores], { axis: -1 }), parts.value]);
  const merged = g.op("Reshape", [
    g.op("Transpose", [context], { perm: [0, 2, 1, 3] }),
    g.int64s([0, 0, dims.width]),
  ]);
  return q.linear(merged, `${param}.out_proj`, dims.width, dims.width);
}

/** fc1, gelu, fc2. */
export function feedForward(
  g: GraphBuilder,
  q: DynamicQuantizer,
  x: string,
  param: string,
  dims: WhisperDims,
) {
  const hidden = q.linear(x, `${param}.fc1`, dims.width, dims.mlp);
  return q.linear(gelu(g, hidden), `${param}.fc2`, dims.mlp, dims.width);
}
