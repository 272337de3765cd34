import type { onnx as Onnx } from "onnx-proto";

/** ONNX TensorProto.DataType codes used here. */
export const DataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7 } as const;
export type DataType = (typeof DataType)[keyof typeof DataType];

/** A fixed size, or the name of a dynamic axis. */
export type Dim = number | string;

/** Attribute values: integers, integer lists and tensors are all these graphs need. */
type AttributeValue = number | number[] | Onnx.ITensorProto;

// Optimum's CLIP export default; IR 8 is what its torch.onnx of the time wrote, and ORT-web 1.30 reads it.
const OPSET = 14;
const IR_VERSION = 8;

const AttributeType = { TENSOR: 4, INT: 2, INTS: 7 } as const;

function toAttribute(name: string, value: AttributeValue): Onnx.IAttributeProto {
  if (typeof value === "number") return { name, type: AttributeType.INT, i: value };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  return { name, type: AttributeType.TENSOR, t: value };
}

export function valueInfo(name: string, elemType: DataType, dims: Dim[]): Onnx.IValueInfoProto {
  const dim = dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

/** Raw little-endian bytes of typed values (the hosts we run on are little-endian, as ONNX is). */
export function bytesOf(values: Float32Array | BigInt64Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

export function tensor(
  name: string,
  dataType: DataType,
  dims: number[],
  rawData: Uint8Array,
): Onnx.ITensorProto {
  return { name, dataType, dims, rawData };
}

export function floatTensor(name: string, dims: number[], values: Float32Array): Onnx.ITensorProto {
  return tensor(name, DataType.FLOAT, dims, bytesOf(values));
}

/**
 * Builds one ONNX graph. Node names follow torch.onnx's `/scope/Op_n` form so a graph dump reads like
 * the real export; every op has one output named after its node unless a name is given.
 */
export class GraphBuilder {
  private readonly nodes: Onnx.INodeProto[] = [];
  private readonly initializers: Onnx.ITensorProto[] = [];
  private readonly inputs: Onnx.IValueInfoProto[] = [];
  private readonly outputs: Onnx.IValueInfoProto[] = [];
  private readonly nameCounts = new Map<string, number>();
  private readonly constants = new Map<string, string>();
  private scope = "";

  /** Runs `body` with node names under the torch module path `param` ("a.layers.0.b" -> "/a/layers.0/b"). */
  scoped<T>(param: string, body: () => T): T {
    const outer = this.scope;
    this.scope = `/${param.replace(/\.(?=\D)/g, "/")}`;
    try {
      return body();
    } finally {
      this.scope = outer;
    }
  }

  input(name: string, elemType: DataType, dims: Dim[]): string {
    this.inputs.push(valueInfo(name, elemType, dims));
    return name;
  }

  output(name: string, elemType: DataType, dims: Dim[]): void {
    this.outputs.push(valueInfo(name, elemType, dims));
  }

  /** Adds a node with one output and returns that output's name. */
  op(
    opType: string,
    inputs: string[],
    attributes: Record<string, AttributeValue> = {},
    output?: string,
  ): string {
    return this.opWithOutputs(opType, inputs, 1, attributes, output ? [output] : undefined)[0];
  }

  opWithOutputs(
    opType: string,
    inputs: string[],
    outputCount: number,
    attributes: Record<string, AttributeValue> = {},
    outputs?: string[],
  ): string[] {
    const name = this.uniqueName(`${this.scope}/${opType}`);
    const output = outputs ?? Array.from({ length: outputCount }, (_, i) => `${name}_output_${i}`);
    const attribute = Object.entries(attributes).map(([key, value]) => toAttribute(key, value));
    this.nodes.push({ name, opType, input: inputs, output, attribute });
    return output;
  }

  /** Adds a tensor; a second one of the same name is the same weight (a merged graph's two branches share it). */
  initializer(t: Onnx.ITensorProto): string {
    if (!this.initializers.some((i) => i.name === t.name)) this.initializers.push(t);
    return t.name!;
  }

  /** Adds a node as given (an `If` with subgraph attributes). */
  rawNode(node: Onnx.INodeProto): void {
    this.nodes.push(node);
  }

  /** The nodes added since the last call, taken out of this graph (to become an `If` branch). */
  takeNodes(): Onnx.INodeProto[] {
    return this.nodes.splice(0, this.nodes.length);
  }

  /** A small int64 constant, shared by value (torch.onnx repeats them; sharing keeps dumps short). */
  int64s(values: number[], dims: number[] = [values.length]): string {
    return this.constant(DataType.INT64, dims, bytesOf(BigInt64Array.from(values, BigInt)), values);
  }

  floatScalar(value: number): string {
    return this.constant(DataType.FLOAT, [], bytesOf(Float32Array.of(value)), [value]);
  }

  private constant(dataType: DataType, dims: number[], rawData: Uint8Array, values: number[]): string {
    const key = `${dataType}:${dims.join("x")}:${values.join(",")}`;
    let name = this.constants.get(key);
    if (!name) {
      name = this.initializer(tensor(`const_${this.constants.size}`, dataType, dims, rawData));
      this.constants.set(key, name);
    }
    return name;
  }

  private uniqueName(base: string): string {
    const n = this.nameCounts.get(base) ?? 0;
    this.nameCounts.set(base, n + 1);
    return n === 0 ? base : `${base}_${n}`;
  }

  toModel(): Onnx.IModelProto {
    return {
      irVersion: IR_VERSION,
      opsetImport: [{ domain: "", version: OPSET }],
      producerName: "dermedge.synthetic",
      graph: {
        name: "main_graph",
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    };
  }
}
