import { describe, expect, it } from "vitest";
import { call, callWith } from "../support";

const preflight = (origin: string): RequestInit => ({
  method: "OPTIONS",
  headers: {
    Origin: origin,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type",
  },
});

describe("CORS", () => {
  it("sends no CORS headers unless CORS_ORIGINS is set", async () => {
    const res = await call("/v1/conditions", { headers: { Origin: "https://app.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows the configured origins only, preflight included (before the API key is checked)", async () => {
    const config = { CORS_ORIGINS: "https://app.example, https://admin.example", API_KEYS: "k-123" };
    const ok = await callWith(config, "/v1/assessments", preflight("https://admin.example"));
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://admin.example");
    expect(ok.headers.get("access-control-allow-methods")).toContain("POST");
    expect(ok.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");

    const other = await callWith(config, "/v1/assessments", preflight("https://evil.example"));
    expect(other.headers.get("access-control-allow-origin")).toBeNull();

    const get = await callWith(config, "/v1/conditions", {
      headers: { Origin: "https://app.example", Authorization: "Bearer k-123" },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(get.headers.get("access-control-expose-headers")).toMatch(/Server-Timing/);
    expect(get.headers.get("vary")).toMatch(/Origin/);
  });

  it('allows any origin with "*"', async () => {
    const res = await callWith({ CORS_ORIGINS: "*" }, "/v1/conditions", {
      headers: { Origin: "https://x.example" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
