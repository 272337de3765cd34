import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/** CI=true (or 1, or any value but "false" and "0"), as CI services set it. */
export const inCi = (env: NodeJS.ProcessEnv = process.env): boolean =>
  Boolean(env.CI) && env.CI !== "false" && env.CI !== "0";

/**
 * Fails the run when CI is set and any test was skipped. Tests skip only where a reference from ../shared
 * is missing (a user's bare clone); CI has ../shared, so a skip there means a test silently did not run.
 */
export class NoSkipsInCi implements Reporter {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** "project > file > test" of every skipped (or todo) test. */
  static skipped(modules: ReadonlyArray<TestModule>): string[] {
    return modules.flatMap((m) =>
      [...m.children.allTests("skipped")].map(
        (t) => `${m.project.name} > ${relative(process.cwd(), m.moduleId)} > ${t.fullName}`,
      ),
    );
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (!inCi(this.env)) return;
    const skipped = NoSkipsInCi.skipped(modules);
    if (skipped.length === 0) return;
    console.error(`\nCI: ${skipped.length} test(s) skipped; under CI every test must run:`);
    for (const name of skipped) console.error(`  skipped: ${name}`);
    process.exitCode = 1;
  }
}
