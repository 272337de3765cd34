import { env } from "cloudflare:workers";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { describe, expect, it } from "vitest";
import webpWasm from "../../../src/image/webp/wasm-worker";
import { ClipEngine } from "../../../src/model/engine";
import { r2Store } from "../../../src/model/package/store";
import { sessionKeys } from "../../../src/model/sessions";
import { getEngine } from "../../../src/workers/api/engine";
import { testImage } from "../../support/host-files";
import { putPackageInR2 } from "../../support/model-package";

describe("the Worker's engine with a packed package", () => {
  it("splits the vision tower across the VISION_TAIL Worker and gets the whole tower's embedding", async () => {
    const manifest = await putPackageInR2(env.MODELS, "tiny-packed", env.MODEL_PREFIX);
    expect(manifest.vision.stages?.length).toBe(2);
    const photo = await testImage("portrait");

    const worker = await getEngine(env);
    const split = await worker.embedImage(photo);
    // Only the first stage's session lives in this isolate; the second ran in dermedge-vision-tail.
    const [first, second] = manifest.vision.stages!;
    expect(sessionKeys()).toContain(`${manifest.revision}/${first.file}`);
    expect(sessionKeys()).not.toContain(`${manifest.revision}/${second.file}`);

    // The same package with every stage in this isolate.
    const local = await ClipEngine.open(r2Store(env.MODELS, env.MODEL_PREFIX), {
      ortWasm,
      webpWasm: async () => webpWasm,
    });
    const whole = await local.embedImage(photo);
    expect(worker.info.revision).toBe(manifest.revision);
    expect(Array.from(split.embedding)).toEqual(Array.from(whole.embedding));
  });
});
