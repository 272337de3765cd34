import { env } from "cloudflare:workers";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { describe, expect, it } from "vitest";
import { ClipEngine } from "../../../src/model/engine";
import { onnxImageTower, splitImageTower } from "../../../src/model/onnx-towers";
import { ModelUnavailableError } from "../../../src/model/package/load";
import { failure, success } from "../../../src/model/remote/rpc";
import type { TextEncoderRpc } from "../../../src/model/remote/text-encoder";
import { type VisionTailRpc, visionTailWarmer } from "../../../src/model/remote/vision-tail";
import { sessionKeys } from "../../../src/model/sessions";
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
  it("the warmer asks on every photo (the tail's isolate may be new), and reports a failure", async () => {
    let up = false;
    const tail = fakeTail(() => up);
    const warm = visionTailWarmer(tail, "rev");
    await expect(warm()).rejects.toMatchObject({ code: "model_missing" });
    up = true;
    await warm();
    await warm();
    expect(tail.calls).toEqual(["warm rev", "warm rev", "warm rev"]);
  });

  it("the engine's warm-up wakes the tail and makes stage 1's session; a failed wake-up fails nothing", async () => {
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
    await engine.warm({ photo: true }); // settles, never rejects
    expect(sessionKeys()).toContain("warm-test/onnx/vision_model_quantized.stage1.ort");
    const { embedding } = await engine.embedImage(await testImage("photo"));
    expect(embedding).toHaveLength(512);
    expect(events).toEqual(["warm", "tail"]);
  });

  it("a photo that joined a failing warm-up makes the session itself and is answered", async () => {
    const stage1 = "onnx/vision_model_quantized.stage1.ort";
    const host = hostPackageStore("tiny-packed", { revision: "warm-fails" });
    let joined!: () => void;
    const photoJoined = new Promise<void>((resolve) => {
      joined = resolve;
    });
    let failed = 0;
    const store = {
      ...host,
      async read(path: string) {
        // The warm-up's read of stage 1 fails (R2 dropped it), once the photo waits on that session too.
        if (path === stage1 && failed++ === 0) {
          await photoJoined;
          throw new ModelUnavailableError("model_storage_unavailable", "r2 dropped the read");
        }
        return host.read(path);
      },
    };
    const engine = await ClipEngine.open(
      store,
      { ortWasm },
      {
        image: (context) => {
          const tower = onnxImageTower(context);
          return {
            warm: tower.warm,
            encode(pixels, size) {
              const encoding = tower.encode(pixels, size); // asks for stage 1's session at once
              joined();
              return encoding;
            },
          };
        },
      },
    );
    const warming = engine.warm({ photo: true });
    const { embedding } = await engine.embedImage(await testImage("photo"));
    await warming;
    expect(embedding).toHaveLength(512);
    expect(failed).toBe(2); // the warm-up's read, then the photo's own
    expect(sessionKeys()).toContain(`warm-fails/${stage1}`);
  });

  it("the vision-tail Worker creates its sessions on warm() and refuses another revision", async () => {
    const manifest = await putPackageInR2(env.MODELS, "tiny-packed", env.MODEL_PREFIX);
    expect(await env.VISION_TAIL.warm(manifest.revision)).toEqual({ ok: true, value: null });
    expect(await env.VISION_TAIL.warm("another-revision")).toMatchObject({
      ok: false,
      code: "revision_mismatch",
    });
  });

  it("the text Worker makes its session and tokenizer on warm() and refuses another revision", async () => {
    const manifest = await putPackageInR2(env.MODELS, "tiny-packed", env.MODEL_PREFIX);
    const text = env.TEXT_ENCODER as unknown as Required<TextEncoderRpc>;
    expect(await text.warm(manifest.revision)).toEqual({ ok: true, value: null });
    expect(await text.warm("another-revision")).toMatchObject({ ok: false, code: "revision_mismatch" });
    const answer = await text.embed({ revision: manifest.revision, prompts: ["a photo of a mole"] });
    expect(answer.ok && answer.value[0]).toHaveLength(512);
  });
});
