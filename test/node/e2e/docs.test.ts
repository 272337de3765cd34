/**
 * /docs in headless Chromium against wrangler dev: Scalar's bundle, served as a static asset, renders the API
 * reference with every request to another origin refused, so the page works offline and under its CSP.
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2ePrerequisites, launchChromium } from "./chromium";
import { type DevServer, startWranglerDev } from "./wrangler-dev";

const root = resolve(import.meta.dirname, "../../..");
const output = resolve(root, "test-output/e2e");
const modelDir = resolve(root, ".cache/models/tiny");

const { missing, skip } = e2ePrerequisites("docs", { modelDir });

describe.skipIf(skip)("/docs in headless Chromium, offline", () => {
  let server: DevServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`e2e test cannot run: missing ${missing.join(", ")}`);
    await mkdir(output, { recursive: true });
    server = await startWranglerDev({ modelDir, logPath: resolve(output, "wrangler-dev-docs.log") });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("renders the API reference from this origin alone, with no CSP violation or page error", async () => {
    const page = await browser!.context.newPage();
    const origin = new URL(server!.url).origin;
    const elsewhere: string[] = [];
    const problems: string[] = [];
    // As offline: any request to another origin fails (and is recorded).
    await page.route(
      (url) => url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:",
      (route) => {
        elsewhere.push(route.request().url());
        return route.abort("internetdisconnected");
      },
    );
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
    });

    await page.goto(`${server!.url}/docs`);
    // Scalar has fetched /openapi.json and rendered it: the API's title, and the server it names.
    await page.getByRole("heading", { name: "DermEdge API" }).waitFor({ timeout: 60_000 });
    await page.getByText(server!.url).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: resolve(output, "docs.png") });

    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });
});
