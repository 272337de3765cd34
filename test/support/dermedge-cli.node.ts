import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";

const bin = resolve(import.meta.dirname, "../../bin/dermedge.mjs");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `dermedge` CLI as a user would (a new Node process); a failing exit is a result, not a throw. */
export async function runDermedge(
  args: string[],
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", [bin, ...args], {
      env: options.env,
      maxBuffer: 64 * 1024 * 1024, // audio-features prints megabytes of JSON
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
