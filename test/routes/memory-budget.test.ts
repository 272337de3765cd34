import { beforeAll, describe, expect, it } from "vitest";
import { decodeBudgetUsage } from "../../src/workers/api/engine";
import { call, expectProblem, fixture, installModel, multipart } from "./support";

/**
 * The isolate's decode budget through the Worker (40 MiB, DECODE_MEMORY_BUDGET in wrangler.toml): 8
 * concurrent worst-case uploads each get a 200 or a 503 busy with Retry-After, never a crash, and the
 * next request works, and the isolate's budget (the module the Worker uses) never held more than 40 MiB.
 */
describe("8 concurrent worst-case uploads to one isolate", () => {
  let worst: Uint8Array[];
  let photo: Uint8Array;
  beforeAll(async () => {
    await installModel();
    photo = await fixture("photo");
    worst = await Promise.all((["worstProgressive", "worstWebp", "worstPng"] as const).map(fixture));
  });

  it("answer 200 or 503 busy (Retry-After), and the next request works", async () => {
    const names = ["progressive.jpg", "lossless.webp", "interlaced.png"];
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call("/v1/assessments", { method: "POST", body: multipart(worst[i % 3], {}, names[i % 3]) }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200 || s === 503),
      statuses.join(","),
    ).toBe(true);
    expect(statuses).toContain(200);
    for (const res of responses) {
      if (res.status !== 503) continue;
      await expectProblem(res, 503, "busy");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(decodeBudgetUsage()!.peak).toBeLessThanOrEqual(40 * 2 ** 20);
    const next = await call("/v1/assessments", { method: "POST", body: multipart(photo) });
    expect(next.status).toBe(200);
  });

  it("a 6 MP lossless WebP answers 200: decoded at 1/4 by libwebp (it was 413 when decoded whole)", async () => {
    const res = await call("/v1/assessments", {
      method: "POST",
      body: multipart(worst[1], {}, "lossless.webp"),
    });
    expect(res.status).toBe(200);
  });

  it("8 concurrent 6 MP lossless WebPs are all answered: each reserves about 32 MiB, one decodes at a time", async () => {
    const upload = () =>
      call("/v1/assessments", { method: "POST", body: multipart(worst[1], {}, "lossless.webp") });
    const responses = await Promise.all(Array.from({ length: 8 }, upload));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(decodeBudgetUsage()!.peak).toBeLessThanOrEqual(40 * 2 ** 20);
  });
});
