import { readdirSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Reporter, TestCase, TestModule } from "vitest/node";

/**
 * Fails the run when no test has started or finished for `stallMs`, naming the files and tests still
 * running, and ends workerd. A workerd spinning in V8's incremental sweeper (scripts/repro/README.md) runs
 * no JavaScript, so vitest's own timeouts, which are timers inside workerd, never fire: without this, the
 * run holds CI until its outer limit. The default (6 minutes) is longer than any test's or hook's timeout
 * (vitest.config.ts: 5 minutes at most), so only a stall trips it.
 */
export class StallWatchdog implements Reporter {
  private last = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private readonly modules = new Set<TestModule>();
  private readonly tests = new Set<TestCase>();

  constructor(
    private readonly stallMs = 6 * 60_000,
    private readonly onStall: (report: string) => void = stopRun,
  ) {}

  onTestRunStart(): void {
    this.progress();
    this.timer = setInterval(() => this.check(), Math.min(15_000, this.stallMs / 4));
    this.timer.unref();
  }

  onTestModuleQueued(module: TestModule): void {
    this.modules.add(module);
    this.progress();
  }

  onTestModuleStart(module: TestModule): void {
    this.modules.add(module);
    this.progress();
  }

  onTestModuleEnd(module: TestModule): void {
    this.modules.delete(module);
    this.progress();
  }

  onTestCaseReady(test: TestCase): void {
    this.tests.add(test);
    this.progress();
  }

  onTestCaseResult(test: TestCase): void {
    this.tests.delete(test);
    this.progress();
  }

  onHookEnd(): void {
    this.progress();
  }

  onTestRunEnd(): void {
    clearInterval(this.timer);
  }

  private progress(): void {
    this.last = Date.now();
  }

  /** Public for its test: trips once the last progress is `stallMs` old. */
  check(now = Date.now()): void {
    if (now - this.last < this.stallMs) return;
    clearInterval(this.timer);
    const name = (m: TestModule) =>
      [m.project.name, relative(process.cwd(), m.moduleId)].filter((part) => part !== "").join(" > ");
    const lines = [
      `\nstalled: no test started or finished for ${Math.round((now - this.last) / 1000)} s; stopping the run.`,
      ...[...this.modules].map((m) => `  unfinished file: ${name(m)}`),
      // Known only where workerd reported the test's start before it stopped.
      ...[...this.tests].map((t) => `  unfinished test: ${name(t.module)} > ${t.fullName}`),
      "  (a workerd stuck in V8's sweeper runs no timers: see scripts/repro/README.md)",
    ];
    this.onStall(lines.join("\n"));
  }
}

/** Says why, ends every process this run started (workerd among them), and exits with failure. */
function stopRun(report: string): void {
  console.error(report);
  for (const pid of descendants(process.pid)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  process.exit(1);
}

/** Child processes, recursively, from /proc (Linux, where CI runs); elsewhere none and exit alone. */
function descendants(root: number): number[] {
  let stats: { pid: number; ppid: number }[];
  try {
    stats = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => {
        try {
          // The parent pid is the 2nd field after the parenthesised command name.
          const stat = readFileSync(`/proc/${d}/stat`, "utf8");
          return [{ pid: Number(d), ppid: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) }];
        } catch {
          return [];
        }
      });
  } catch {
    return [];
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    const children = stats.filter((s) => s.ppid === parent).map((s) => s.pid);
    found.push(...children);
    queue.push(...children);
  }
  return found;
}
