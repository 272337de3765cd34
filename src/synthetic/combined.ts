import type { onnx as Onnx } from "onnx-proto";
import { DataType, floatTensor } from "./onnx-builder";

export const COMBINED_FILE = "onnx/model_quantized.onnx";

/**
 * CLIPModel as optimum exports it (`clip`): both towers in one graph, inputs input_ids, pixel_values and
 * attention_mask, outputs logits_per_image [images, texts], logits_per_text, text_embeds and image_embeds
 * (both unit length). Nothing of ours reads it; Transformers.js's zero-shot pipeline loads only this file.
 *
 * Built from the two towers' graphs, so its weights are theirs byte for byte. Every internal name gets
 * its tower's prefix (both graphs have `const_0`, `last_hidden_state`...). attention_mask is accepted and
 * unused, as in our text tower: padding is the end token and pooling takes its first position.
 */
export function combinedModel(
  vision: Onnx.IModelProto,
  text: Onnx.IModelProto,
  logitScale: number,
): Onnx.IModelProto {
  const v = prefixed(vision.graph!, "vision:", "pixel_values");
  const t = prefixed(text.graph!, "text:", "input_ids");
  const nodes: Onnx.INodeProto[] = [...v.node!, ...t.node!];
  const op = (opType: string, input: string[], output: string, attribute: Onnx.IAttributeProto[] = []) => {
    nodes.push({ name: `/${output}`, opType, input, output: [output], attribute });
    return output;
  };
  const ints = (name: string, values: number[]) => ({ name, type: 7, ints: values });
  const int = (name: string, value: number) => ({ name, type: 2, i: value });
  // x / ||x|| over the last axis, as CLIPModel.forward does before the dot products.
  const unit = (x: string, output: string) =>
    op("Div", [x, op("ReduceL2", [x], `${output}_norm`, [ints("axes", [-1]), int("keepdims", 1)])], output);
  const imageEmbeds = unit("vision:image_embeds", "image_embeds");
  const textEmbeds = unit("text:text_embeds", "text_embeds");
  const scale = floatTensor("logit_scale", [], Float32Array.of(logitScale));
  const similarity = op("MatMul", [textEmbeds, op("Transpose", [imageEmbeds], "image_embeds_t")], "cosine");
  const logitsPerText = op("Mul", [similarity, "logit_scale"], "logits_per_text");
  op("Transpose", [logitsPerText], "logits_per_image");

  const info = (name: string, elemType: number, dims: (number | string)[]) => ({
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
      },
    },
  });
  const projection = Number(dimsOf(vision.graph!, "image_embeds")[1]);
  return {
    ...vision,
    graph: {
      name: "main_graph",
      node: nodes,
      initializer: [...v.initializer!, ...t.initializer!, scale],
      input: [
        info("input_ids", DataType.INT64, ["text_batch_size", "sequence_length"]),
        info("pixel_values", DataType.FLOAT, ["image_batch_size", "num_channels", "height", "width"]),
        info("attention_mask", DataType.INT64, ["text_batch_size", "sequence_length"]),
      ],
      output: [
        info("logits_per_image", DataType.FLOAT, ["image_batch_size", "text_batch_size"]),
        info("logits_per_text", DataType.FLOAT, ["text_batch_size", "image_batch_size"]),
        info("text_embeds", DataType.FLOAT, ["text_batch_size", projection]),
        info("image_embeds", DataType.FLOAT, ["image_batch_size", projection]),
      ],
    },
  };
}

function dimsOf(graph: Onnx.IGraphProto, output: string) {
  const dims = graph.output!.find((o) => o.name === output)!.type!.tensorType!.shape!.dim!;
  return dims.map((d) => (d.dimParam ? d.dimParam : Number(d.dimValue)));
}

/** The graph's nodes and initializers with every tensor and node name prefixed, but its one input's. */
function prefixed(graph: Onnx.IGraphProto, prefix: string, input: string): Onnx.IGraphProto {
  const rename = (name: string) => (name === "" || name === input ? name : prefix + name);
  return {
    node: graph.node!.map((n) => ({
      ...n,
      name: rename(n.name ?? ""),
      input: n.input!.map(rename),
      output: n.output!.map(rename),
    })),
    initializer: graph.initializer!.map((t) => ({ ...t, name: rename(t.name!) })),
  };
}
