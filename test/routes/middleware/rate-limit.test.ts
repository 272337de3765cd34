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

  it("one bucket per network: spelling, spaces and an IPv4-mapped form are the same client, IPv6 by /64", async () => {
    const v4 = ["192.0.2.20", " 192.0.2.20 ", "::ffff:192.0.2.20", "::FFFF:c000:0214"];
    const { res } = await untilLimited((i) =>
      call("/v1/conditions", { headers: { "cf-connecting-ip": v4[i % 4] } }),
    );
    await expectProblem(res, 429, "rate-limited");
    // Another host of the same IPv6 /64 shares its limit; the next /64 does not.
    const v6 = (host: number) => `2001:db8:7:8:${host.toString(16)}::1`;
    await expectProblem(
      (await untilLimited((i) => call("/v1/conditions", { headers: { "cf-connecting-ip": v6(i) } }))).res,
      429,
      "rate-limited",
    );
    expect(
      (await call("/v1/conditions", { headers: { "cf-connecting-ip": "2001:db8:7:9::1" } })).status,
    ).toBe(200);
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
