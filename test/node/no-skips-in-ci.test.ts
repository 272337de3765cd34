import { afterEach, describe, expect, it, vi } from "vitest";
import type { TestModule } from "vitest/node";
import { inCi, NoSkipsInCi } from "../support/no-skips-in-ci";

/** A module as the reporter sees it: its tests' full names by state. */
function module(tests: Record<string, "passed" | "skipped">): TestModule {
  return {
    moduleId: `${process.cwd()}/test/example.test.ts`,
    project: { name: "node" },
    children: {
      *allTests(state?: string) {
        for (const [fullName, s] of Object.entries(tests)) if (!state || s === state) yield { fullName };
      },
    },
  } as unknown as TestModule;
}

describe("NoSkipsInCi (the reporter in vitest.config.ts)", () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
    vi.restoreAllMocks();
  });

  it("fails the run under CI when a test was skipped, naming it", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    new NoSkipsInCi({ CI: "true" }).onTestRunEnd([
      module({ "a > runs": "passed", "a > needs ../shared": "skipped" }),
    ]);
    expect(process.exitCode).toBe(1);
    expect(errors.mock.calls.flat().join("\n")).toContain(
      "node > test/example.test.ts > a > needs ../shared",
    );
  });

  it("lets a run without skips pass under CI, and any run outside CI", () => {
    new NoSkipsInCi({ CI: "true" }).onTestRunEnd([module({ "a > runs": "passed" })]);
    new NoSkipsInCi({}).onTestRunEnd([module({ "a > needs ../shared": "skipped" })]);
    new NoSkipsInCi({ CI: "false" }).onTestRunEnd([module({ "a > needs ../shared": "skipped" })]);
    expect(process.exitCode).toBe(exitCode);
  });

  it("reads CI as CI services set it", () => {
    expect([inCi({ CI: "true" }), inCi({ CI: "1" }), inCi({ CI: "0" }), inCi({ CI: "" }), inCi({})]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
