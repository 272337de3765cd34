import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

interface Run {
  code: number | null;
  killed: boolean;
  output: string;
}

describe("a stuck workerd fails the run (test/support/stall-watchdog.ts)", () => {
  it("once nothing moves for the stall bound, naming the file and the test", async () => {
    const run = await new Promise<Run>((done) => {
      execFile(
        "npx",
        ["vitest", "run", "--config", "test/support/stall/vitest.config.ts"],
        { cwd: root, env: { ...process.env, STALL_MS: "30000", CI: "" }, timeout: 240_000 },
        (error, stdout, stderr) => {
          const failed = error as { code?: number; killed?: boolean } | null;
          done({
            code: failed ? (failed.code ?? null) : 0,
            killed: failed?.killed ?? false,
            output: stdout + stderr,
          });
        },
      );
    });
    expect(run.output).toMatch(/stalled: no test started or finished for \d+ s/);
    expect(run.output).toMatch(/unfinished file: test\/support\/stall\/spin\.fixture\.ts/);
    // Ended by the watchdog with a failure, not by this test's outer kill.
    expect(run.killed).toBe(false);
    expect(run.code).toBe(1);
  });
});
