import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { requireHostFile } from "../support/host-files";
import { putPackageInR2 } from "../support/model-package";
import { call, expectProblem, fixture, multipart } from "./support";

const VISION = "onnx/vision_model_quantized.onnx";

describe("a model that fails its integrity check", () => {
  it("answers 503 with the reason, caches nothing, and recovers once R2 holds the right bytes", async () => {
    await putPackageInR2(env.MODELS, "tiny-labelled", env.MODEL_PREFIX);
    const good = await requireHostFile("cache", `models/tiny-labelled/${VISION}`);
    const damaged = good.slice();
    damaged[damaged.length >> 1] ^= 0xff;
    await env.MODELS.put(`${env.MODEL_PREFIX}/${VISION}`, damaged);

    const photo = await fixture("photo");
    const send = () => call("/v1/assessments", { method: "POST", body: multipart(photo, {}) });

    const failed = await send();
    const problem = await expectProblem(failed, 503, "model-unavailable");
    expect(problem.reason).toBe("model_integrity");
    expect(problem.detail).toMatch(/model/i);
    expect(failed.headers.get("retry-after")).toBeTruthy();
    // Still broken: tried again, not served from a cached failure or a half-loaded session.
    await expectProblem(await send(), 503, "model-unavailable");

    await env.MODELS.put(`${env.MODEL_PREFIX}/${VISION}`, good);
    const recovered = await send();
    expect(recovered.status).toBe(200);
    const body = (await recovered.json()) as { model: { synthetic: boolean } };
    expect(body.model.synthetic).toBe(true);
  });
});
