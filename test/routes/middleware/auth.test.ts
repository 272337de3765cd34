import { describe, expect, it, vi } from "vitest";
import { call, callWith, expectProblem } from "../support";

const KEYS = { API_KEYS: "old-key-0123456789, new-key-9876543210" };

describe("API keys", () => {
  it("are not needed when none are configured (local dev)", async () => {
    expect((await call("/v1/conditions")).status).toBe(200);
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

  it("leave health, docs and the demo page open", async () => {
    for (const path of ["/healthz", "/openapi.json", "/docs", "/", "/demo.js", "/problems/rate-limited"]) {
      expect((await callWith(KEYS, path)).status, path).toBe(200);
    }
  });
});
