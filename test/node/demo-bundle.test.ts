import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { bundleDemo, DEMO_MODULE, demoModule } from "../../scripts/build-demo";
import { DEMO_JS } from "../../src/routes/demo/client.gen";

describe("the demo page's script (src/routes/demo/browser/, bundled into src/routes/demo/client.gen.ts)", () => {
  it("the committed bundle is up to date with its TypeScript (npm run build:demo)", async () => {
    const js = await bundleDemo();
    expect(await readFile(DEMO_MODULE, "utf8")).toBe(demoModule(js));
    // The template literal gives back exactly what esbuild wrote (backslashes, backticks and ${ escaped).
    expect(DEMO_JS).toBe(js);
  });

  it("is one self-contained script: no import or export left for the browser to fetch", async () => {
    expect(DEMO_JS).not.toMatch(/^\s*(import|export)\b/m);
    expect(DEMO_JS).not.toMatch(/\bimport\(/);
    expect(DEMO_JS).toContain('fetch("/v1/assessments"');
  });
});
