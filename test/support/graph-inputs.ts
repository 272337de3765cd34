import onnxProto, { type onnx as Onnx } from "onnx-proto";
import * as ortNode from "onnxruntime-node";
import { cacheNames } from "../../src/synthetic/whisper/decoder";
import type { WhisperDims } from "../../src/synthetic/whisper/sizes";

const { ModelProto } = onnxProto.onnx;

/** A deep copy of a graph, for rewriting one while keeping the other. */
export const copyModel = (model: Onnx.IModelProto) => ModelProto.decode(ModelProto.encode(model).finish());

/** `n` floats in [-0.5, 0.5) from a linear congruential generator: the same inputs on every run. */
export function seededFloats(n: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 2 ** 32 - 0.5;
  });
}

/**
 * Feeds for one step of a synthetic merged Whisper decoder (onnxruntime-node): the first (`ids` the
 * prompt, no cache) or a cached one (`ids` one token, 3 tokens in the self-attention cache and the 1500
 * cross-attention rows), every float input seeded from `seed`.
 */
export function decoderStepFeeds(
  dims: WhisperDims,
  step: { ids: bigint[]; cached: boolean; seed: number },
): Record<string, ortNode.Tensor> {
  const headDim = dims.width / dims.heads;
  const { ids, cached, seed } = step;
  const feeds: Record<string, ortNode.Tensor> = {
    input_ids: new ortNode.Tensor("int64", BigInt64Array.from(ids), [1, ids.length]),
    encoder_hidden_states: new ortNode.Tensor("float32", seededFloats(1500 * dims.width, seed), [
      1,
      1500,
      dims.width,
    ]),
    use_cache_branch: new ortNode.Tensor("bool", Uint8Array.of(cached ? 1 : 0), [1]),
  };
  cacheNames(dims.decoderLayers, "past_key_values").forEach((name, i) => {
    const length = !cached ? 0 : name.includes(".encoder.") ? 1500 : 3;
    const data = seededFloats(dims.heads * length * headDim, seed + 10 + i);
    feeds[name] = new ortNode.Tensor("float32", data, [1, dims.heads, length, headDim]);
  });
  return feeds;
}

/** One run of a graph (or an ORT-format file's bytes) on onnxruntime-node, one thread; the session released. */
export async function runOnce(
  model: Onnx.IModelProto | Uint8Array,
  feeds: Record<string, ortNode.Tensor>,
): Promise<ortNode.InferenceSession.OnnxValueMapType> {
  const bytes = model instanceof Uint8Array ? model : ModelProto.encode(model).finish();
  const session = await ortNode.InferenceSession.create(bytes, {
    executionProviders: ["cpu"],
    intraOpNumThreads: 1,
  });
  try {
    return await session.run(feeds);
  } finally {
    await session.release();
  }
}
