import { DataType, floatTensor, type GraphBuilder, tensor } from "./onnx-builder";
import { quantizedStd, type Rng } from "./prng";

/**
 * Weight type of a tower, as Xenova's conversion chose it: uint8 when the graph has a Conv (ORT-web had
 * no ConvInteger kernel for int8 weights then; 1.30 has one), int8 otherwise. So vision is uint8, text int8.
 */
export type WeightType = "uint8" | "int8";

export interface LinearOptions {
  /** Default true. */
  bias?: boolean;
  /** Name of the result. */
  output?: string;
  /** Multiplies the weights' standard deviation (default 1). */
  gain?: number;
}

interface Quantized {
  q: string;
  scale: string;
  zeroPoint: string;
}

/**
 * Rewrites float layers the way ORT's `quantize_dynamic` does (IntegerOps mode, per_channel and
 * reduce_range on, the settings of Xenova's `*_quantized.onnx`), generating the int weights directly:
 *
 *   DynamicQuantizeLinear(x) -> (x_q uint8, x_scale, x_zp)
 *   MatMulInteger(x_q, W_q, x_zp, W_zp) -> Cast(float) -> Mul(_, x_scale * W_scale) -> Add(bias)
 *
 * Weights are 7-bit (reduce_range), per output channel for MatMul and per tensor for Conv. Each weight
 * matrix has standard deviation gain/sqrt(fan_in), so activations keep their scale through the layers.
 */
export class DynamicQuantizer {
  // quantize_dynamic quantises each activation once and shares it (Q, K and V read one DynamicQuantizeLinear).
  private readonly activations = new Map<string, Quantized>();
  // A weight drawn once per name: a merged decoder's two branches read the same layers.
  private readonly weights = new Map<string, Quantized>();
  private readonly biases = new Map<string, string>();

  constructor(
    private readonly g: GraphBuilder,
    private readonly rng: Rng,
    private readonly weightType: WeightType,
  ) {}

  /** A Linear layer: `param` is the torch parameter prefix, e.g. "text_model.encoder.layers.0.mlp.fc1". */
  linear(
    x: string,
    param: string,
    inFeatures: number,
    outFeatures: number,
    options: LinearOptions = {},
  ): string {
    const { bias = true, output, gain = 1 } = options;
    const w = this.perChannelWeight(`${param}.weight`, inFeatures, outFeatures, gain);
    return this.g.scoped(param, () => {
      const scaled = this.integerOp("MatMulInteger", x, w, {}, bias ? undefined : output);
      if (!bias) return scaled;
      return this.g.op("Add", [scaled, this.bias(`${param}.bias`, [outFeatures])], {}, output);
    });
  }

  /** A bias-free Conv whose stride equals its kernel (a ViT patch embedding). */
  patchConv(x: string, param: string, inChannels: number, outChannels: number, patch: number): string {
    const fanIn = inChannels * patch * patch;
    const w = this.perTensorWeight(`${param}.weight`, [outChannels, inChannels, patch, patch], fanIn);
    const attributes = {
      kernel_shape: [patch, patch],
      strides: [patch, patch],
      pads: [0, 0, 0, 0],
      dilations: [1, 1],
    };
    return this.g.scoped(param, () => this.integerOp("ConvInteger", x, w, attributes));
  }

  /** A Conv1d with bias over [batch, channels, time] (Whisper's audio stem): kernel `kernel`, padding kernel/2. */
  conv1d(x: string, param: string, inChannels: number, outChannels: number, kernel: number, stride: number) {
    const w = this.perTensorWeight(`${param}.weight`, [outChannels, inChannels, kernel], inChannels * kernel);
    const pad = kernel >> 1;
    const attributes = { kernel_shape: [kernel], strides: [stride], pads: [pad, pad], dilations: [1] };
    return this.g.scoped(param, () => {
      const conv = this.integerOp("ConvInteger", x, w, attributes);
      return this.g.op("Add", [conv, this.bias(`${param}.bias`, [outChannels, 1])]);
    });
  }

  /** Forgets the quantised activations: the next graph branch cannot read the previous one's values. */
  resetActivations(): void {
    this.activations.clear();
  }

  private bias(name: string, dims: number[]): string {
    let b = this.biases.get(name);
    if (!b) {
      b = this.g.initializer(floatTensor(name, dims, this.rng.floats(dims[0], 0.02)));
      this.biases.set(name, b);
    }
    return b;
  }

  private integerOp(
    opType: string,
    x: string,
    w: Quantized,
    attributes: Record<string, number[]>,
    output?: string,
  ) {
    const a = this.activation(x);
    const acc = this.g.op(opType, [a.q, w.q, a.zeroPoint, w.zeroPoint], attributes);
    const accFloat = this.g.op("Cast", [acc], { to: DataType.FLOAT });
    const scale = this.g.op("Mul", [a.scale, w.scale]);
    return this.g.op("Mul", [accFloat, scale], {}, output);
  }

  private activation(x: string): Quantized {
    let quantized = this.activations.get(x);
    if (!quantized) {
      const [q, scale, zeroPoint] = this.g.opWithOutputs("DynamicQuantizeLinear", [x], 3);
      quantized = { q, scale, zeroPoint };
      this.activations.set(x, quantized);
    }
    return quantized;
  }

  private get zeroPoint(): number {
    return this.weightType === "uint8" ? 64 : 0;
  }

  private get elemType(): DataType {
    return this.weightType === "uint8" ? DataType.UINT8 : DataType.INT8;
  }

  /** [in, out] (MatMul's B is the transposed torch weight), one scale and zero point per column. */
  private perChannelWeight(name: string, inFeatures: number, outFeatures: number, gain: number): Quantized {
    const base = gain / Math.sqrt(inFeatures) / quantizedStd(7);
    // Scales vary by channel, as trained weights' do, so a broadcasting mistake changes the outputs.
    const scales = Float32Array.from({ length: outFeatures }, () => base * (0.8 + 0.4 * this.rng.next()));
    const zeroPoints = new Uint8Array(outFeatures).fill(this.zeroPoint);
    return this.quantizedWeight(name, [inFeatures, outFeatures], scales, zeroPoints);
  }

  private perTensorWeight(name: string, dims: number[], fanIn: number): Quantized {
    const scale = Float32Array.of(1 / Math.sqrt(fanIn) / quantizedStd(7));
    return this.quantizedWeight(name, dims, scale, Uint8Array.of(this.zeroPoint));
  }

  private quantizedWeight(
    name: string,
    dims: number[],
    scales: Float32Array,
    zeroPoints: Uint8Array,
  ): Quantized {
    const known = this.weights.get(name);
    if (known) return known;
    const count = dims.reduce((a, b) => a * b, 1);
    // Per-tensor parameters are scalars; per-channel ones are vectors over the last axis.
    const paramDims = scales.length === 1 ? [] : [scales.length];
    const weights = this.rng.quantized(count, 7, this.zeroPoint);
    const quantized = {
      q: this.g.initializer(tensor(`${name}_quantized`, this.elemType, dims, weights)),
      scale: this.g.initializer(floatTensor(`${name}_scale`, paramDims, scales)),
      zeroPoint: this.g.initializer(tensor(`${name}_zero_point`, this.elemType, paramDims, zeroPoints)),
    };
    this.weights.set(name, quantized);
    return quantized;
  }
}
