import type { onnx as Onnx } from "onnx-proto";
import onnxProto from "onnx-proto";

const { TensorProto } = onnxProto.onnx;

/** The vision encoder's residual sum after layer `k` (0-based), as optimum's export names it. */
export function layerOutputName(graph: Onnx.IGraphProto, layer: number): string {
  const node = graph.node!.find(
    (n) => /\/encoder\/layers\.(\d+)\/Add_1$/.exec(n.name ?? "")?.[1] === `${layer}`,
  );
  if (!node) throw new Error(`no residual Add for encoder layer ${layer} in ${graph.name ?? "the graph"}`);
  return node.output![0];
}

/** Number of encoder layers (highest `layers.N` in node names, plus one). */
export function encoderLayers(graph: Onnx.IGraphProto): number {
  let highest = -1;
  for (const n of graph.node!) {
    const match = /\/encoder\/layers\.(\d+)\//.exec(n.name ?? "");
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest + 1;
}

/**
 * Cuts a graph at one float tensor: stage 1 computes `cut` from the graph's inputs; stage 2 computes the
 * graph's outputs from `cut`. Each keeps only the nodes it needs (found by walking back from its outputs)
 * and the initializers those nodes use, in the original order (which is topological).
 */
export function splitAt(model: Onnx.IModelProto, cut: string): [Onnx.IModelProto, Onnx.IModelProto] {
  const graph = model.graph!;
  const cutInfo: Onnx.IValueInfoProto = {
    name: cut,
    type: {
      tensorType: {
        elemType: TensorProto.DataType.FLOAT,
        shape: { dim: [{ dimParam: "batch_size" }, { dimParam: "tokens" }, { dimParam: "width" }] },
      },
    },
  };
  const first = subgraph(graph, [cut], new Set(), "stage 1");
  const second = subgraph(
    graph,
    graph.output!.map((o) => o.name!),
    new Set([cut]),
    "stage 2",
  );
  const inputs = new Set(graph.input!.map((i) => i.name!));
  const leak = [...second.needs].find((name) => inputs.has(name));
  if (leak) throw new Error(`cannot cut at ${cut}: stage 2 still needs graph input ${leak}`);
  return [
    withGraph(model, graph, first.nodes, graph.input!, [cutInfo]),
    withGraph(model, graph, second.nodes, [cutInfo], graph.output!),
  ];
}

function subgraph(graph: Onnx.IGraphProto, outputs: string[], stops: Set<string>, stage: string) {
  const producer = new Map<string, number>();
  graph.node!.forEach((n, i) => {
    for (const o of n.output!) producer.set(o, i);
  });
  const keep = new Set<number>();
  const needs = new Set<string>();
  const pending = [...outputs];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (needs.has(name)) continue;
    needs.add(name);
    if (stops.has(name)) continue;
    const index = producer.get(name);
    if (index === undefined) continue; // a graph input or an initializer
    if (graph.node![index].attribute!.some((a) => a.g || a.graphs?.length)) {
      throw new Error(
        `${stage}: node ${graph.node![index].name} has a subgraph; splitting it is not supported`,
      );
    }
    if (keep.has(index)) continue;
    keep.add(index);
    pending.push(...graph.node![index].input!.filter((i) => i !== ""));
  }
  return { nodes: graph.node!.filter((_, i) => keep.has(i)), needs };
}

function withGraph(
  model: Onnx.IModelProto,
  graph: Onnx.IGraphProto,
  nodes: Onnx.INodeProto[],
  input: Onnx.IValueInfoProto[],
  output: Onnx.IValueInfoProto[],
): Onnx.IModelProto {
  const used = new Set(nodes.flatMap((n) => n.input!));
  return {
    ...model,
    graph: {
      ...graph,
      node: nodes,
      input,
      output,
      initializer: graph.initializer!.filter((t) => used.has(t.name!)),
      valueInfo: (graph.valueInfo ?? []).filter((v) => used.has(v.name!)),
    },
  };
}
