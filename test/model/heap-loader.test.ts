import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadIntoHeap } from "../../src/model/backends/heap-loader";
import { heapBytes, startOrt, useOrtWasm } from "../../src/model/backends/onnx";
import { ClipEngine } from "../../src/model/engine";
import { memoryReport, resetPeak } from "../../src/model/memory";
import { onnxImageTower, splitImageTower, towerSession } from "../../src/model/onnx-towers";
import { ModelUnavailableError } from "../../src/model/package/load";
import type { ModelManifest } from "../../src/model/package/manifest";
import { type ModelStore, r2Store } from "../../src/model/package/store";
import { visionTailClient } from "../../src/model/remote/vision-tail";
import { sessionKeys } from "../../src/model/sessions";
import VisionTailWorker from "../../src/workers/vision-tail/index";
import { requireHostFile, testImage } from "../support/host-files";
import { TEST_IMAGES } from "../support/test-images";

const photo = await testImage("photo");

/** Puts tiny-packed in R2 under `prefix` with its own revision (a fresh session cache key). */
async function putPacked(prefix: string, change: { corrupt?: string; omit?: string } = {}) {
  const manifest: ModelManifest = JSON.parse(
    new TextDecoder().decode(await requireHostFile("cache", "models/tiny-packed/manifest.json")),
  );
  const revision = `${manifest.revision}-${prefix}`;
  for (const { path } of manifest.files) {
    if (path === change.omit) continue;
    const bytes = await requireHostFile("cache", `models/tiny-packed/${path}`);
    if (path === change.corrupt) bytes[bytes.length >> 1] ^= 0xff;
    await env.MODELS.put(`${prefix}/${path}`, bytes);
  }
  await env.MODELS.put(`${prefix}/manifest.json`, JSON.stringify({ ...manifest, revision }));
  return { ...manifest, revision };
}

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

describe("packed packages: heap-direct loading from R2 (tiny-packed)", () => {
  let reference: Float32Array;

  beforeAll(async () => {
    const nodeReference = JSON.parse(
      new TextDecoder().decode(await requireHostFile("cache", "node-reference.json")),
    );
    reference = Float32Array.from(nodeReference.images[TEST_IMAGES.photo]);
  });

  it("finds malloc and free in onnxruntime-web 1.30.0's wasm (minified export names are pinned)", async () => {
    expect(useOrtWasm(ortWasm).env.versions.web).toBe("1.30.0");
    expect(await startOrt(ortWasm)).toBe(true);
  });

  it("streams a graph into ORT's heap: no JS copy of the model, only chunks, held beside the heap", async () => {
    const manifest = await putPacked("test/heap");
    const store = r2Store(env.MODELS, "test/heap", 256 * 1024); // ranges far smaller than the file
    const size = manifest.files.find((f) => f.path === manifest.text.file)!.size;
    resetPeak();
    await towerSession({ store, manifest, ortWasm }, manifest.text);
    const report = memoryReport();
    expect(report.peakHeldBytes).toBeGreaterThan(0);
    expect(report.peakHeldBytes).toBeLessThan(size / 2);
    expect(report.heldBytes).toEqual({});
    expect(heapBytes(0, 1).buffer.byteLength).toBe(report.wasmBytes);
  });

  it("frees every chunk as soon as it is in the heap, not at V8's next collection", async () => {
    const manifest = await putPacked("test/free");
    const store = r2Store(env.MODELS, "test/free", 256 * 1024);
    const chunks: Uint8Array[] = [];
    const recording: ModelStore = {
      ...store,
      async stream(path) {
        const object = await store.stream!(path);
        if (!object) return null;
        const reader = object.body.getReader();
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const next = await reader.read();
            if (next.done) return controller.close();
            chunks.push(next.value);
            controller.enqueue(next.value);
          },
        });
        return { size: object.size, body };
      },
    };
    const loaded = await loadIntoHeap(recording, manifest, manifest.text.file);
    loaded.discard();
    expect(chunks.length).toBeGreaterThan(1);
    // Detached: the bytes were given back, so dead chunks never add up beside the heap.
    expect(chunks.map((c) => c.buffer.byteLength)).toEqual(chunks.map(() => 0));
  });

  it("gives the same embedding as the unpacked package loaded the usual way (Node's reference)", async () => {
    await putPacked("test/equal");
    const engine = await ClipEngine.open(r2Store(env.MODELS, "test/equal"), { ortWasm });
    const { embedding } = await engine.embedImage(photo);
    // tiny packs without any change in rounding; see test/node/pack.test.ts for the tolerance on base.
    expect(cosine(embedding, reference)).toBeGreaterThan(0.999);
  });

  it("runs the split tower through the vision-tail Worker with the same result as every stage here", async () => {
    const manifest = await putPacked("test/split");
    const context = { store: r2Store(env.MODELS, "test/split"), manifest, ortWasm };
    // The vision-tail Worker's entrypoint, here, over this test's prefix (its binding serves models/active).
    const tailEnv = { MODELS: env.MODELS, MODEL_PREFIX: "test/split", DEBUG_MEMORY: "0" };
    const tail = new VisionTailWorker(createExecutionContext(), tailEnv);
    const engine = await ClipEngine.open(context.store, { ortWasm });
    const { pixels } = await engine.embedImage(photo);
    const whole = await onnxImageTower(context).encode(pixels, 224);
    const split = await splitImageTower(context, visionTailClient(tail, manifest.revision, 20_000)).encode(
      pixels,
      224,
    );
    expect(Array.from(split)).toEqual(Array.from(whole));
  });

  it("refuses a corrupted object with model_integrity, caches nothing, and loads once it is repaired", async () => {
    const manifest = await putPacked("test/corrupt", { corrupt: "onnx/vision_model_quantized.stage2.ort" });
    const engine = await ClipEngine.open(r2Store(env.MODELS, "test/corrupt"), { ortWasm });
    const failure = await engine.embedImage(photo).catch((e) => e);
    expect(failure).toBeInstanceOf(ModelUnavailableError);
    expect(failure.code).toBe("model_integrity");
    expect(sessionKeys()).not.toContain(`${manifest.revision}/onnx/vision_model_quantized.stage2.ort`);
    const good = await requireHostFile("cache", "models/tiny-packed/onnx/vision_model_quantized.stage2.ort");
    await env.MODELS.put("test/corrupt/onnx/vision_model_quantized.stage2.ort", good);
    const { embedding } = await engine.embedImage(photo);
    expect(cosine(embedding, reference)).toBeGreaterThan(0.999);
  });

  it("answers model_missing for an absent object", async () => {
    await putPacked("test/missing", { omit: "onnx/vision_model_quantized.stage1.ort" });
    const engine = await ClipEngine.open(r2Store(env.MODELS, "test/missing"), { ortWasm });
    await expect(engine.embedImage(photo)).rejects.toMatchObject({ code: "model_missing" });
  });
});
