import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import onnxProto, { type onnx as Onnx } from "onnx-proto";
import * as ort from "onnxruntime-web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANIFEST_FILE, type ModelManifest, type TowerSpec } from "../../src/model/package/manifest";
import { revisionHash } from "../../src/model/package/writer.node";
import { CLIP_ASSETS_DIR, SIZES, writeSyntheticPackage } from "../../src/synthetic";
import { clipConfig } from "../../src/synthetic/sizes";

const { ModelProto, TensorProto } = onnxProto.onnx;
// The repository's CLIP tokenizer and configs (assets/), which the generator uses by default.
const TOKENIZER_DIR = CLIP_ASSETS_DIR;

const EOS = 49407;
// "a photo of a skin rash" and "a photo of normal skin", as CLIP's tokenizer encodes them.
const RASH = [49406, 320, 1125, 539, 320, 3575, 30608, EOS];
const NORMAL = [49406, 320, 1125, 539, 5967, 3575, EOS];

ort.env.wasm.numThreads = 1;
ort.env.logLevel = "error";

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

async function decodeGraph(dir: string, spec: TowerSpec) {
  return ModelProto.decode(await readFile(join(dir, spec.file)));
}

async function openSession(dir: string, spec: TowerSpec) {
  const externalData = await Promise.all(
    spec.externalData.map(async (path) => ({
      path: path.split("/").pop()!,
      data: new Uint8Array(await readFile(join(dir, path))),
    })),
  );
  return ort.InferenceSession.create(new Uint8Array(await readFile(join(dir, spec.file))), { externalData });
}

/** A normalised-range input: seeded uniform noise, or horizontal ramps of slope `seed` per channel. */
function image(kind: "gradient" | "noise", seed: number): ort.Tensor {
  const data = new Float32Array(3 * 224 * 224);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const channel = Math.floor(i / 224 ** 2);
    data[i] = kind === "noise" ? (s / 2 ** 32) * 4 - 2 : ((i % 224) / 112 - 1) * seed + channel - 1;
  }
  return new ort.Tensor("float32", data, [1, 3, 224, 224]);
}

function tokens(rows: number[][], length: number): ort.Tensor {
  const ids = new BigInt64Array(rows.length * length).fill(BigInt(EOS));
  rows.forEach((row, r) => {
    ids.set(row.map(BigInt), r * length);
  });
  return new ort.Tensor("int64", ids, [rows.length, length]);
}

function rowsOf(t: ort.Tensor): Float32Array[] {
  const [n, d] = t.dims;
  const data = t.data as Float32Array;
  return Array.from({ length: n }, (_, r) => data.slice(r * d, (r + 1) * d));
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

function dimsOf(info: Onnx.IValueInfoProto) {
  return info.type!.tensorType!.shape!.dim!.map((d) => (d.dimParam ? d.dimParam : Number(d.dimValue)));
}

describe("synthetic CLIP package (tiny)", () => {
  let root: string;
  let embedded: string;
  let manifest: ModelManifest;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "dermedge-synthetic-"));
    embedded = join(root, "embedded");
    manifest = await writeSyntheticPackage({ size: "tiny", outDir: embedded });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("lists every file but the manifest, with its size and sha256", async () => {
    const onDisk = (await filesUnder(embedded)).filter((p) => p !== MANIFEST_FILE).sort();
    expect(manifest.files.map((f) => f.path)).toEqual(onDisk);
    for (const f of manifest.files) {
      const bytes = await readFile(join(embedded, f.path));
      expect(f.size, f.path).toBe(bytes.length);
      expect(f.sha256, f.path).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    expect(onDisk).toEqual(
      expect.arrayContaining([
        "config.json",
        "tokenizer.json",
        "onnx/vision_model_quantized.onnx",
        "onnx/text_model_quantized.onnx",
      ]),
    );
    expect(JSON.parse(await readFile(join(embedded, MANIFEST_FILE), "utf8"))).toEqual(manifest);
    expect(manifest).toMatchObject({
      format: "dermedge-model/1",
      id: "synthetic/clip-tiny",
      revision: `synthetic-${revisionHash(manifest.files)}`,
      synthetic: true,
      variant: "int8",
      logitScale: 100,
      vision: {
        file: "onnx/vision_model_quantized.onnx",
        externalData: [],
        input: "pixel_values",
        output: "image_embeds",
      },
      text: {
        file: "onnx/text_model_quantized.onnx",
        externalData: [],
        input: "input_ids",
        output: "text_embeds",
        contextLength: 77,
      },
    });
    const onnxBytes = manifest.files
      .filter((f) => f.path.startsWith("onnx/"))
      .reduce((n, f) => n + f.size, 0);
    expect(onnxBytes).toBeLessThan(5_000_000);
  });

  it("writes upstream config.json with the tiny sizes; base keeps upstream's", async () => {
    const upstream = JSON.parse(await readFile(join(TOKENIZER_DIR, "config.json"), "utf8"));
    const config = JSON.parse(await readFile(join(embedded, "config.json"), "utf8"));
    expect(config.logit_scale_init_value).toBe(upstream.logit_scale_init_value);
    expect(config.projection_dim).toBe(512);
    expect(config.vision_config).toMatchObject({
      hidden_size: 64,
      num_hidden_layers: 2,
      patch_size: 32,
      image_size: 224,
    });
    expect(config.text_config).toMatchObject({ hidden_size: 64, num_attention_heads: 4, vocab_size: 49408 });
    expect(clipConfig(upstream, SIZES.base)).toEqual(upstream);
  });

  it("is deterministic: same seed, same bytes; another seed, other weights", async () => {
    const again = await writeSyntheticPackage({
      size: "tiny",
      tokenizerDir: TOKENIZER_DIR,
      outDir: join(root, "again"),
    });
    expect(again).toEqual(manifest);
    for (const f of manifest.files.filter((f) => f.path.startsWith("onnx/"))) {
      expect(
        Buffer.compare(await readFile(join(embedded, f.path)), await readFile(join(root, "again", f.path))),
      ).toBe(0);
    }
    const other = await writeSyntheticPackage({
      size: "tiny",
      tokenizerDir: TOKENIZER_DIR,
      outDir: join(root, "seed1"),
      seed: 1,
    });
    const sha = (m: ModelManifest, path: string) => m.files.find((f) => f.path === path)!.sha256;
    expect(other.revision).not.toBe(manifest.revision);
    expect(sha(other, manifest.vision.file)).not.toBe(sha(manifest, manifest.vision.file));
    expect(sha(other, manifest.text.file)).not.toBe(sha(manifest, manifest.text.file));
  });

  it("has Xenova's quantised interface: opset 14, names, dtypes, dynamic axes", async () => {
    const vision = await decodeGraph(embedded, manifest.vision);
    const text = await decodeGraph(embedded, manifest.text);
    for (const model of [vision, text]) {
      expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([["", 14]]);
    }
    const io = (m: typeof vision, list: "input" | "output") =>
      m.graph![list]!.map((v) => [v.name, v.type!.tensorType!.elemType, dimsOf(v)]);
    const { FLOAT, INT64 } = TensorProto.DataType;
    expect(io(vision, "input")).toEqual([
      ["pixel_values", FLOAT, ["batch_size", "num_channels", "height", "width"]],
    ]);
    expect(io(vision, "output")).toEqual([
      ["image_embeds", FLOAT, ["batch_size", 512]],
      ["last_hidden_state", FLOAT, ["batch_size", 50, 64]],
    ]);
    expect(io(text, "input")).toEqual([["input_ids", INT64, ["batch_size", "sequence_length"]]]);
    expect(io(text, "output")).toEqual([
      ["text_embeds", FLOAT, ["batch_size", 512]],
      ["last_hidden_state", FLOAT, ["batch_size", "sequence_length", 64]],
    ]);
  });

  it("quantises every weight matmul dynamically, as quantize_dynamic does", async () => {
    for (const [spec, weightType, extra] of [
      [manifest.vision, TensorProto.DataType.UINT8, ["ConvInteger"]],
      [manifest.text, TensorProto.DataType.INT8, ["Trilu", "ArgMax", "GatherND", "DequantizeLinear"]],
    ] as const) {
      const graph = (await decodeGraph(embedded, spec)).graph!;
      const nodes = graph.node!;
      const ops = new Set(nodes.map((n) => n.opType));
      for (const op of ["DynamicQuantizeLinear", "MatMulInteger", "Cast", "Mul", "Softmax", ...extra]) {
        expect(ops, op).toContain(op);
      }
      const initializers = new Map(graph.initializer!.map((t) => [t.name!, t]));
      // No float MatMul reads a weight: only activation x activation products (attention) stay float.
      for (const n of nodes.filter((n) => n.opType === "MatMul")) {
        expect(
          n.input!.some((i) => initializers.has(i)),
          n.name!,
        ).toBe(false);
      }
      for (const n of nodes.filter((n) => n.opType === "MatMulInteger")) {
        const [, weight, , zeroPoint] = n.input!.map((i) => initializers.get(i));
        expect(weight?.dataType).toBe(weightType);
        expect(zeroPoint?.dims?.map(Number)).toEqual([Number(weight?.dims?.[1])]); // per output channel
      }
    }
  });

  describe("in onnxruntime-web (WASM, one thread)", () => {
    let vision: ort.InferenceSession;
    let text: ort.InferenceSession;
    beforeAll(async () => {
      vision = await openSession(embedded, manifest.vision);
      text = await openSession(embedded, manifest.text);
    });

    it("embeds images: [1, 512], finite, different for different images", async () => {
      const embed = async (t: ort.Tensor) => (await vision.run({ pixel_values: t })).image_embeds;
      const first = await embed(image("noise", 1));
      expect(first.dims).toEqual([1, 512]);
      const [a] = rowsOf(first);
      expect(a.every(Number.isFinite)).toBe(true);
      const [again] = rowsOf(await embed(image("noise", 1)));
      expect(again).toEqual(a);
      for (const other of [image("noise", 2), image("gradient", 1), image("gradient", 2)]) {
        const [b] = rowsOf(await embed(other));
        expect(b.every(Number.isFinite)).toBe(true);
        expect(cosine(a, b)).toBeLessThan(0.9);
      }
      const batch = new ort.Tensor("float32", new Float32Array(2 * 3 * 224 * 224), [2, 3, 224, 224]);
      expect((await vision.run({ pixel_values: batch })).image_embeds.dims).toEqual([2, 512]);
    });

    it("embeds texts: [n, 512], finite, different for different texts", async () => {
      const out = (await text.run({ input_ids: tokens([RASH, NORMAL], 77) })).text_embeds;
      expect(out.dims).toEqual([2, 512]);
      const [rash, normal] = rowsOf(out);
      expect([...rash, ...normal].every(Number.isFinite)).toBe(true);
      expect(cosine(rash, normal)).toBeLessThan(0.9);
    });

    it("pools at the first end token, so padding with it changes nothing", async () => {
      const embed = async (t: ort.Tensor) => rowsOf((await text.run({ input_ids: t })).text_embeds)[0];
      const unpadded = await embed(tokens([RASH], RASH.length));
      const padded = await embed(tokens([RASH], 77));
      // Not bit-identical: DynamicQuantizeLinear's range spans the padding positions too.
      expect(cosine(unpadded, padded)).toBeGreaterThan(0.995);
      // Pooling at the last end token would read position 76, which has seen all the padding.
      const lastPosition = rowsOf(
        (await text.run({ input_ids: tokens([[...RASH.slice(0, -1), ...Array(69).fill(1), EOS]], 77) }))
          .text_embeds,
      )[0];
      expect(cosine(lastPosition, padded)).toBeLessThan(0.9);
    });

    it("gives the same outputs with the weights as external data", async () => {
      const dir = join(root, "external");
      const external = await writeSyntheticPackage({
        size: "tiny",
        tokenizerDir: TOKENIZER_DIR,
        outDir: dir,
        externalData: true,
      });
      expect(external.vision.externalData).toEqual(["onnx/vision_model_quantized.onnx_data"]);
      expect(external.text.externalData).toEqual(["onnx/text_model_quantized.onnx_data"]);
      expect(external.files.map((f) => f.path)).toEqual(
        expect.arrayContaining([...external.vision.externalData, ...external.text.externalData]),
      );
      const graph = (await decodeGraph(dir, external.text)).graph!;
      const moved = graph.initializer!.filter((t) => t.dataLocation === TensorProto.DataLocation.EXTERNAL);
      expect(moved.length).toBeGreaterThan(10);
      expect(moved[0].externalData!.map((e) => e.key)).toEqual(["location", "offset", "length"]);
      expect(external.files.find((f) => f.path === external.text.file)!.size).toBeLessThan(100_000);

      const [v, t] = [await openSession(dir, external.vision), await openSession(dir, external.text)];
      const pixels = image("noise", 3);
      const ids = tokens([RASH, NORMAL], 77);
      expect((await v.run({ pixel_values: pixels })).image_embeds.data).toEqual(
        (await vision.run({ pixel_values: pixels })).image_embeds.data,
      );
      expect((await t.run({ input_ids: ids })).text_embeds.data).toEqual(
        (await text.run({ input_ids: ids })).text_embeds.data,
      );
    });
  });
});

// Generating base takes about a second, running it a few more: opt in with DERMEDGE_TEST_BASE=1. Not
// registered otherwise, so that a run never counts it as skipped (a skip fails CI).
if (process.env.DERMEDGE_TEST_BASE === "1") {
  describe("synthetic CLIP package (base)", () => {
    it("has ViT-B/32's sizes and runs", async () => {
      const dir = await mkdtemp(join(tmpdir(), "dermedge-synthetic-base-"));
      try {
        const manifest = await writeSyntheticPackage({
          size: "base",
          tokenizerDir: TOKENIZER_DIR,
          outDir: dir,
          externalData: true,
        });
        const size = (path: string) => manifest.files.find((f) => f.path === path)!.size;
        expect(size("onnx/vision_model_quantized.onnx_data")).toBeGreaterThan(85_000_000);
        expect(size("onnx/text_model_quantized.onnx_data")).toBeGreaterThan(60_000_000);
        const vision = await openSession(dir, manifest.vision);
        const out = await vision.run({ pixel_values: image("noise", 1) });
        expect(out.image_embeds.dims).toEqual([1, 512]);
        expect(out.last_hidden_state.dims).toEqual([1, 50, 768]);
        await vision.release();
        const text = await openSession(dir, manifest.text);
        const embeds = (await text.run({ input_ids: tokens([RASH, NORMAL], 77) })).text_embeds;
        expect(embeds.dims).toEqual([2, 512]);
        expect(cosine(...(rowsOf(embeds) as [Float32Array, Float32Array]))).toBeLessThan(0.95);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
