import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_IMAGES } from "../../support/test-images";
import { e2ePrerequisites, launchChromium } from "./chromium";
import { type DevServer, startWranglerDev } from "./wrangler-dev";

const root = resolve(import.meta.dirname, "../../..");
const output = resolve(root, "test-output/e2e");
const modelDir = resolve(root, ".cache/models/tiny");
// Made by the vitest global setup (test/support/test-images.node.ts), as the model is.
const photo = resolve(root, ".cache/images", TEST_IMAGES.photo);
const gif = resolve(root, ".cache/images", TEST_IMAGES.gif);

const { missing, skip } = e2ePrerequisites("demo", { modelDir, photos: photo });

describe.skipIf(skip)("demo page in headless Chromium against wrangler dev", () => {
  let server: DevServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`e2e test cannot run: missing ${missing.join(", ")}`);
    await mkdir(output, { recursive: true });
    server = await startWranglerDev({ modelDir, logPath: resolve(output, "wrangler-dev.log") });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("uploads a photo with words and shows the ranked findings, the triage level and the advice", async () => {
    await page.goto(`${server!.url}/`);
    await expect(page.title()).resolves.toContain("DermEdge");
    await page.locator("#photo").setInputFiles(photo);
    // The preview shows once the browser has read the file: wait for it rather than look at once.
    await page.locator("#preview").waitFor({ state: "visible", timeout: 10_000 });
    await page
      .getByLabel("Describe it in your own words (optional)")
      .fill("Itchy red patch on my arm for 3 days");
    await page.getByLabel("Language of the answer").selectOption("en");
    await page.getByRole("button", { name: "Check my skin" }).click();

    const result = page.locator("#result");
    await result.waitFor({ state: "visible", timeout: 60_000 });
    await expect(page.locator("#status").textContent()).resolves.toBe("Done: the result is below.");
    await expect(page.locator("#triage strong").textContent()).resolves.toMatch(/\S/);
    await expect(page.locator("#triage .action").textContent()).resolves.toMatch(/\S/);
    expect(((await page.locator("#summary").textContent()) ?? "").length).toBeGreaterThan(10);
    const findings = page.locator("#findings li.finding");
    expect(await findings.count()).toBe(5);
    const widths = await page
      .locator("#findings .bar-fill")
      .evaluateAll((bars) => bars.map((bar) => (bar as HTMLElement).getBoundingClientRect().width));
    expect(widths.every((w) => w > 0)).toBe(true);
    expect(widths[0]).toBeGreaterThanOrEqual(widths[4]);
    expect(await page.locator("#advice li").count()).toBeGreaterThan(0);
    await expect(page.locator("#symptoms").textContent()).resolves.toMatch(/itching/);
    await expect(page.locator("#model").textContent()).resolves.toMatch(/synthetic/);
    await expect(page.locator("#disclaimer").textContent()).resolves.toMatch(/not a diagnosis/);

    await page.screenshot({ path: resolve(output, "demo.png"), fullPage: true });
    expect(existsSync(resolve(output, "demo.png"))).toBe(true);
  });

  it("asks the questions as yes / no / not sure and re-submits with the answers", async () => {
    await page.getByLabel("Describe it in your own words (optional)").fill("My child has a fever and a rash");
    await page.getByRole("button", { name: "Check my skin" }).click();
    const questions = page.locator("#questions");
    await questions.waitFor({ state: "visible", timeout: 60_000 });
    const glass = page.getByRole("group", { name: /Press a clear glass/ });
    await expect(glass.getByLabel("Yes").isChecked()).resolves.toBe(false);
    await expect(page.locator("#triage").getAttribute("class")).resolves.not.toMatch(/level-emergency/);
    await glass.getByLabel("Yes").check();
    await page.getByRole("button", { name: "Update the answer" }).click();
    await page.locator("#triage.level-emergency").waitFor({ timeout: 60_000 });
    await expect(page.locator("#triage .action").textContent()).resolves.toMatch(/emergency number now/);
    await expect(page.getByRole("group", { name: /Press a clear glass/ }).count()).resolves.toBe(0);
    await page.screenshot({ path: resolve(output, "demo-questions.png"), fullPage: true });
  });

  it("answers in Chinese when Chinese is picked, and shows a refused photo as an alert", async () => {
    await page.getByLabel("Language of the answer").selectOption("zh");
    await expect(page.locator("#submit").textContent()).resolves.toBe("检查我的皮肤");
    await page.locator("#submit").click();
    await page.locator("#status").filter({ hasText: "完成" }).waitFor({ timeout: 60_000 });
    await expect(page.locator("#disclaimer").textContent()).resolves.toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: resolve(output, "demo-zh.png"), fullPage: true });

    await page.locator("#photo").setInputFiles(gif);
    await page.locator("#submit").click();
    const alert = page.getByRole("alert");
    await alert.waitFor({ state: "visible", timeout: 30_000 });
    await expect(alert.textContent()).resolves.toMatch(/不支持的图片格式/);
    // Never an English sentence under the Chinese title.
    await expect(alert.textContent()).resolves.not.toMatch(/[A-Za-z]{4,} [A-Za-z]{4,}/);
    await expect(page.locator("#result").isHidden()).resolves.toBe(true);
    await page.screenshot({ path: resolve(output, "demo-error.png"), fullPage: true });
  });

  it("raised no script errors or CSP violations", () => {
    // The refused GIF's 415 is the one failed load the browser reports.
    expect(problems.filter((p) => !p.includes("the server responded with a status of 415"))).toEqual([]);
  });
});
