import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { ACTIVE_PREFIX, MODEL_BUCKET } from "../src/cli/commands/model-install";
import type { ModelManifest } from "../src/model/package/manifest";

export const root = resolve(import.meta.dirname, "..");

/** Runs wrangler; resolves with its exit code and stdout (stderr passes through unless `quiet`). */
export function wrangler(args: string[], options: { quiet?: boolean; inherit?: boolean } = {}) {
  const bin = resolve(createRequire(import.meta.url).resolve("wrangler/package.json"), "../bin/wrangler.js");
  return new Promise<{ code: number; stdout: string }>((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      stdio: options.inherit ? "inherit" : ["ignore", "pipe", options.quiet ? "ignore" : "inherit"],
    });
    let stdout = "";
    child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.on("error", fail);
    child.on("exit", (code) => done({ code: code ?? 1, stdout }));
  });
}

/** The active model's manifest in the local or remote MODELS bucket, or null when none is installed. */
export async function activeManifest(where: "--local" | "--remote"): Promise<ModelManifest | null> {
  const key = `${MODEL_BUCKET}/${ACTIVE_PREFIX}/manifest.json`;
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
