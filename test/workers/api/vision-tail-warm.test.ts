import { env } from "cloudflare:workers";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { describe, expect, it } from "vitest";
import { ClipEngine } from "../../../src/model/engine";
import { splitImageTower } from "../../../src/model/onnx-towers";
import type { ServiceFetcher } from "../../../src/model/remote/call";
import { visionTailWarmer, WARM_PATH } from "../../../src/model/remote/vision-tail-protocol";
import { testImage } from "../../support/host-files";
import { hostPackageStore, putPackageInR2 } from "../../support/model-package";

/** A fake tail that records the paths it was asked for, answering `status` to /warm. */
function fakeTail(status: () => number): ServiceFetcher & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async fetch(url) {
      calls.push(new URL(url).pathname);
      return status() < 300
        ? new Response(null, { status: 204 })
        : Response.json({ code: "unavailable", message: "down" }, { status: status() });
    },
  };
}

describe("waking the vision tail while the photo decodes", () => {
  it("the warmer asks once per isolate while it succeeds, and again after a failure", async () => {
    let status = 503;
    const tail = fakeTail(() => status);
    const warm = visionTailWarmer(tail, "rev");
    await expect(warm()).rejects.toThrow(/503/);
    status = 204;
    await warm();
    await warm();
    expect(tail.calls).toEqual([WARM_PATH, WARM_PATH]);
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

  it("the vision-tail Worker creates its sessions on /warm (204) and refuses another revision (409)", async () => {
    const manifest = await putPackageInR2(env.MODELS, "tiny-packed", env.MODEL_PREFIX);
    const warm = (revision: string) =>
      env.VISION_TAIL.fetch(`http://vision-tail${WARM_PATH}`, {
        method: "POST",
        headers: { "x-revision": revision },
      });
    expect((await warm(manifest.revision)).status).toBe(204);
    const other = await warm("another-revision");
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ code: "revision_mismatch" });
  });
});
