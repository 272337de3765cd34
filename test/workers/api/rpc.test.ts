import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { type FloatTensor, runVisionStages, visionStages } from "../../../src/model/onnx-towers";
import { ModelUnavailableError } from "../../../src/model/package/errors";
import type { ModelManifest } from "../../../src/model/package/manifest";
import { r2Store } from "../../../src/model/package/store";
import { callRemote, failure, served, success } from "../../../src/model/remote/rpc";
import { remoteTextTower } from "../../../src/model/remote/text-encoder";
import { visionTailClient } from "../../../src/model/remote/vision-tail";
import VisionTailWorker from "../../../src/workers/vision-tail/index";
import { putPackageInR2 } from "../../support/model-package";

/**
 * The internal Workers' RPC interfaces (src/model/remote), called through their service bindings as the
 * main Worker calls them: typed arrays and failures cross as values; a failure, a thrown error and a
 * late answer each become ModelUnavailableError in one place (callRemote).
 */
const TAIL = { worker: "the vision-tail Worker", unavailable: "vision_tail_unavailable" } as const;

/** Stage 1's output for a grey image, computed here: what the main Worker sends the tail. */
async function stageOneOutput(manifest: ModelManifest): Promise<FloatTensor> {
  const context = { store: r2Store(env.MODELS, env.MODEL_PREFIX), manifest, ortWasm };
  const pixels = { data: new Float32Array(3 * 224 * 224).fill(0.5), dims: [1, 3, 224, 224] };
  return runVisionStages(context, visionStages(manifest).slice(0, 1), pixels);
}

describe("the vision-tail Worker over RPC (VISION_TAIL)", () => {
  let manifest: ModelManifest;
  let hidden: FloatTensor;
  beforeAll(async () => {
    manifest = await putPackageInR2(env.MODELS, "tiny-packed", env.MODEL_PREFIX);
    hidden = await stageOneOutput(manifest);
  });

  it("takes a Float32Array and answers one, as they are", async () => {
    const result = await env.VISION_TAIL.run(manifest.revision, hidden);
    if (!result.ok) throw new Error(`refused: ${result.message}`);
    expect(result.value).toBeInstanceOf(Float32Array);
    expect(result.value.length).toBeGreaterThan(0);
  });

  it("answers a stale revision and a malformed tensor as failures; the client makes them 503 reasons", async () => {
    expect(await env.VISION_TAIL.run("stale-revision", hidden)).toMatchObject({
      ok: false,
      code: "revision_mismatch",
      message: `this vision tail serves revision ${manifest.revision}`,
    });
    const bad = { data: new Float32Array(3), dims: [1, 2] };
    expect(await env.VISION_TAIL.run(manifest.revision, bad)).toMatchObject({
      ok: false,
      code: "bad_request",
    });

    const error = await visionTailClient(env.VISION_TAIL, "stale-revision", 20_000)(hidden).catch((e) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect(error).toMatchObject({ code: "vision_tail_unavailable" });
    expect(error.message).toMatch(/revision_mismatch/);
  });

  it("answers its own package's fault with the package's code, kept by the client", async () => {
    // The entrypoint over a prefix with no package (its binding serves models/active, shared by all tests).
    const tail = new VisionTailWorker(createExecutionContext(), {
      MODELS: env.MODELS,
      MODEL_PREFIX: "nothing/here",
      DEBUG_MEMORY: "0",
    });
    expect(await tail.warm("any")).toMatchObject({ ok: false, code: "model_missing" });
    await expect(callRemote(TAIL, () => tail.warm("any"))).rejects.toMatchObject({ code: "model_missing" });
  });
});

describe("the text Worker over RPC (TEXT_ENCODER)", () => {
  it("refuses a malformed request as a failure value, not an exception", async () => {
    expect(await env.TEXT_ENCODER.embed({ revision: "r", prompts: [] })).toMatchObject({
      ok: false,
      code: "bad_request",
    });
  });

  it("a stale revision is text_encoder_unavailable at the caller", async () => {
    const tower = remoteTextTower(env.TEXT_ENCODER, "stale-revision");
    await expect(tower.encode(["a photo of a freckle"])).rejects.toMatchObject({
      code: "text_encoder_unavailable",
      message: expect.stringContaining("revision_mismatch"),
    });
  });
});

describe("callRemote: the one mapping of RPC failures to ModelUnavailableError", () => {
  it("unwraps a success", async () => {
    expect(await callRemote(TAIL, async () => success(7))).toBe(7);
  });

  it("keeps a package code; any other failure or a thrown error is the Worker's `unavailable`", async () => {
    for (const code of [
      "model_missing",
      "model_invalid",
      "model_integrity",
      "runtime_unsupported",
    ] as const) {
      await expect(callRemote(TAIL, async () => failure(code, "x"))).rejects.toMatchObject({ code });
    }
    for (const code of ["bad_request", "revision_mismatch", "text_encoder_unavailable"] as const) {
      await expect(callRemote(TAIL, async () => failure(code, "x"))).rejects.toMatchObject({
        code: "vision_tail_unavailable",
      });
    }
    const thrown = callRemote(TAIL, () => Promise.reject(new Error("Network connection lost.")));
    await expect(thrown).rejects.toBeInstanceOf(ModelUnavailableError);
    await expect(thrown).rejects.toMatchObject({
      code: "vision_tail_unavailable",
      message: "cannot reach the vision-tail Worker: Network connection lost.",
    });
  });

  it("an answer later than timeoutMs is `unavailable`, naming the bound", async () => {
    const late = callRemote({ ...TAIL, timeoutMs: 50 }, () => new Promise(() => {}));
    await expect(late).rejects.toMatchObject({
      code: "vision_tail_unavailable",
      message: "the vision-tail Worker did not answer within 50 ms",
    });
  });

  it("served() answers a ModelUnavailableError as a failure and lets any other error through", async () => {
    const missing = new ModelUnavailableError("model_missing", "no manifest");
    expect(await served(() => Promise.reject(missing))).toEqual(failure("model_missing", "no manifest"));
    await expect(served(() => Promise.reject(new TypeError("a bug")))).rejects.toThrow("a bug");
  });
});
