import type { onnx as Onnx } from "onnx-proto";
import onnxProto from "onnx-proto";
import { indexGraph } from "./graph-index";

const { TensorProto, AttributeProto } = onnxProto.onnx;

/** Ops that compute each element from the same element of their inputs (and broadcast operands). */
const ELEMENTWISE = new Set([
  "Cast",
  "Mul",
  "Add",
  "Sub",
  "Div",
  "Erf",
  "Sqrt",
  "Tanh",
  "Sigmoid",
  "Relu",
  "Neg",
]);

export interface SliceRowsOptions {
  /** Length of the rows axis (second to last) of the sliced inputs: 1500 in Whisper's encoder. */
  rows: number;
  /** Rows per slice; must divide `rows`, so that every slice's buffers have one size. */
  rowsPerChunk: number;
}

/** Graph edits shared by the row-slicing rewrites: int64 constants and unique names. */
export class RowSlicer {
  readonly chunks: number;
  private readonly bounds: string[];
  private readonly axes: string;

  constructor(
    private readonly graph: Onnx.IGraphProto,
    options: SliceRowsOptions,
    prefix: string,
  ) {
    const { rows, rowsPerChunk } = options;
    if (!(Number.isInteger(rowsPerChunk) && rowsPerChunk > 0 && rows % rowsPerChunk === 0)) {
      throw new Error(`rowsPerChunk ${rowsPerChunk} must divide the ${rows} rows`);
    }
    this.chunks = rows / rowsPerChunk;
    const base = uniquePrefix(graph, prefix);
    this.axes = this.int64(`${base}axes`, [-2]);
    this.bounds = Array.from({ length: this.chunks + 1 }, (_, i) =>
      this.int64(`${base}row_${i}`, [i * rowsPerChunk]),
    );
  }

  /** A Slice node taking slice `c` of `input`'s rows. */
  slice(input: string, c: number, name: string): Onnx.INodeProto {
    return {
      name,
      opType: "Slice",
      input: [input, this.bounds[c], this.bounds[c + 1], this.axes],
      output: [`${name}_output_0`],
      attribute: [],
    };
  }

  /** A Concat node joining the slices back along the rows axis, under the original name. */
  concat(inputs: string[], output: string, name: string): Onnx.INodeProto {
    return {
      name,
      opType: "Concat",
      input: inputs,
      output: [output],
      attribute: [{ name: "axis", type: AttributeProto.AttributeType.INT, i: -2 }],
    };
  }

  private int64(name: string, values: number[]): string {
    this.graph.initializer!.push({
      name,
      dataType: TensorProto.DataType.INT64,
      dims: [values.length],
      rawData: new Uint8Array(BigInt64Array.from(values, BigInt).buffer),
    });
    return name;
  }
}

/** `prefix`, or `prefix` with a number, such that no initializer or node output name starts with it. */
function uniquePrefix(graph: Onnx.IGraphProto, prefix: string): string {
  const taken = (p: string) =>
    graph.initializer!.some((t) => t.name!.startsWith(p)) ||
    graph.node!.some((n) => n.output!.some((o) => o.startsWith(p)));
  let candidate = `${prefix}/`;
  for (let i = 1; taken(candidate); i++) candidate = `${prefix}_${i}/`;
  return candidate;
}

/**
 * Rewrites each widening projection (MatMulInteger or MatMul by a constant [k, n] weight with n > k: a
 * transformer's first feed-forward layer) and the elementwise ops after it (bias, scale, GELU) to run a
 * slice of rows at a time, up to where its result leaves for a non-elementwise op (the next layer's
 * DynamicQuantizeLinear, which needs the whole tensor's range): each slice's [rows/k, n] tensors are freed
 * before the next is made, and only the joined result is whole. Rows of a matrix product and of elementwise
 * ops are independent, and the input is sliced after its quantisation, so the result is the same. Returns
 * how many it rewrote.
 */
export function sliceFeedForward(model: Onnx.IModelProto, options: SliceRowsOptions): number {
  const graph = model.graph!;
  const constants = new Map(graph.initializer!.map((t) => [t.name!, t]));
  const { producer, readers, graphOutputs } = indexGraph(graph);

  // Values with no rows axis: rank-0/1 constants, DynamicQuantizeLinear's scale and zero point, and
  // elementwise results of those (a broadcast operand that is the same for every row).
  const rowFree = new Map<string, boolean>();
  const isRowFree = (name: string): boolean => {
    const known = rowFree.get(name);
    if (known !== undefined) return known;
    rowFree.set(name, false); // no cycles in a graph, but stay safe
    let free = false;
    const t = constants.get(name);
    const node = producer.get(name);
    if (t) free = (t.dims ?? []).length <= 1;
    else if (node?.opType === "Constant") {
      const value = node.attribute!.find((a) => a.name === "value")?.t;
      free = !!value && (value.dims ?? []).length <= 1;
    } else if (node?.opType === "DynamicQuantizeLinear") free = node.output!.indexOf(name) > 0;
    else if (node && ELEMENTWISE.has(node.opType!) && !node.domain) free = node.input!.every(isRowFree);
    rowFree.set(name, free);
    return free;
  };

  const widening = graph.node!.filter((n) => {
    if (n.domain || (n.opType !== "MatMulInteger" && n.opType !== "MatMul")) return false;
    const weight = constants.get(n.input![1]);
    const dims = (weight?.dims ?? []).map(Number);
    return dims.length === 2 && dims[1] > dims[0];
  });
  if (widening.length === 0) return 0;
  const slicer = new RowSlicer(graph, options, "sliced_rows");

  const replaced = new Map<Onnx.INodeProto, Onnx.INodeProto[]>();
  const removed = new Set<Onnx.INodeProto>();
  for (const start of widening) {
    // The region: the projection and every elementwise op whose row-bearing inputs all come from it.
    const region = new Set<Onnx.INodeProto>([start]);
    const values = new Set<string>(start.output!);
    for (const n of graph.node!) {
      if (region.has(n) || removed.has(n) || !ELEMENTWISE.has(n.opType!) || n.domain) continue;
      const fromRegion = n.input!.filter((i) => values.has(i));
      if (fromRegion.length > 0 && n.input!.every((i) => values.has(i) || isRowFree(i))) {
        region.add(n);
        for (const o of n.output!) values.add(o);
      }
    }
    const exits = [...values].filter(
      (v) => graphOutputs.has(v) || (readers.get(v) ?? []).some((r) => !region.has(r)),
    );
    const ordered = graph.node!.filter((n) => region.has(n));
    const last = ordered[ordered.length - 1];
    // One result, made by the region's last node: then one slice is alive at a time; else leave it.
    if (exits.length !== 1 || !last.output!.includes(exits[0])) continue;
    const nodes: Onnx.INodeProto[] = [];
    const parts: string[] = [];
    for (let c = 0; c < slicer.chunks; c++) {
      const renamed = new Map<string, string>();
      const slice = slicer.slice(start.input![0], c, `${start.name ?? start.output![0]}/Slice/rows_${c}`);
      nodes.push(slice);
      for (const n of ordered) {
        const name = `${n.name ?? n.output![0]}/rows_${c}`;
        const input = n.input!.map((i, index) =>
          n === start && index === 0 ? slice.output![0] : (renamed.get(i) ?? i),
        );
        const output = n.output!.map((_, index) => `${name}_output_${index}`);
        for (const [index, o] of n.output!.entries()) renamed.set(o, output[index]);
        nodes.push({ ...n, name, input, output });
      }
      parts.push(renamed.get(exits[0])!);
    }
    nodes.push(slicer.concat(parts, exits[0], `${last.name ?? exits[0]}/Concat`));
    // In place of the region's last node: every input of the region exists by then (original order).
    replaced.set(last, nodes);
    for (const n of ordered) if (n !== last) removed.add(n);
  }
  graph.node = graph.node!.flatMap((n) => replaced.get(n) ?? (removed.has(n) ? [] : [n]));
  return replaced.size;
}
