import type { z } from "@hono/zod-openapi";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { AssessmentAnswer } from "../../src/routes/demo/browser/answer";
import type { AssessmentResponse } from "../../src/routes/schemas/assessment";
import { call } from "./support";

describe("GET / (demo page)", () => {
  it("is a small accessible page: labelled controls, a live status, a script and stylesheet of its own", async () => {
    const res = await call("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    const html = await res.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(
      /<input id="photo" name="image" type="file" accept="image\/jpeg,image\/png,image\/webp"/,
    );
    expect(html).toMatch(/<input id="camera" type="file" accept="image\/\*" capture="environment"/);
    expect(html).toMatch(/<textarea id="text"[^>]*maxlength="1000"/);
    expect(html).toMatch(/<option value="zh" lang="zh">中文<\/option>/);
    expect(html).toMatch(/role="status" aria-live="polite"/);
    expect(html).toMatch(/role="alert"/);
    // Every control has a label.
    for (const [, id] of html.matchAll(/<(?:input|textarea|select) id="([^"]+)"/g)) {
      expect(html, id).toContain(`for="${id}"`);
    }
    expect(html).toContain('<script type="module" src="/demo.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/demo.css">');
  });

  it("serves its script and styles; the script posts to the API and renders with textContent only", async () => {
    const js = await call("/demo.js");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const script = await js.text();
    expect(script).toContain('fetch("/v1/assessments"');
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|eval\(/);
    const css = await call("/demo.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain("@media (prefers-color-scheme: dark)");
  });

  it("reads the API's answer as its schema describes it (checked by tsc: the page's types fit the API's)", () => {
    expectTypeOf<z.infer<typeof AssessmentResponse>>().toExtend<AssessmentAnswer>();
  });

  it("keeps the API key in memory only: nothing is written to web storage or cookies", async () => {
    const script = await (await call("/demo.js")).text();
    expect(script).not.toMatch(/localStorage|indexedDB|document\.cookie|Storage\.(setItem|getItem)/);
  });
});
