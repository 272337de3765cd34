import { env } from "cloudflare:workers";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { beforeAll, describe, expect, it } from "vitest";
import webpWasm from "../../src/image/webp/wasm-worker";
import { ortHeapBytes, useOrtWasm } from "../../src/model/backends/onnx";
import { ClipEngine, type EngineRuntime } from "../../src/model/engine";
import { ModelUnavailableError } from "../../src/model/package/load";
import { r2Store } from "../../src/model/package/store";
import { sessionKeys } from "../../src/model/sessions";
import { requireHostFile, testImage } from "../support/host-files";
import { hostPackageStore, putPackageInR2 } from "../support/model-package";

const runtime: EngineRuntime = { ortWasm, webpWasm: async () => webpWasm };
const photo = await testImage("photo");

const norm = (v: Float32Array) => Math.hypot(...v);

describe("CLIP engine in workerd (tiny synthetic package)", () => {
  let engine: ClipEngine;

  beforeAll(async () => {
    await putPackageInR2(env.MODELS, "tiny", "test/tiny");
    engine = await ClipEngine.open(r2Store(env.MODELS, "test/tiny"), runtime);
  });

  it("opens a package from R2 and says it is synthetic", () => {
    expect(engine.info).toMatchObject({ id: "synthetic/clip-tiny", synthetic: true, variant: "int8" });
    expect(engine.info.revision).toMatch(/^synthetic-[0-9a-f]{16}$/);
  });

  it("embeds an image and texts as unit vectors of 512", async () => {
    const { embedding, header, cropSize } = await engine.embedImage(photo);
    expect(embedding).toHaveLength(512);
    expect(norm(embedding)).toBeCloseTo(1, 5);
    expect(header.format).toBe("jpeg");
    expect(ortHeapBytes()).toBeGreaterThan(16_000_000); // ORT's WASM heap, found through the instantiate hook
    expect(cropSize).toBe(224);
    const [a, b] = await engine.embedTexts(["a photo of a skin rash", "a photo of normal skin"]);
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it("scores zero-shot exactly as softmax(100 * cosine) of the raw ORT outputs, prompt ensembles renormalised", async () => {
    // Hand-written check, independent of the engine's scoring code: run both towers through ORT directly.
    const ort = useOrtWasm(ortWasm);
    const read = async (path: string) => requireHostFile("cache", `models/tiny/${path}`);
    const vision = await ort.InferenceSession.create(await read("onnx/vision_model_quantized.onnx"));
    const text = await ort.InferenceSession.create(await read("onnx/text_model_quantized.onnx"));
    const { pixels } = await engine.embedImage(photo);
    const rawImage = (await vision.run({ pixel_values: new ort.Tensor("float32", pixels, [1, 3, 224, 224]) }))
      .image_embeds.data as Float32Array;
    const encode = async (prompt: string) => {
      const ids = (await engine.tokenize(prompt)).map(BigInt);
      const out = await text.run({
        input_ids: new ort.Tensor("int64", BigInt64Array.from(ids), [1, ids.length]),
      });
      return out.text_embeds.data as Float32Array;
    };
    const unit = (v: Float32Array) => Array.from(v, (x) => x / norm(v));
    const image = unit(rawImage);
    const rash = [
      unit(await encode("a photo of a skin rash")),
      unit(await encode("a close-up photo of a rash")),
    ];
    const rashMean = unit(Float32Array.from(rash[0], (x, i) => x + rash[1][i]));
    const normal = unit(await encode("a photo of normal skin"));
    const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
    const [lr, ln] = [100 * cos(image, rashMean), 100 * cos(image, normal)];
    const expected = Math.exp(lr) / (Math.exp(lr) + Math.exp(ln));

    const result = await engine.classify(await engine.embedImage(photo).then((r) => r.embedding), [
      { id: "rash", prompts: ["a photo of a skin rash", "a close-up photo of a rash"] },
      { id: "normal", prompts: ["a photo of normal skin"] },
    ]);
    expect(result.scores[0].probability).toBeCloseTo(expected, 4);
    expect(result.scores[0].probability + result.scores[1].probability).toBeCloseTo(1, 10);
    expect(result.top.id).toBe(expected >= 0.5 ? "rash" : "normal");
  });

  it("encodes a repeated prompt once: the second use is the cached embedding", async () => {
    const [first, again] = await engine.embedTexts(["a photo of a wart", "a photo of a wart"]);
    expect(again).toBe(first);
    const [later] = await engine.embedTexts(["a photo of a wart"]);
    expect(later).toBe(first);
  });

  it("caches a client's own prompts for that client alone: another client's first use is encoded afresh", async () => {
    const asked: { prompts: readonly string[]; scope?: string }[] = [];
    const counted = await ClipEngine.open(r2Store(env.MODELS, "test/tiny"), runtime, {
      text: () => ({
        encode: async (prompts, scope) => {
          asked.push({ prompts, scope });
          return prompts.map((_, i) => Float32Array.of(1, i + 1));
        },
      }),
    });
    const label = `a photo of a label ${crypto.randomUUID()}`;
    await counted.embedTexts([label], "key:alice");
    await counted.embedTexts([label], "key:alice");
    expect(asked).toEqual([{ prompts: [label], scope: "key:alice" }]);
    await counted.embedTexts([label], "key:bob");
    await counted.embedTexts([label]);
    expect(asked.slice(1)).toEqual([
      { prompts: [label], scope: "key:bob" },
      { prompts: [label], scope: undefined },
    ]);
  });

  it("equals the Node engine's outputs for the same package", async () => {
    const reference = await requireHostFile("cache", "node-reference.json");
    const node: { revision: string; images: Record<string, number[]>; texts: number[][] } = JSON.parse(
      new TextDecoder().decode(reference),
    );
    expect(node.revision).toBe(engine.info.revision);
    for (const [path, expected] of Object.entries(node.images)) {
      const { embedding } = await engine.embedImage(await requireHostFile("cache", `images/${path}`));
      expect(Array.from(embedding), path).toEqual(expected);
    }
    const texts = await engine.embedTexts([
      "a photo of a skin rash",
      "a photo of normal skin",
      "这个痣最近变大了",
    ]);
    expect(texts.map((t) => Array.from(t))).toEqual(node.texts);
  });

  it("gives the same outputs with the weights as ONNX external data", async () => {
    await putPackageInR2(env.MODELS, "tiny-external", "test/tiny-external");
    const external = await ClipEngine.open(r2Store(env.MODELS, "test/tiny-external"), runtime);
    const [a, b] = await Promise.all([engine.embedImage(photo), external.embedImage(photo)]);
    expect(Array.from(b.embedding)).toEqual(Array.from(a.embedding));
    const [ta] = await engine.embedTexts(["itchy red patches"]);
    const [tb] = await external.embedTexts(["itchy red patches"]);
    expect(Array.from(tb)).toEqual(Array.from(ta));
  });
});

describe("session cache (module scope)", () => {
  it("creates one session per model file, shared by concurrent first requests", async () => {
    const store = hostPackageStore("tiny", { revision: "concurrent-first-use" });
    const engine = await ClipEngine.open(store, runtime);
    const results = await Promise.all([
      engine.embedImage(photo),
      engine.embedImage(photo),
      engine.embedImage(photo),
    ]);
    expect(store.reads.get("onnx/vision_model_quantized.onnx")).toBe(1);
    expect(
      results.every((r) => Array.from(r.embedding).join() === Array.from(results[0].embedding).join()),
    ).toBe(true);
    await engine.embedImage(photo);
    expect(store.reads.get("onnx/vision_model_quantized.onnx")).toBe(1);
    expect(sessionKeys().filter((k) => k.startsWith("concurrent-first-use/"))).toEqual([
      "concurrent-first-use/onnx/vision_model_quantized.onnx",
    ]);
  });

  it("does not cache a failed creation: the next request tries again", async () => {
    const damaged = hostPackageStore("tiny", {
      revision: "recovers-after-failure",
      corrupt: new Set(["onnx/vision_model_quantized.onnx"]),
    });
    const broken = await ClipEngine.open(damaged, runtime);
    await expect(broken.embedImage(photo)).rejects.toMatchObject({ code: "model_integrity" });
    await expect(broken.embedImage(photo)).rejects.toBeInstanceOf(ModelUnavailableError);
    expect(damaged.reads.get("onnx/vision_model_quantized.onnx")).toBe(2);

    const repaired = await ClipEngine.open(
      hostPackageStore("tiny", { revision: "recovers-after-failure" }),
      runtime,
    );
    const { embedding } = await repaired.embedImage(photo);
    expect(embedding).toHaveLength(512);
  });

  it("never overlaps runs on one session: concurrent mixed calls equal sequential ones", async () => {
    const engine = await ClipEngine.open(hostPackageStore("tiny", { revision: "serial-runs" }), runtime);
    const prompts = ["a burn", "a bruise", "a mole", "hives"];
    const concurrent = await Promise.all(prompts.map((p) => engine.embedTexts([p])));
    const fresh = await ClipEngine.open(hostPackageStore("tiny", { revision: "serial-runs-2" }), runtime);
    for (const [i, p] of prompts.entries()) {
      const [sequential] = await fresh.embedTexts([p]);
      expect(Array.from(concurrent[i][0])).toEqual(Array.from(sequential));
    }
  });

  it("refuses a package whose manifest is missing with model_missing", async () => {
    await expect(ClipEngine.open(r2Store(env.MODELS, "nothing/here"), runtime)).rejects.toMatchObject({
      code: "model_missing",
    });
  });
});
