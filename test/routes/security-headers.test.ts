import { describe, expect, it } from "vitest";
import { call, callWith } from "./support";

/** Headers a browser needs to treat every answer safely, errors included. */
function expectSafeHeaders(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
}

function csp(res: Response): Record<string, string[]> {
  const header = res.headers.get("content-security-policy") ?? "";
  return Object.fromEntries(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe("security headers", () => {
  it("every answer has nosniff, no framing and no referrer: JSON, problems, 404s, assets", async () => {
    const responses = [
      await call("/healthz"),
      await call("/openapi.json"),
      await call("/v1/conditions"),
      await call("/no/such/page"),
      await call("/v1/assessments", { method: "POST", body: "x", headers: { "content-type": "text/plain" } }),
      await callWith({ API_KEYS: "k1" }, "/v1/conditions"),
      await call("/demo.js"),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 404, 415, 401, 200]);
    for (const res of responses) expectSafeHeaders(res);
  });

  it("the demo page allows no inline script and no framing", async () => {
    const res = await call("/");
    expectSafeHeaders(res);
    const policy = csp(res);
    expect(policy["script-src"]).toEqual(["'self'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
  });

  it("/docs has its own policy: scripts from this origin only, no inline script, no other origin at all", async () => {
    const res = await call("/docs");
    expectSafeHeaders(res);
    const policy = csp(res);
    expect(policy["script-src"]).toEqual(["'self'"]);
    // Offline it must work as online: no directive names another origin (fonts included).
    expect(res.headers.get("content-security-policy")).not.toMatch(/https?:/);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    const html = await res.text();
    // The only <script> with content would be inline code: the configuration is a JSON data element.
    for (const [, attributes, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(body.trim() === "" || attributes.includes('type="application/json"')).toBe(true);
      if (!attributes.includes("src=")) expect(attributes).toContain('type="application/json"');
    }
  });
});
