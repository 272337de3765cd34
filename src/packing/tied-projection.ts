import type { onnx as Onnx } from "onnx-proto";
import onnxProto from "onnx-proto";
import { indexGraph } from "./graph-index";

const { AttributeProto, TensorProto } = onnxProto.onnx;

/**
 * Whisper's output projection is tied to its token embedding. In Xenova's quantised decoders the table is
 * stored once, uint8 [vocab, width] with one scale and zero point (quantize_dynamic quantised it for the
 * embedding's Gather), and proj_out reads it as MatMul(x, DequantizeLinear(Transpose(table))): ORT folds
 * the Transpose into a uint8 copy per `If` branch when the session is made (tiny: +20 MB each) and, not folding a
 * DequantizeLinear, makes the whole table float32 on every step (tiny: 80 MB, in a 128 MB isolate).
 *
 * This reads the table in place instead, as the left operand of an integer matrix product:
 *
 *   logits^T [vocab, rows] = MatMulInteger(table, quantised(x)^T) * (table scale * x scale)
 *
 * with x quantised as quantize_dynamic quantises every other layer's input (DynamicQuantizeLinear, uint8,
 * one range): the table stays one copy, and nothing of the vocabulary's size but the int32 logits is
 * made. The arithmetic is every other projection's, so greedy decoding can part from the float product
 * at a near tie (test/node/tied-projection.test.ts measures it). Rewrites each such MatMul in the graph
 * and its `If` branches (a merged decoder has one per branch); returns how many.
 */
export function integerTiedProjection(model: Onnx.IModelProto): number {
  const graph = model.graph!;
  const initializers = new Map(graph.initializer!.map((t) => [t.name!, t]));
  let rewritten = 0;
  const visit = (g: Onnx.IGraphProto) => {
    for (const t of g.initializer ?? []) if (!initializers.has(t.name!)) initializers.set(t.name!, t);
    rewritten += rewriteGraph(g, initializers);
    for (const node of g.node!) {
      for (const a of node.attribute ?? [])
        if (a.type === AttributeProto.AttributeType.GRAPH && a.g) visit(a.g);
    }
  };
  visit(graph);
  return rewritten;
}

interface TiedTable {
  table: Onnx.ITensorProto;
  scale: string;
  zeroPoint: string;
  /** The Transpose and DequantizeLinear between the table and the MatMul. */
  path: Onnx.INodeProto[];
}

function rewriteGraph(graph: Onnx.IGraphProto, initializers: Map<string, Onnx.ITensorProto>): number {
  const { producer, readers, graphOutputs } = indexGraph(graph);
  let rewritten = 0;
  for (const matmul of [...graph.node!]) {
    if (matmul.opType !== "MatMul" || matmul.domain) continue;
    const tied = tiedTableOf(matmul.input![1], producer, initializers);
    if (!tied) continue;
    const at = graph.node!.indexOf(matmul);
    graph.node!.splice(at, 1, ...integerProduct(matmul, tied));
    // What fed only this product (nearest first) goes: nothing reads it now.
    const gone = new Set([matmul]);
    for (const n of tied.path) {
      const read = n.output!.some(
        (o) => graphOutputs.has(o) || (readers.get(o) ?? []).some((r) => !gone.has(r)),
      );
      if (read) break;
      gone.add(n);
    }
    graph.node = graph.node!.filter((x) => !gone.has(x));
    rewritten++;
  }
  return rewritten;
}

/** The uint8 [vocab, width] table behind B = DequantizeLinear and Transpose (either order), per tensor. */
function tiedTableOf(
  b: string,
  producer: Map<string, Onnx.INodeProto>,
  initializers: Map<string, Onnx.ITensorProto>,
): TiedTable | undefined {
  const path: Onnx.INodeProto[] = [];
  let name = b;
  let transposed = false;
  let dequantize: Onnx.INodeProto | undefined;
  for (let p = producer.get(name); p && !p.domain; p = producer.get(name)) {
    if (p.opType === "Transpose" && !transposed && isSwap(p)) transposed = true;
    else if (p.opType === "DequantizeLinear" && !dequantize) dequantize = p;
    else return undefined;
    path.push(p);
    name = p.input![0];
  }
  const table = initializers.get(name);
  if (!transposed || !dequantize || !table) return undefined;
  const [scale, zeroPoint] = [dequantize.input![1], dequantize.input![2]];
  const isScalar = (n: string | undefined) => n && initializers.get(n)?.dims?.length === 0;
  if (table.dataType !== TensorProto.DataType.UINT8 || table.dims?.length !== 2) return undefined;
  if (!isScalar(scale) || !isScalar(zeroPoint)) return undefined;
  if (initializers.get(zeroPoint!)!.dataType !== TensorProto.DataType.UINT8) return undefined;
  return { table, scale: scale!, zeroPoint: zeroPoint!, path };
}

/** MatMul(x, table^T) for x [..., width], by MatMulInteger over the table read in place. */
function integerProduct(matmul: Onnx.INodeProto, tied: TiedTable): Onnx.INodeProto[] {
  const base = matmul.name ?? matmul.output![0];
  const n = (suffix: string) => `${base}/integer/${suffix}`;
  const [vocab, width] = tied.table.dims!.map(Number);
  const x = matmul.input![0];
  const nodes: Onnx.INodeProto[] = [];
  const add = (opType: string, suffix: string, input: string[], attributes: Onnx.IAttributeProto[] = []) => {
    const name = n(suffix);
    nodes.push({ name, opType, input, output: [name], attribute: attributes });
    return name;
  };
  const ints = (suffix: string, values: number[]) =>
    add(
      "Constant",
      suffix,
      [],
      [
        {
          name: "value",
          type: AttributeProto.AttributeType.TENSOR,
          t: {
            name: n(suffix),
            dataType: TensorProto.DataType.INT64,
            dims: [values.length],
            int64Data: values,
          },
        },
      ],
    );
  const swap = [{ name: "perm", type: AttributeProto.AttributeType.INTS, ints: [1, 0] }];

  const rows = add("Reshape", "rows", [x, ints("rows_shape", [-1, width])]);
  const [q, scale, zeroPoint] = [n("x_quantized"), n("x_scale"), n("x_zero_point")];
  nodes.push({
    name: n("quantize"),
    opType: "DynamicQuantizeLinear",
    input: [rows],
    output: [q, scale, zeroPoint],
  });
  const columns = add("Transpose", "columns", [q], swap);
  const product = add("MatMulInteger", "product", [tied.table.name!, columns, tied.zeroPoint, zeroPoint]);
  const perRow = add("Transpose", "per_row", [product], swap);
  const float = add(
    "Cast",
    "float",
    [perRow],
    [{ name: "to", type: AttributeProto.AttributeType.INT, i: TensorProto.DataType.FLOAT }],
  );
  const scaled = add("Mul", "scaled", [float, add("Mul", "scale", [tied.scale, scale])]);
  const leading = add("Slice", "leading", [
    add("Shape", "shape", [x]),
    ints("zero", [0]),
    ints("last", [-1]),
  ]);
  const shape = add(
    "Concat",
    "out_shape",
    [leading, ints("vocab", [vocab])],
    [{ name: "axis", type: AttributeProto.AttributeType.INT, i: 0 }],
  );
  nodes.push({ name: n("logits"), opType: "Reshape", input: [scaled, shape], output: [matmul.output![0]] });
  return nodes;
}

function isSwap(node: Onnx.INodeProto): boolean {
  const perm = attribute(node, "perm")?.ints?.map(Number);
  return perm?.length === 2 && perm[0] === 1 && perm[1] === 0;
}

function attribute(node: Onnx.INodeProto, name: string): Onnx.IAttributeProto | undefined {
  return node.attribute?.find((a) => a.name === name);
}
