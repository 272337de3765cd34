import { describe, expect, it } from "vitest";
import { call, callWith, expectProblem, installModel } from "./support";

describe("GET /healthz", () => {
  it("answers while the process is up, model or not", async () => {
    const res = await callWith({ MODEL_PREFIX: "models/not-installed" }, "/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

describe("GET /readyz", () => {
  it("503 with Retry-After and the reason while no model is installed", async () => {
    const res = await callWith({ MODEL_PREFIX: "models/not-installed" }, "/readyz");
    const problem = await expectProblem(res, 503, "model-unavailable");
    expect(res.headers.get("retry-after")).toBe("30");
    expect(problem.reason).toBe("model_missing");
    expect(problem.detail).toMatch(/no model package/);
  });

  it("200 with the model once it is installed", async () => {
    await installModel();
    const res = await call("/readyz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "ready",
      model: { id: "synthetic/clip-tiny", synthetic: true, variant: "int8" },
    });
  });
});

describe("anything else", () => {
  it("is a 404 problem", async () => {
    const problem = await expectProblem(await call("/v2/assessments"), 404, "not-found");
    expect(problem.detail).toContain("/v2/assessments");
  });
});
