import { describe, expect, it, vi } from "vitest";
import { call, callWith, expectProblem } from "../support";

const KEYS = { API_KEYS: "old-key-0123456789, new-key-9876543210" };

describe("API keys", () => {
  it("are not needed when none are configured and OPEN_ACCESS is on (npm run dev, these tests)", async () => {
    expect((await call("/v1/conditions")).status).toBe(200);
  });

  it("with none configured and no OPEN_ACCESS, /v1 refuses with 503 auth-not-configured (never silently open)", async () => {
    for (const open of ["false", "", undefined, "1"]) {
      const res = await callWith({ API_KEYS: "", OPEN_ACCESS: open }, "/v1/conditions");
      const problem = await expectProblem(res, 503, "auth-not-configured");
      expect(problem.detail).toMatch(/no API keys configured/);
    }
    expect((await callWith({ API_KEYS: "", OPEN_ACCESS: "false" }, "/healthz")).status).toBe(200);
  });

  it("X-API-Key is trimmed like the Bearer form", async () => {
    const sent: Record<string, string>[] = [
      { "X-API-Key": "  new-key-9876543210\t" },
      { Authorization: "Bearer   old-key-0123456789 " },
    ];
    for (const headers of sent) {
      expect((await callWith(KEYS, "/v1/conditions", { headers })).status).toBe(200);
    }
  });

  it("wrong, missing, empty, prefix, longer and near-miss keys are all 401 (compared in constant time)", async () => {
    const probes: Record<string, string>[] = [
      {},
      { "X-API-Key": "" },
      { Authorization: "Bearer " },
      { Authorization: "Basic b2xkLWtleQ==" },
      { "X-API-Key": "old-key" },
      { "X-API-Key": "old-key-01234567890" },
      { "X-API-Key": "Old-key-0123456789" },
      { Authorization: "Bearer old-key-0123456789, new-key-9876543210" },
      { "X-API-Key": "Bearer new-key-9876543210" },
    ];
    for (const headers of probes) {
      await expectProblem(await callWith(KEYS, "/v1/conditions", { headers }), 401, "unauthorized");
    }
  });

  it("failed authentications are limited per address: 429 with Retry-After after 10 in a minute", async () => {
    const from = (ip: string, key: string) =>
      callWith(KEYS, "/v1/conditions", { headers: { "X-API-Key": key, "cf-connecting-ip": ip } });
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await from("192.0.2.77", `guess-${i}`)).status);
    // A minute boundary may reset the count once: at least 10 and at most 20 401s before the first 429.
    const first429 = statuses.indexOf(429);
    expect(first429, statuses.join()).toBeGreaterThanOrEqual(10);
    const res = await from("192.0.2.77", "guess-again");
    await expectProblem(res, 429, "rate-limited");
    expect(res.headers.get("retry-after")).toBe("60");
    // Another address still gets its 401, and the right key still works from the limited address.
    await expectProblem(await from("192.0.2.78", "guess"), 401, "unauthorized");
    expect((await from("192.0.2.77", "new-key-9876543210")).status).toBe(200);
  });

  it("401 without a key, with a Bearer challenge", async () => {
    const res = await callWith(KEYS, "/v1/conditions");
    const problem = await expectProblem(res, 401, "unauthorized");
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="dermedge"');
    expect(problem.detail).toMatch(/Authorization: Bearer/);
  });

  it("401 for a wrong key, in either header", async () => {
    const wrong: Record<string, string>[] = [
      { Authorization: "Bearer old-key-012345678" },
      { "X-API-Key": "nope" },
    ];
    for (const headers of wrong) {
      const problem = await expectProblem(
        await callWith(KEYS, "/v1/conditions", { headers }),
        401,
        "unauthorized",
      );
      expect(problem.detail).toBe("The API key is not valid.");
      expect(JSON.stringify(problem)).not.toContain("old-key");
    }
  });

  it("accepts every configured key (rotation), as Bearer or X-API-Key", async () => {
    const right: Record<string, string>[] = [
      { Authorization: "Bearer old-key-0123456789" },
      { Authorization: "bearer new-key-9876543210" },
      { "X-API-Key": "new-key-9876543210" },
    ];
    for (const headers of right) {
      expect((await callWith(KEYS, "/v1/conditions", { headers })).status).toBe(200);
    }
  });

  it("warn once about a configured key that can never match (a Bearer token cannot hold it), without it", async () => {
    const warnings: string[] = [];
    const spy = vi.spyOn(console, "warn").mockImplementation((line: string) => void warnings.push(line));
    try {
      const keys = { API_KEYS: "good-key-1, bad#key" };
      const ok = await callWith(keys, "/v1/conditions", { headers: { Authorization: "Bearer good-key-1" } });
      expect(ok.status).toBe(200);
      await callWith(keys, "/v1/conditions", { headers: { "X-API-Key": "bad#key" } });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/API_KEYS: 1 key/);
      expect(warnings[0]).not.toContain("bad#key");
    } finally {
      spy.mockRestore();
    }
  });

  it("are checked before the body is read: a huge upload without a key is a 401, not a 413", async () => {
    const res = await callWith(KEYS, "/v1/assessments", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(50 * 1024 * 1024) },
      body: new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(65536)) }),
    });
    await expectProblem(res, 401, "unauthorized");
  });

  it("never write a key, right or wrong, to a log line", async () => {
    const lines: string[] = [];
    const spies = (["log", "info", "warn", "error"] as const).map((level) =>
      vi
        .spyOn(console, level)
        .mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))),
    );
    try {
      const sent = ["new-key-9876543210", "old-key-0123456789", "wrong-key-5555555555", "bad#key-4444"];
      for (const key of sent) {
        await callWith(KEYS, "/v1/conditions", { headers: { "X-API-Key": key } });
        await callWith(KEYS, "/v1/conditions", { headers: { Authorization: `Bearer ${key}` } });
      }
      await callWith({ API_KEYS: "bad#key-4444, new-key-9876543210" }, "/v1/conditions");
      expect(lines.length).toBeGreaterThan(8);
      for (const key of sent) expect(lines.join("\n")).not.toContain(key);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("leave health, docs and the demo page open", async () => {
    for (const path of ["/healthz", "/openapi.json", "/docs", "/", "/demo.js", "/problems/rate-limited"]) {
      expect((await callWith(KEYS, path)).status, path).toBe(200);
    }
  });
});
