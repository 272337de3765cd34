import type { onnx as Onnx } from "onnx-proto";
import onnxProto from "onnx-proto";
import { indexGraph } from "./graph-index";

const { TensorProto } = onnxProto.onnx;

/** Operators allowed between the scores' MatMul and the Softmax when their other operand is one number. */
const SCALAR_OPS = new Set(["Mul", "Div", "Add", "Sub"]);

export interface ChunkAttentionOptions {
  /** Length of the attended sequence (the query's second-to-last axis): 1500 in Whisper's encoder. */
  rows: number;
  /** Query rows per slice; `rows` should be a multiple, so that every slice's buffers have one size. */
  rowsPerChunk: number;
}

interface AttentionMatch {
  /** MatMul(query, keyT) -> scores. */
  scores: Onnx.INodeProto;
  /** Elementwise ops with a one-number operand between the scores and the Softmax (a scaling), and which
   * of their inputs is the chain's. */
  between: { node: Onnx.INodeProto; chainInput: number }[];
  softmax: Onnx.INodeProto;
  /** MatMul(probs, value) -> context. */
  context: Onnx.INodeProto;
}

/**
 * Rewrites every attention softmax(Q K^T [* s]) V of a graph so that it is computed a slice of query rows
 * at a time: Q is sliced on its second-to-last axis, each slice goes through its own MatMul, scaling,
 * Softmax and MatMul, and the slices' contexts are concatenated on the same axis. Rows of attention are
 * independent, so the result is the same; what changes is that only one slice's scores and probabilities
 * ([..., rowsPerChunk, keys] instead of [..., rows, keys]) are alive at a time. ORT runs nodes in a
 * depth-first order from the outputs, so each slice's chain runs before the next slice starts, and its
 * buffers are freed and reused by the next.
 *
 * Found by structure, not by name: MatMul -> (Mul|Div|Add|Sub by a one-element constant)* -> Softmax on
 * the last axis -> MatMul, each result read by the next node only; any rank (optimum's 3-D bmm form
 * [batch*heads, rows, keys] and the 4-D [batch, heads, rows, keys] alike). Returns how many it rewrote.
 */
export function chunkAttention(model: Onnx.IModelProto, options: ChunkAttentionOptions): number {
  const { rows, rowsPerChunk } = options;
  if (!(Number.isInteger(rowsPerChunk) && rowsPerChunk > 0 && rows % rowsPerChunk === 0)) {
    throw new Error(`rowsPerChunk ${rowsPerChunk} must divide the ${rows} rows`);
  }
  const graph = model.graph!;
  const opset = model.opsetImport?.find((o) => !o.domain)?.version ?? 1;
  if (Number(opset) < 13) throw new Error(`opset ${opset}: chunked attention needs opset 13 or later`);
  const matches = findAttention(graph);
  if (matches.length === 0 || rowsPerChunk === rows) return 0;

  const chunks = rows / rowsPerChunk;
  const int64 = (name: string, values: number[]): string => {
    graph.initializer!.push({
      name,
      dataType: TensorProto.DataType.INT64,
      dims: [values.length],
      rawData: new Uint8Array(BigInt64Array.from(values, BigInt).buffer),
    });
    return name;
  };
  const prefix = uniquePrefix(graph);
  const axes = int64(`${prefix}axes`, [-2]);
  const bounds = Array.from({ length: chunks + 1 }, (_, i) => int64(`${prefix}row_${i}`, [i * rowsPerChunk]));

  const replaced = new Map<Onnx.INodeProto, Onnx.INodeProto[]>();
  const removed = new Set<Onnx.INodeProto>();
  for (const match of matches) {
    const nodes: Onnx.INodeProto[] = [];
    const contexts: string[] = [];
    const [query, keyT] = match.scores.input!;
    const value = match.context.input![1];
    for (let c = 0; c < chunks; c++) {
      const part = (node: Onnx.INodeProto, inputs: string[]): string => {
        const name = `${node.name ?? node.output![0]}/rows_${c}`;
        nodes.push({ ...node, name, input: inputs, output: [`${name}_output_0`] });
        return `${name}_output_0`;
      };
      const slice: Onnx.INodeProto = {
        name: `${match.scores.name ?? query}/Slice`,
        opType: "Slice",
        attribute: [],
      };
      let x = part(slice, [query, bounds[c], bounds[c + 1], axes]);
      x = part(match.scores, [x, keyT]);
      for (const { node, chainInput } of match.between) {
        const chained = x;
        x = part(
          node,
          node.input!.map((name, i) => (i === chainInput ? chained : name)),
        );
      }
      x = part(match.softmax, [x]);
      contexts.push(part(match.context, [x, value]));
    }
    nodes.push({
      name: `${match.context.name ?? match.context.output![0]}/Concat`,
      opType: "Concat",
      input: contexts,
      output: [match.context.output![0]],
      attribute: [{ name: "axis", type: onnxProto.onnx.AttributeProto.AttributeType.INT, i: -2 }],
    });
    replaced.set(match.context, nodes);
    for (const n of [match.scores, ...match.between.map((b) => b.node), match.softmax]) removed.add(n);
  }
  graph.node = graph.node!.flatMap((n) => replaced.get(n) ?? (removed.has(n) ? [] : [n]));
  return matches.length;
}

function findAttention(graph: Onnx.IGraphProto): AttentionMatch[] {
  const { producer, readers, graphOutputs } = indexGraph(graph);
  const onlyReader = (name: string): Onnx.INodeProto | undefined => {
    const list = readers.get(name) ?? [];
    return list.length === 1 && !graphOutputs.has(name) ? list[0] : undefined;
  };
  const oneNumber = oneElementConstants(graph);

  const matches: AttentionMatch[] = [];
  for (const softmax of graph.node!) {
    if (softmax.opType !== "Softmax" || softmax.domain) continue;
    const axis = softmax.attribute!.find((a) => a.name === "axis");
    if (Number(axis?.i ?? -1) !== -1) continue;
    const context = onlyReader(softmax.output![0]);
    if (context?.opType !== "MatMul" || context.input![0] !== softmax.output![0]) continue;
    const between: AttentionMatch["between"] = [];
    let x = softmax.input![0];
    let node = producer.get(x);
    while (node && SCALAR_OPS.has(node.opType!) && !node.domain && onlyReader(x) !== undefined) {
      const [a, b] = node.input!;
      const chainInput = oneNumber.has(b) ? 0 : oneNumber.has(a) ? 1 : -1;
      // x * c, c * x, x + c, c + x, x / c and x - c: each row scaled or shifted by itself.
      if (chainInput < 0 || ((node.opType === "Div" || node.opType === "Sub") && chainInput !== 0)) break;
      between.unshift({ node, chainInput });
      x = node.input![chainInput];
      node = producer.get(x);
    }
    if (node?.opType !== "MatMul" || node.domain || onlyReader(x) === undefined) continue;
    matches.push({ scores: node, between, softmax, context });
  }
  return matches;
}

/** Names of initializers and Constant outputs holding exactly one number (a scalar or a [1] tensor). */
function oneElementConstants(graph: Onnx.IGraphProto): Set<string> {
  const names = new Set<string>();
  const single = (t: Onnx.ITensorProto | null | undefined) =>
    !!t && (t.dims ?? []).reduce((a: number, d) => a * Number(d), 1) === 1;
  for (const t of graph.initializer!) if (single(t)) names.add(t.name!);
  for (const n of graph.node!) {
    if (n.opType !== "Constant") continue;
    const value = n.attribute!.find((a) => a.name === "value");
    if (single(value?.t) || n.attribute!.some((a) => a.name === "value_float")) names.add(n.output![0]);
  }
  return names;
}

/** A name prefix no initializer or value of the graph starts with. */
function uniquePrefix(graph: Onnx.IGraphProto): string {
  const taken = (p: string) =>
    graph.initializer!.some((t) => t.name!.startsWith(p)) ||
    graph.node!.some((n) => n.output!.some((o) => o.startsWith(p)));
  let prefix = "chunked_attention/";
  for (let i = 1; taken(prefix); i++) prefix = `chunked_attention_${i}/`;
  return prefix;
}
