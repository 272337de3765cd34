import { Hono } from "hono";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { readConfig } from "../../src/config/env";
import { ClipEngine } from "../../src/model/engine";
import { splitImageTower } from "../../src/model/onnx-towers";
import { ModelUnavailableError } from "../../src/model/package/load";
import { r2Store } from "../../src/model/package/store";
import { remoteTextTower, type TextEncoderRpc } from "../../src/model/remote/text-encoder";
import { type VisionTailRpc, visionTailClient } from "../../src/model/remote/vision-tail";
import { debugRoutes } from "../../src/workers/debug";

/**
 * The vision isolate as the benchmark runs it: the engine with its image tower here (every stage, or
 * only stage 1 with the rest in the vision-tail Worker) and its text tower in the text Worker.
 */
interface BenchVisionEnv {
  MODELS: R2Bucket;
  MODEL_PREFIX: string;
  DEBUG_MEMORY: string;
  /** "split": stage 1 here, the rest behind VISION_TAIL; "local": the whole tower here. */
  VISION_MODE: string;
  VISION_TAIL: VisionTailRpc;
  TEXT_ENCODER: TextEncoderRpc;
}

let engine: Promise<ClipEngine> | undefined;

function engineFor(env: BenchVisionEnv): Promise<ClipEngine> {
  engine ??= ClipEngine.open(
    r2Store(env.MODELS, env.MODEL_PREFIX),
    { ortWasm },
    {
      image:
        env.VISION_MODE === "split"
          ? (context) =>
              splitImageTower(
                context,
                visionTailClient(
                  env.VISION_TAIL,
                  context.manifest.revision,
                  readConfig({}).visionTailTimeoutMs,
                ),
              )
          : undefined,
      text: ({ manifest }) => remoteTextTower(env.TEXT_ENCODER, manifest.revision),
    },
  );
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

const LABELS = [
  { id: "rash", prompts: ["a photo of a skin rash"] },
  { id: "normal", prompts: ["a photo of normal skin"] },
  { id: "mole", prompts: ["a close-up photo of a mole", "a photo of a dark spot on the skin"] },
];

const app = new Hono<{ Bindings: BenchVisionEnv }>();

app.post("/classify", async (c) => {
  try {
    const current = await engineFor(c.env);
    const image = await current.embedImage(new Uint8Array(await c.req.arrayBuffer()));
    const labels = c.req.query("labels") === "0" ? null : await current.classify(image.embedding, LABELS);
    return c.json({ top: labels?.top, timings: image.timings, embedding: Array.from(image.embedding) });
  } catch (error) {
    if (error instanceof ModelUnavailableError)
      return c.json({ code: error.code, message: error.message }, 503);
    throw error;
  }
});

app.route("/debug", debugRoutes);

export default app;
