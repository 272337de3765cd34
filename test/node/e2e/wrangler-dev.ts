import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { auxiliaryConfigs } from "../../../scripts/wrangler";

const root = resolve(import.meta.dirname, "../../..");
const wranglerBin = resolve(
  createRequire(import.meta.url).resolve("wrangler/package.json"),
  "../bin/wrangler.js",
);

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function run(args: string[], log: NodeJS.WritableStream, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    // The end of its output goes into the error: the log file is overwritten by the next run.
    let tail = "";
    child.stderr.on("data", (chunk) => {
      tail = (tail + String(chunk)).slice(-2000);
    });
    child.once("error", fail);
    child.once("exit", (code) =>
      code === 0 ? done() : fail(new Error(`${args.join(" ")} exited ${code}:\n${tail}`)),
    );
  });
}

export interface DevServer {
  url: string;
  /** The process group of wrangler and its workerd (for measuring their memory). */
  processGroup: number;
  /** wrangler's DevTools endpoint for the API Worker (the first config). */
  inspectorUrl: string;
  /** The local state folder (`--persist-to`): KV and R2 live under its `v3/`. */
  state: string;
  stop(): Promise<void>;
}

/**
 * `wrangler dev` (the API Worker and the Workers it binds to, as `npm run dev` runs them) on a free loopback port, with its own local state
 * in a temporary folder holding the given model package as the active model (installed with
 * `dermedge model install --local --persist-to`). Its output goes to `logPath`. `stop` ends the whole
 * process group (wrangler and its workerd), waits for the log to be written and removes the state
 * (unless `keepState`: then the caller reads and removes it).
 */
export async function startWranglerDev(options: {
  modelDir: string;
  /** A speech package installed beside it (under the speech Worker's prefix); none = voice answers 503. */
  speechModelDir?: string;
  logPath: string;
  /** Extra `[vars]`, e.g. API_KEYS. */
  vars?: Record<string, string>;
  /** Secrets (API_KEYS, TELEGRAM_BOT_TOKEN...), loaded from an env file as `.dev.vars` would be: wrangler prints them as hidden. */
  secrets?: Record<string, string>;
  keepState?: boolean;
}): Promise<DevServer> {
  const state = await mkdtemp(join(tmpdir(), "dermedge-e2e-"));
  const log = createWriteStream(options.logPath);
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child?.once("exit", done));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      const timer = setTimeout(() => {
        try {
          if (child?.pid) process.kill(-child.pid, "SIGKILL");
        } catch {}
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    await new Promise((done) => log.end(done));
    if (!options.keepState) await rm(state, { recursive: true, force: true });
  };
  // wrangler also appends everything it logs, debug included (the inspector's network events with their
  // bodies: Telegram file downloads, the bot token in Bot API URLs), to a file under ~/.config/.wrangler/logs;
  // kept in the state folder instead, so it goes with it.
  const env = {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    NO_COLOR: "1",
    WRANGLER_LOG_PATH: join(state, "wrangler-debug.log"),
  };
  try {
    await run(
      ["bin/dermedge.mjs", "model", "install", options.modelDir, "--local", "--persist-to", state],
      log,
      env,
    );
    if (options.speechModelDir) {
      await run(
        ["bin/dermedge.mjs", "model", "install", options.speechModelDir, "--local", "--persist-to", state],
        log,
        env,
      );
    }
    const envFile = join(state, "secrets.env");
    if (options.secrets) {
      const lines = Object.entries(options.secrets).map(
        ([name, value]) => `${name}=${JSON.stringify(value)}\n`,
      );
      await writeFile(envFile, lines.join(""));
    }
    const [port, inspectorPort] = [await freePort(), await freePort()];
    child = spawn(
      process.execPath,
      [
        wranglerBin,
        "dev",
        ...["wrangler.toml", ...auxiliaryConfigs()].flatMap((config) => ["-c", config]),
        "--ip",
        "127.0.0.1",
        "--port",
        String(port),
        "--inspector-port",
        String(inspectorPort),
        "--persist-to",
        state,
        "--show-interactive-dev-session=false",
        // Only these secrets, never a developer's .dev.vars.
        ...(options.secrets ? ["--env-file", envFile] : []),
        // Open on purpose (as `npm run dev`) unless the test brings its own API_KEYS.
        ...Object.entries({
          ...(options.vars?.API_KEYS || options.secrets?.API_KEYS ? {} : { OPEN_ACCESS: "true" }),
          ...options.vars,
        }).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
      ],
      {
        cwd: root,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env,
      },
    );
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${url}/readyz`, child, 120_000);
    return { url, processGroup: child.pid!, inspectorUrl: `ws://127.0.0.1:${inspectorPort}/ws`, state, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev did not answer ${url} within ${timeoutMs / 1000} s`);
}
