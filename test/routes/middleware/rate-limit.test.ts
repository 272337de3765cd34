import { describe, expect, it } from "vitest";
import { call, callWith, expectProblem } from "../support";

/** Sends until the first 429 (at most 2 minutes' worth: a minute boundary may reset the count once). */
async function untilLimited(
  send: (i: number) => Promise<Response>,
): Promise<{ allowed: number; res: Response }> {
  for (let i = 0; i < 130; i++) {
    const res = await send(i);
    if (res.status !== 200) return { allowed: i, res };
    await res.arrayBuffer();
  }
  throw new Error("never rate limited");
}

describe("rate limiting (the Workers rate-limiting binding, 60 a minute)", () => {
  it("429 with Retry-After once an address is over its limit; other addresses go on", async () => {
    const { allowed, res } = await untilLimited(() =>
      call("/v1/conditions", { headers: { "cf-connecting-ip": "192.0.2.10" } }),
    );
    expect(allowed).toBeGreaterThanOrEqual(1);
    expect(allowed).toBeLessThanOrEqual(120);
    await expectProblem(res, 429, "rate-limited");
    expect(res.headers.get("retry-after")).toBe("60");
    expect((await call("/v1/conditions", { headers: { "cf-connecting-ip": "192.0.2.11" } })).status).toBe(
      200,
    );
  });

  it("counts per API key when keys are configured, whatever the address", async () => {
    const config = { API_KEYS: "rate-key-a, rate-key-b" };
    const { res } = await untilLimited((i) =>
      callWith(config, "/v1/conditions", {
        headers: { Authorization: "Bearer rate-key-a", "cf-connecting-ip": `192.0.2.${100 + (i % 100)}` },
      }),
    );
    await expectProblem(res, 429, "rate-limited");
    const other = await callWith(config, "/v1/conditions", {
      headers: { Authorization: "Bearer rate-key-b" },
    });
    expect(other.status).toBe(200);
  });

  it("does not limit health checks", async () => {
    for (let i = 0; i < 70; i++) {
      const res = await call("/healthz", { headers: { "cf-connecting-ip": "192.0.2.12" } });
      expect(res.status).toBe(200);
    }
  });
});
