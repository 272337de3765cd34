import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { SCALAR_SCRIPT } from "../../src/routes/scalar";

/**
 * /docs's script, Scalar's standalone bundle, is a static asset (wrangler.toml `[assets]`, written by
 * scripts/api-assets.ts in the global setup): served by the asset router before the Worker runs, so its
 * 4.9 MB stay out of the isolate. The router runs here as wrangler configures it from wrangler.toml, in
 * front of a Worker that names itself, so a test sees which of the two answered.
 */
const root = resolve(import.meta.dirname, "../..");
let mf: Miniflare;

beforeAll(async () => {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(resolve(root, "wrangler.toml"));
  expect(workerOptions.assets?.directory).toBeDefined();
  mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response("the Worker", { status: 404 }) };',
    compatibilityDate: "2026-04-20",
    assets: workerOptions.assets,
  });
  await mf.ready;
});
afterAll(() => mf?.dispose());

const get = (path: string, headers: Record<string, string> = {}) =>
  mf.dispatchFetch(`http://dermedge.test${path}`, { headers });

describe("/docs/scalar.js", () => {
  it("is Scalar's standalone bundle with the pinned hash, served without the Worker", async () => {
    const res = await get(SCALAR_SCRIPT.src);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^(text|application)\/javascript\b/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.byteLength).toBeGreaterThan(1_000_000); // the bundle itself, not a path or a stub
    expect(`sha384-${createHash("sha384").update(bytes).digest("base64")}`).toBe(SCALAR_SCRIPT.integrity);
    expect(SCALAR_SCRIPT.integrity).toMatch(/^sha384-[\w+/]{64}$/);

    // Revalidation: the same bundle is a 304 without a body.
    const again = await get(SCALAR_SCRIPT.src, { "If-None-Match": res.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("leaves every other path to the Worker, the asset directory's _headers file included", async () => {
    for (const path of ["/docs", "/", "/_headers", "/docs/other.js"]) {
      const res = await get(path);
      expect(await res.text(), path).toBe("the Worker");
    }
  });
});
