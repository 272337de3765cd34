import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { StallWatchdog } from "../stall-watchdog.js";

/** A run whose only test spins in workerd, for test/node/stall-watchdog.test.ts. */
export default defineConfig({
  plugins: [
    cloudflareTest({ miniflare: { compatibilityDate: "2026-04-20", compatibilityFlags: ["nodejs_compat"] } }),
  ],
  test: {
    root: import.meta.dirname,
    include: ["*.fixture.ts"],
    reporters: ["default", new StallWatchdog(Number(process.env.STALL_MS))],
    testTimeout: 5_000,
  },
});
