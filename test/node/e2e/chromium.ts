import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium, installed by scripts/install-chromium.sh (never a browser download). */
export const CHROMIUM = "/usr/bin/chromium";
export const chromiumInstalled = existsSync(CHROMIUM);

/**
 * Headless Chromium with a fresh profile folder (Playwright takes it as the persistent context's
 * user data dir, its equivalent of --user-data-dir) and a phone-sized window. `close` ends the browser
 * and removes the profile.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), "dermedge-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    locale: "en-GB",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * What an e2e test needs and is missing: Chromium and the files the vitest global setup makes (the tiny model,
 * and the photos when `photos` is given). `skip` is true only outside CI: in CI a missing browser or fixture is
 * a failure, never a silent skip (the test's beforeAll throws with `missing`).
 */
export function e2ePrerequisites(name: string, files: { modelDir: string; photos?: string }) {
  const missing = [
    chromiumInstalled ? null : `${CHROMIUM} (run scripts/install-chromium.sh)`,
    existsSync(files.modelDir) ? null : ".cache/models/tiny (made by the vitest global setup)",
    files.photos === undefined || existsSync(files.photos)
      ? null
      : ".cache/images (made by the vitest global setup)",
  ].filter((m): m is string => m !== null);
  const skip = missing.length > 0 && !process.env.CI;
  if (skip) console.warn(`e2e ${name} test skipped: missing ${missing.join(", ")}`);
  return { missing, skip };
}
