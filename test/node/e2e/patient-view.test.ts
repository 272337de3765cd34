/**
 * What a patient sees first, measured by where the elements are, not only that they exist: the demo page in
 * headless Chromium at desktop (1280x900) and phone (390x844) sizes, in English and Chinese, against
 * `wrangler dev`. Screenshots go to test-results/demo/ for a person to look at.
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_IMAGES } from "../../support/test-images";
import { e2ePrerequisites, launchChromium } from "./chromium";
import { type DevServer, startWranglerDev } from "./wrangler-dev";

const root = resolve(import.meta.dirname, "../../..");
const output = resolve(root, "test-results/demo");
const modelDir = resolve(root, ".cache/models/tiny");
const tiny = resolve(root, ".cache/images", TEST_IMAGES.tiny);
const gif = resolve(root, ".cache/images", TEST_IMAGES.gif);

const { missing, skip } = e2ePrerequisites("patient-view", { modelDir, photos: tiny });

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const EMERGENCY = {
  en: { words: "my lips and tongue are swelling and I can't breathe well", number: /112, 911 or 999/ },
  zh: { words: "嘴唇和舌头肿起来了，喘不上气", number: /120/ },
} as const;

/** The element's box in the viewport (after any scrolling the page did). */
async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("element not visible");
  return b;
}

describe.skipIf(skip)("what a patient sees first (demo page, Chromium, desktop and phone, en and zh)", () => {
  let server: DevServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let page: Page;

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`e2e test cannot run: missing ${missing.join(", ")}`);
    await mkdir(output, { recursive: true });
    server = await startWranglerDev({ modelDir, logPath: resolve(output, "wrangler-dev.log") });
    browser = await launchChromium();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(size: keyof typeof VIEWPORTS, lang: "en" | "zh") {
    await page.setViewportSize(VIEWPORTS[size]);
    await page.goto(`${server!.url}/`);
    await page.locator("#lang").selectOption(lang);
  }

  async function check(words: string, file?: string, waitForResult = true) {
    await page.locator("#text").fill(words);
    if (file) await page.locator("#photo").setInputFiles(file);
    await page.locator("#submit").click();
    if (waitForResult) await page.locator("#result").waitFor({ state: "visible", timeout: 60_000 });
  }

  for (const size of ["desktop", "phone"] as const) {
    for (const lang of ["en", "zh"] as const) {
      it(`${size}, ${lang}: words alone that are an emergency put the level, the action and the number first`, async () => {
        await open(size, lang);
        // The emergency number is on the page before any result.
        await expect(page.locator("#emergency-line").textContent()).resolves.toMatch(EMERGENCY[lang].number);
        await check(EMERGENCY[lang].words);
        const triage = page.locator("#triage");
        await expect(triage.getAttribute("class")).resolves.toMatch(/level-emergency/);
        await expect(triage.textContent()).resolves.toMatch(EMERGENCY[lang].number);
        const level = await box(triage);
        // First on the screen the page scrolled to, whole, and above everything else of the result.
        expect(level.y).toBeGreaterThanOrEqual(0);
        expect(level.y + level.height).toBeLessThanOrEqual(VIEWPORTS[size].height);
        for (const below of ["#why", "#summary", "#findings-heading"]) {
          const other = page.locator(below);
          if (await other.isVisible()) expect((await box(other)).y).toBeGreaterThan(level.y);
        }
        // Nothing below the action offers a slower time frame.
        const rest = (await page.locator("#result").textContent()) ?? "";
        expect(rest).not.toMatch(/within 2 to 3 days|in the next few weeks|2到3天内|几周内/);
        await page.screenshot({ path: resolve(output, `${size}-${lang}-emergency.png`) });
      });
    }
  }

  it("phone, en: a benign pattern is self-care; words we do not recognise are not", async () => {
    await open("phone", "en");
    await check("a few mosquito bites on my legs, itchy");
    await expect(page.locator("#triage").getAttribute("class")).resolves.toMatch(/level-self_care/);
    await expect(page.locator("#triage strong").textContent()).resolves.toBe("Self-care");
    await page.screenshot({ path: resolve(output, "phone-en-self-care.png") });
    await check("something weird on my back");
    await expect(page.locator("#triage").getAttribute("class")).resolves.toMatch(/level-doctor/);
    await expect(page.locator("#why").textContent()).resolves.toMatch(/could not recognise/);
  });

  it("phone, zh: a photo we could not check says what went wrong first, never a self-care headline", async () => {
    await open("phone", "zh");
    await check("", tiny);
    const problem = page.locator("#photo-problem");
    await expect(problem.textContent()).resolves.toMatch(/这张照片无法评估.*照片太小/s);
    await expect(page.locator("#triage").getAttribute("class")).resolves.not.toMatch(/level-self_care/);
    expect((await box(problem)).y).toBeLessThan((await box(page.locator("#triage"))).y);
    await page.screenshot({ path: resolve(output, "phone-zh-gated-photo.png") });
  });

  it("desktop, en: questions are yes / no / not sure; not sure changes nothing and unanswered ones stay", async () => {
    await open("desktop", "en");
    await check("My child has a fever and a rash");
    const before = await page.locator("#triage").getAttribute("class");
    const groups = page.locator("#question-list fieldset");
    const count = await groups.count();
    expect(count).toBeGreaterThan(2);
    await page
      .getByRole("group", { name: /Press a clear glass/ })
      .getByLabel("Not sure")
      .check();
    await page.getByRole("button", { name: "Update the answer" }).click();
    await page.locator("#status").filter({ hasText: "Done" }).waitFor({ timeout: 60_000 });
    await expect(page.locator("#triage").getAttribute("class")).resolves.toBe(before);
    // The question answered "not sure" is not asked again; every unanswered one is still there.
    await expect(page.getByRole("group", { name: /Press a clear glass/ }).count()).resolves.toBe(0);
    await expect(groups.count()).resolves.toBe(count - 1);
    await page.screenshot({ path: resolve(output, "desktop-en-questions.png"), fullPage: true });
  });

  it("desktop, zh: an error in the page's language only", async () => {
    await open("desktop", "zh");
    await check("", gif, false);
    const alert = page.getByRole("alert");
    await alert.waitFor({ state: "visible", timeout: 30_000 });
    const text = (await alert.textContent()) ?? "";
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{4,}/);
    await page.screenshot({ path: resolve(output, "desktop-zh-error.png") });
  });

  it("keyboard focus is shown on the control that has it (the photo picker's own label)", async () => {
    await open("desktop", "en");
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.id === "photo")) break;
    }
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("photo");
    const outline = await page
      .locator('label[for="photo"]')
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe("solid");
    const other = await page
      .locator('label[for="camera"]')
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(other).toBe("none");
  });
});
