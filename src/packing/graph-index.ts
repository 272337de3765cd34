import type { onnx as Onnx } from "onnx-proto";

/** Who makes each value of a graph, who reads it, and which values leave it: what a rewrite looks up. */
export interface GraphIndex {
  producer: Map<string, Onnx.INodeProto>;
  readers: Map<string, Onnx.INodeProto[]>;
  graphOutputs: Set<string>;
}

export function indexGraph(graph: Onnx.IGraphProto): GraphIndex {
  const producer = new Map<string, Onnx.INodeProto>();
  const readers = new Map<string, Onnx.INodeProto[]>();
  for (const n of graph.node!) {
    for (const o of n.output!) producer.set(o, n);
    for (const i of n.input!) readers.set(i, [...(readers.get(i) ?? []), n]);
  }
  return { producer, readers, graphOutputs: new Set(graph.output!.map((o) => o.name!)) };
}
