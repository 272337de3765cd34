import type { onnx as Onnx } from "onnx-proto";
import { DataType, floatTensor, GraphBuilder } from "./onnx-builder";
import type { Rng } from "./prng";
import { DynamicQuantizer } from "./quantized-linear";
import type { VisionDims } from "./sizes";
import { encoder, layerNorm } from "./transformer";

export const VISION_INPUT = "pixel_values";
export const VISION_OUTPUT = "image_embeds";

/**
 * CLIPVisionModelWithProjection as optimum exports it (`clip-vision-with-projection`), after
 * quantize_dynamic: pixel_values [batch, 3, 224, 224] -> image_embeds [batch, projection] (not
 * normalised) and last_hidden_state [batch, 1 + patches, width] (before the post-layernorm).
 */
export function visionModel(dims: VisionDims, projection: number, rng: Rng): Onnx.IModelProto {
  const g = new GraphBuilder();
  const q = new DynamicQuantizer(g, rng, "uint8");
  const { width, patch, image, channels } = dims;
  const tokens = (image / patch) ** 2 + 1;
  const pixels = g.input(VISION_INPUT, DataType.FLOAT, ["batch_size", "num_channels", "height", "width"]);

  const embeddings = g.scoped("vision_model.embeddings", () => {
    const grid = q.patchConv(pixels, "vision_model.embeddings.patch_embedding", channels, width, patch);
    const patches = g.op("Transpose", [g.op("Reshape", [grid, g.int64s([0, width, -1])])], {
      perm: [0, 2, 1],
    });
    const classEmbedding = g.initializer(
      floatTensor("vision_model.embeddings.class_embedding", [1, 1, width], rng.floats(width, 1)),
    );
    const batch = g.op("Slice", [g.op("Shape", [pixels]), g.int64s([0]), g.int64s([1])]);
    const classToken = g.op("Expand", [
      classEmbedding,
      g.op("Concat", [batch, g.int64s([1, 1])], { axis: 0 }),
    ]);
    const sequence = g.op("Concat", [classToken, patches], { axis: 1 });
    // torch.onnx folds Gather(position_embedding, position_ids) into one constant: it stays float.
    const positions = g.initializer(
      floatTensor(
        "vision_model.embeddings.position_embedding",
        [1, tokens, width],
        rng.floats(tokens * width, 0.1),
      ),
    );
    return g.op("Add", [sequence, positions]);
  });

  const hidden = layerNorm(g, embeddings, "vision_model.pre_layrnorm", width);
  const last = encoder(g, q, hidden, "vision_model.encoder", dims, { output: "last_hidden_state" });
  const pooled = g.scoped("vision_model", () => g.op("Gather", [last, g.int64s([0], [])], { axis: 1 }));
  const normed = layerNorm(g, pooled, "vision_model.post_layernorm", width);
  q.linear(normed, "visual_projection", width, projection, { bias: false, output: VISION_OUTPUT });

  g.output(VISION_OUTPUT, DataType.FLOAT, ["batch_size", projection]);
  g.output("last_hidden_state", DataType.FLOAT, ["batch_size", tokens, width]);
  return g.toModel();
}
