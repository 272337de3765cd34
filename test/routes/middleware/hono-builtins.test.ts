import { Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { requestId } from "hono/request-id";
import { setMetric, timing } from "hono/timing";
import { describe, expect, it } from "vitest";
import { callWith, expectProblem } from "../support";

/**
 * The API uses Hono's body limit, request id and bearer auth, configured; where they are wrapped or
 * replaced, these tests show what the built-in alone would do instead.
 */
describe("what Hono's built-in middleware lacks, and the API adds", () => {
  it("hono/request-id replaces a trace id with dots; ours (its generator) keeps it", async () => {
    const plain = new Hono().use(requestId()).get("/", (c) => c.text("ok"));
    const traced = { headers: { "X-Request-Id": "app-1234.abc" } };
    expect((await plain.request("/", traced)).headers.get("x-request-id")).not.toBe("app-1234.abc");
    const res = await callWith({}, "/healthz", traced);
    expect(res.headers.get("x-request-id")).toBe("app-1234.abc");
    // Over 64 characters, or anything but letters, digits and _ - . : = is still replaced.
    for (const id of ["a".repeat(65), "x y", "<script>"]) {
      const replaced = await callWith({}, "/healthz", { headers: { "X-Request-Id": id } });
      expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("hono/timing keeps only formatted header strings, so the request log (which needs numbers) is ours", async () => {
    let recorded: unknown;
    const app = new Hono<{ Variables: { metric: unknown } }>().use(timing({ total: false })).get("/", (c) => {
      setMetric(c, "decode", 12.34, "decode");
      recorded = c.get("metric");
      return c.text("ok");
    });
    const res = await app.request("/");
    expect(res.headers.get("server-timing")).toBe('decode;dur=12.3;desc="decode"');
    expect(recorded).toEqual({ headers: ['decode;dur=12.3;desc="decode"'], timers: new Map() });
  });

  it("hono/bearer-auth answers in its own words and reads one header; ours is problem+json and takes X-API-Key too", async () => {
    const plain = new Hono().use(bearerAuth({ token: ["k-1", "k-2"] })).get("/", (c) => c.text("ok"));
    const refused = await plain.request("/", { headers: { "X-API-Key": "k-2" } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).not.toBe("application/problem+json");
    expect((await plain.request("/", { headers: { Authorization: "Bearer k-2" } })).status).toBe(200);
    expect((await plain.request("/", { headers: { Authorization: "Basic azoxMjM=" } })).status).toBe(400);

    const keys = { API_KEYS: "k-1,k-2" };
    expect((await callWith(keys, "/v1/conditions", { headers: { "X-API-Key": "k-2" } })).status).toBe(200);
    await expectProblem(await callWith(keys, "/v1/conditions"), 401, "unauthorized");
    // Another scheme is no key at all; a Bearer value that could never be a key is a wrong key: both 401.
    for (const authorization of ["Basic azoxMjM=", "Bearer not a key"]) {
      const res = await callWith(keys, "/v1/conditions", { headers: { Authorization: authorization } });
      await expectProblem(res, 401, "unauthorized");
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="dermedge"');
    }
  });
});
