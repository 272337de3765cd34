import { env } from "cloudflare:workers";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { describe, expect, it } from "vitest";
import { ClipEngine } from "../../../src/model/engine";
import { splitImageTower } from "../../../src/model/onnx-towers";
import { failure, success } from "../../../src/model/remote/rpc";
import { type VisionTailRpc, visionTailWarmer } from "../../../src/model/remote/vision-tail";
import { testImage } from "../../support/host-files";
import { hostPackageStore, putPackageInR2 } from "../../support/model-package";

/** A fake tail that records the calls made to it, its warm call succeeding while `up()`. */
function fakeTail(up: () => boolean): VisionTailRpc & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async run() {
      calls.push("run");
      return failure("bad_request", "not in this test");
    },
    async warm(revision) {
      calls.push(`warm ${revision}`);
      return up() ? success(null) : failure("model_missing", "down");
    },
  };
}

describe("waking the vision tail while the photo decodes", () => {
  it("the warmer asks once per isolate while it succeeds, and again after a failure", async () => {
    let up = false;
    const tail = fakeTail(() => up);
    const warm = visionTailWarmer(tail, "rev");
    await expect(warm()).rejects.toMatchObject({ code: "model_missing" });
    up = true;
    await warm();
    await warm();
    expect(tail.calls).toEqual(["warm rev", "warm rev"]);
  });

  it("the engine wakes the tail before decoding, and a failed wake-up does not fail the photo", async () => {
    const store = hostPackageStore("tiny-packed", { revision: "warm-test" });
    const events: string[] = [];
    const engine = await ClipEngine.open(
      store,
      { ortWasm },
      {
        image: (context) =>
          splitImageTower(
            context,
            async () => {
              events.push("tail");
              return new Float32Array(512).fill(1);
            },
            async () => {
              events.push("warm");
              throw new Error("the tail is down");
            },
          ),
      },
    );
    const { embedding } = await engine.embedImage(await testImage("photo"));
    expect(embedding).toHaveLength(512);
    expect(events).toEqual(["warm", "tail"]);
  });

  it("the vision-tail Worker creates its sessions on warm() and refuses another revision", async () => {
    const manifest = await putPackageInR2(env.MODELS, "tiny-packed", env.MODEL_PREFIX);
    expect(await env.VISION_TAIL.warm(manifest.revision)).toEqual({ ok: true, value: null });
    expect(await env.VISION_TAIL.warm("another-revision")).toMatchObject({
      ok: false,
      code: "revision_mismatch",
    });
  });
});
