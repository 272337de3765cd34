import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { ACTIVE_PREFIX, MODEL_BUCKET } from "../src/cli/commands/model-install";
import type { ModelManifest } from "../src/model/package/manifest";

export const root = resolve(import.meta.dirname, "..");

export interface WranglerOptions {
  quiet?: boolean;
  inherit?: boolean;
  /**
   * wrangler appends every debug message to a file under ~/.config/.wrangler/logs, kept for good; under
   * `wrangler dev` that includes the Worker's outgoing requests with their bodies (a patient's photo
   * downloaded from Telegram, the bot token in Bot API URLs). With this set, the file goes to a temporary
   * folder removed when wrangler exits, unless WRANGLER_LOG_PATH says where the developer wants it.
   */
  privateLog?: boolean;
  /**
   * Each line wrangler prints (stdout and stderr), rewritten before it is passed on: a string replaces it,
   * undefined drops it. Colours are kept when this process writes to a terminal; wrangler's keyboard
   * shortcuts are off (its stdout is not a terminal), Ctrl-C still stops it.
   */
  rewrite?: (line: string) => string | undefined;
}

/** Runs wrangler; resolves with its exit code and stdout (stderr passes through unless `quiet`). */
export function wrangler(args: string[], options: WranglerOptions = {}) {
  const bin = resolve(createRequire(import.meta.url).resolve("wrangler/package.json"), "../bin/wrangler.js");
  const logs =
    options.privateLog && !process.env.WRANGLER_LOG_PATH
      ? mkdtempSync(join(tmpdir(), "dermedge-wrangler-logs-"))
      : undefined;
  const removeLogs = () => logs && rmSync(logs, { recursive: true, force: true });
  return new Promise<{ code: number; stdout: string }>((done, fail) => {
    const rewrite = options.rewrite;
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      stdio: rewrite
        ? ["inherit", "pipe", "pipe"]
        : options.inherit
          ? "inherit"
          : ["ignore", "pipe", options.quiet ? "ignore" : "inherit"],
      env: {
        ...process.env,
        ...(logs ? { WRANGLER_LOG_PATH: logs } : {}),
        ...(rewrite && process.stdout.isTTY ? { FORCE_COLOR: "1" } : {}),
      },
    });
    if (rewrite && child.stdout && child.stderr) {
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ] as const) {
        createInterface({ input: from, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
          const out = rewrite(line);
          if (out !== undefined) to.write(`${out}\n`);
        });
      }
    }
    // Ctrl-C or a kill must not end this process before wrangler has gone and its log with it.
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    if (logs) for (const signal of signals) process.on(signal, forward);
    const finish = () => {
      for (const signal of signals) process.off(signal, forward);
      removeLogs();
    };
    let stdout = "";
    if (!rewrite) child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.on("error", (error) => {
      finish();
      fail(error);
    });
    child.on("exit", (code) => {
      finish();
      done({ code: code ?? 1, stdout });
    });
  });
}

/** The active model's manifest in the local or remote MODELS bucket, or null when none is installed. */
export async function activeManifest(
  where: "--local" | "--remote",
  prefix = ACTIVE_PREFIX,
): Promise<ModelManifest | null> {
  const key = `${MODEL_BUCKET}/${prefix}/manifest.json`;
  const { code, stdout } = await wrangler(["r2", "object", "get", key, where, "--pipe"], { quiet: true });
  return code === 0 ? JSON.parse(stdout) : null;
}

/** The configs of the Workers the main one binds to: the text Worker and any other wrangler.*.toml. */
export function auxiliaryConfigs(): string[] {
  return readdirSync(root)
    .filter((n) => /^wrangler\..+\.toml$/.test(n))
    .sort();
}

export function banner(lines: string[]): void {
  const width = Math.max(...lines.map((l) => l.length));
  const rule = "!".repeat(width + 6);
  process.stderr.write(`\n${rule}\n${lines.map((l) => `!! ${l.padEnd(width)} !!`).join("\n")}\n${rule}\n\n`);
}
