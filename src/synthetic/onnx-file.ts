import onnxProto, { type onnx as Onnx } from "onnx-proto";

const { ModelProto, TensorProto } = onnxProto.onnx;

/** onnx's own default: tensors smaller than this stay inside the .onnx file. */
const EXTERNAL_THRESHOLD = 1024;
// Lets a loader use tensors in place (float views need aligned offsets); costs a few bytes per tensor.
const EXTERNAL_ALIGNMENT = 64;

export interface EncodedModel {
  onnx: Uint8Array;
  /** The external data file's bytes, when the weights were moved out of the .onnx. */
  data?: Uint8Array;
}

/**
 * Serialises a model. With `externalDataName`, initializers of EXTERNAL_THRESHOLD bytes or more move
 * to one data file of that name (relative to the .onnx), as `onnx.save_model(save_as_external_data=True)`
 * lays them out. At most two copies of the weights exist at once: the tensors and the output.
 */
export function encodeModel(model: Onnx.IModelProto, externalDataName?: string): EncodedModel {
  if (!externalDataName) return { onnx: ModelProto.encode(model).finish() };
  const graph = model.graph!;
  let size = 0;
  const placed = graph.initializer!.map((t) => {
    const length = t.rawData!.length;
    if (length < EXTERNAL_THRESHOLD) return { t, offset: -1 };
    const offset = Math.ceil(size / EXTERNAL_ALIGNMENT) * EXTERNAL_ALIGNMENT;
    size = offset + length;
    return { t, offset };
  });
  const data = new Uint8Array(size);
  const initializer = placed.map(({ t, offset }): Onnx.ITensorProto => {
    if (offset < 0) return t;
    data.set(t.rawData!, offset);
    const externalData = [
      { key: "location", value: externalDataName },
      { key: "offset", value: String(offset) },
      { key: "length", value: String(t.rawData!.length) },
    ];
    return { ...t, rawData: null, dataLocation: TensorProto.DataLocation.EXTERNAL, externalData };
  });
  const onnx = ModelProto.encode({ ...model, graph: { ...graph, initializer } }).finish();
  return { onnx, data };
}
