import type { onnx as Onnx } from "onnx-proto";
import onnxProto from "onnx-proto";
import { indexGraph } from "./graph-index";

const { AttributeProto, TensorProto } = onnxProto.onnx;

const CROSS_CACHE_OUTPUT = /^present\.\d+\.encoder\.(key|value)$/;
const CROSS_CACHE_INPUT = /^past_key_values\.\d+\.encoder\.(key|value)$/;

/**
 * A merged Whisper decoder's cached branch (the `If` branch taken when use_cache_branch is true) reads the
 * cross-attention keys and values from past_key_values.*.encoder.*: they never change after the first
 * step. Where that branch also hands them back as present.*.encoder.* (the input itself, or an Identity of
 * it), every later step would copy them (tiny: 18 MB) into an output the caller already has. This makes
 * those outputs constants of no elements instead, shaped as optimum's merge makes them (the first symbolic
 * dimension 0, other symbolic ones 1: [0, heads, 1, head_dim]), so the graph keeps its outputs and types
 * and the caller keeps feeding the first step's keys and values. Logits and the self-attention cache are
 * untouched. Returns how many outputs it rewrote (0 for optimum's exports, which are already so).
 */
export function emptyCachedCrossAttention(model: Onnx.IModelProto): number {
  const graph = model.graph!;
  const pastDims = new Map(
    graph.input!.filter((i) => CROSS_CACHE_INPUT.test(i.name!)).map((i) => [i.name!, i.type?.tensorType]),
  );
  let rewritten = 0;
  for (const node of graph.node!) {
    if (node.opType !== "If" || node.domain) continue;
    for (const attribute of node.attribute!) {
      if (attribute.type !== AttributeProto.AttributeType.GRAPH || !attribute.g) continue;
      const branch = attribute.g;
      const { producer, readers } = indexGraph(branch);
      const outputs = branch.output!;
      node.output!.forEach((name, i) => {
        if (!CROSS_CACHE_OUTPUT.test(name) || !outputs[i]) return;
        // Follow Identity nodes back to what the branch returns.
        const identities: Onnx.INodeProto[] = [];
        let source = outputs[i].name!;
        for (let p = producer.get(source); p?.opType === "Identity" && !p.domain; p = producer.get(source)) {
          identities.push(p);
          source = p.input![0];
        }
        const past = pastDims.get(source);
        if (!past || producer.has(source)) return; // computed in the branch, or not the past input
        const dims = emptyDims(past.shape?.dim ?? []);
        const empty = `${name}/empty_cross_cache`;
        branch.node!.push({
          name: empty,
          opType: "Constant",
          input: [],
          output: [empty],
          attribute: [
            {
              name: "value",
              type: AttributeProto.AttributeType.TENSOR,
              t: { name: "const_tensor", dataType: past.elemType ?? TensorProto.DataType.FLOAT, dims },
            },
          ],
        });
        outputs[i] = { ...outputs[i], name: empty };
        // The Identity chain fed only this output (or another link of it): nothing reads it now.
        const returned = new Set(outputs.map((o) => o.name!));
        const unused = identities.filter((n) =>
          n.output!.every(
            (o) => !returned.has(o) && (readers.get(o) ?? []).every((r) => identities.includes(r)),
          ),
        );
        branch.node = branch.node!.filter((n) => !unused.includes(n));
        rewritten++;
      });
    }
  }
  return rewritten;
}

/** optimum's dummy output shape: the first symbolic dimension 0, the others 1, fixed ones kept. */
function emptyDims(dims: Onnx.TensorShapeProto.IDimension[]): number[] {
  let zeroed = false;
  return dims.map((d) => {
    if (!d.dimParam) return Number(d.dimValue ?? 0);
    if (zeroed) return 1;
    zeroed = true;
    return 0;
  });
}
