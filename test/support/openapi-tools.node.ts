import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * The tools a client developer points at /openapi.json, run in Node for the workerd tests (see
 * openapi-validator.node.ts): Redocly's linter, and openapi-typescript followed by tsc. Each runs as its
 * real command line, in a temporary folder, so no config file of this repository changes what it does.
 */

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const bin = (pkg: string, path: string) => join(require.resolve(`${pkg}/package.json`), "..", path);

// Offline and quiet: no telemetry, no update check.
const ENV = {
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  NO_COLOR: "1",
};

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "dermedge-openapi-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: string[];
}

/** `redocly lint --extends recommended`: every problem, split into errors and warnings. */
export function redoclyLint(document: unknown): Promise<{ errors: LintProblem[]; warnings: LintProblem[] }> {
  return inTempDir(async (dir) => {
    await writeFile(join(dir, "openapi.json"), JSON.stringify(document));
    const args = [bin("@redocly/cli", "bin/cli.js"), "lint", "openapi.json", "--extends", "recommended"];
    // Exits 1 when there are errors; the JSON report is on stdout either way.
    const { stdout, stderr } = await run(
      process.execPath,
      [...args, "--format", "json", "--max-problems", "1000"],
      { cwd: dir, env: ENV },
    ).catch((err: { stdout?: string; stderr?: string }) => ({
      stdout: err.stdout ?? "",
      stderr: err.stderr ?? "",
    }));
    if (!stdout.trim().startsWith("{")) throw new Error(`redocly lint wrote no report: ${stderr}`);
    const report = JSON.parse(stdout) as {
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
    };
    const problems = report.problems.map(({ ruleId, severity, message, location }) => ({
      ruleId,
      severity,
      message,
      location: location.map((l) => l.pointer),
    }));
    return {
      errors: problems.filter((p) => p.severity === "error"),
      warnings: problems.filter((p) => p.severity !== "error"),
    };
  });
}

/**
 * Generates `schema.ts` from the document with the openapi-typescript command, then runs tsc (strict) over
 * the given files beside it. Returns tsc's diagnostics per file: `line: TSnnnn message`.
 */
export function typecheckClient(
  document: unknown,
  files: Record<string, string>,
): Promise<Record<string, string[]>> {
  return inTempDir(async (dir) => {
    await writeFile(join(dir, "openapi.json"), JSON.stringify(document));
    await run(
      process.execPath,
      [bin("openapi-typescript", "bin/cli.js"), "openapi.json", "-o", "schema.ts"],
      {
        cwd: dir,
        env: ENV,
      },
    );
    for (const [name, source] of Object.entries(files)) await writeFile(join(dir, name), source);
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        lib: ["ES2022", "DOM"],
        types: [],
        skipLibCheck: true,
      },
      files: ["schema.ts", ...Object.keys(files)],
    };
    await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
    const { stdout } = await run(
      process.execPath,
      [bin("typescript", "bin/tsc"), "-p", ".", "--pretty", "false"],
      {
        cwd: dir,
        env: ENV,
      },
    ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? "" }));
    const diagnostics: Record<string, string[]> = Object.fromEntries(
      ["schema.ts", ...Object.keys(files)].map((name) => [name, []]),
    );
    // `file(line,col): error TS2322: message`; continuation lines belong to the one before.
    let last: string[] | undefined;
    for (const line of stdout.split("\n")) {
      const match = line.match(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/);
      if (match) {
        last = diagnostics[match[1]] ??= [];
        last.push(`${match[2]}: ${match[3]} ${match[4]}`);
      } else if (line.trim() && last) {
        last[last.length - 1] += ` ${line.trim()}`;
      }
    }
    return diagnostics;
  });
}
