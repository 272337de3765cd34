import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { ModelUnavailableError } from "../../src/model/package/load";
import { callRemote, failure } from "../../src/model/remote/rpc";
import { testImage } from "../support/host-files";
import { putPackageInR2 } from "../support/model-package";
import { callWith, expectProblem, multipart } from "./support";

// Another onnxruntime-web build than the one whose minified heap exports are pinned (1.30.0): only its
// version differs here, which is what the check reads first. This file's isolate has its own ORT.
vi.mock("onnxruntime-web/wasm", async (importOriginal) => {
  const ort = await importOriginal<typeof import("onnxruntime-web/wasm")>();
  const versions = { ...ort.env.versions, web: "1.99.0" };
  const ortEnv = new Proxy(ort.env, {
    get: (target, key) => (key === "versions" ? versions : Reflect.get(target, key)),
  });
  return { ...ort, env: ortEnv };
});

describe("an onnxruntime-web build whose heap exports are not pinned", () => {
  it("answers 503 model-unavailable with the reason for a packed model, not 500", async () => {
    const prefix = "test/ort-unknown-build";
    await putPackageInR2(env.MODELS, "tiny-packed", prefix);
    const res = await callWith({ MODEL_PREFIX: prefix }, "/v1/assessments", {
      method: "POST",
      body: multipart(await testImage("photo")),
    });
    const problem = await expectProblem(res, 503, "model-unavailable");
    expect(problem.reason).toBe("runtime_unsupported");
    expect(res.headers.get("retry-after")).toBe("30");
  });
});

describe("the same refusal from an internal Worker (its own ORT build)", () => {
  it("keeps the reason runtime_unsupported across RPC", async () => {
    const call = callRemote(
      { worker: "the vision-tail Worker", unavailable: "vision_tail_unavailable" },
      async () => failure("runtime_unsupported", "onnxruntime-web 1.99.0"),
    );
    await expect(call).rejects.toBeInstanceOf(ModelUnavailableError);
    await expect(call).rejects.toMatchObject({ code: "runtime_unsupported" });
  });
});
