/**
 * Section 6: throughput. One `wrangler dev` (every Worker of the service, local R2 and KV, loopback
 * only) with the base package; 30 s of closed-loop load (each client sends the next request when its
 * answer arrives) with 1, 2 and 4 clients POSTing a 1280x960 photo: requests/s, latency percentiles,
 * errors, and the workerd process's peak RSS.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { API_ASSETS_DIR, writeApiAssets } from "../../scripts/api-assets";
import { auxiliaryConfigs } from "../../scripts/wrangler";
import type { BenchContext } from "../lib/context";
import { root, work } from "../lib/packages";
import { percentile, type Row, spread, step } from "../lib/report";
import { installPackage, resetPeakRss, rss, WRANGLER_STATE } from "../lib/workerd";

const SECTION = "6 throughput";
const SECONDS = 30;
const MB = 1e6;

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** wrangler.toml without its request rate limiter (60 a minute would cut the load off), paths made absolute. */
async function benchConfig(): Promise<string> {
  const config = (await readFile(resolve(root, "wrangler.toml"), "utf8"))
    .replace(/^main = "(.+)"$/m, (_, main) => `main = "${resolve(root, main)}"`)
    .replace(/^directory = "(.+)"$/m, () => `directory = "${API_ASSETS_DIR}"`)
    .replace(/\[\[ratelimits\]\]\s*name = "RATE_LIMITER"[^[]*/s, "");
  await writeApiAssets();
  const path = resolve(work, "wrangler.bench.toml");
  await writeFile(path, config);
  return path;
}

function descendants(pid: number): number[] {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" });
  const pairs = out
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of pairs) {
      if (parent !== p) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function workerdOf(pid: number): number[] {
  return descendants(pid).filter((p) => {
    try {
      return execFileSync("ps", ["-o", "args=", "-p", String(p)], { encoding: "utf8" }).includes("workerd");
    } catch {
      return false;
    }
  });
}

async function startWrangler(port: number): Promise<ChildProcess> {
  const bin = resolve(createRequire(import.meta.url).resolve("wrangler/package.json"), "../bin/wrangler.js");
  const configs = [await benchConfig(), ...auxiliaryConfigs().map((c) => resolve(root, c))].flatMap((c) => [
    "-c",
    c,
  ]);
  const child = spawn(
    process.execPath,
    [
      bin,
      "dev",
      ...configs,
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      WRANGLER_STATE,
      "--show-interactive-dev-session=false",
      // /v1 without API_KEYS is closed unless opened on purpose (wrangler.toml's OPEN_ACCESS).
      "--var",
      "OPEN_ACCESS:true",
    ],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited: ${stderr.slice(-2000)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error(`wrangler dev did not answer within 120 s: ${stderr.slice(-2000)}`);
}

export async function throughputSection({ packages, photos }: BenchContext): Promise<Row[]> {
  await installPackage(packages.packed);
  const port = await freePort();
  step(`section 6: wrangler dev on 127.0.0.1:${port}`);
  const wrangler = await startWrangler(port);
  const form = new FormData();
  form.append("image", new Blob([photos.telegram.slice()], { type: "image/jpeg" }), "photo.jpg");
  const request = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/v1/assessments`, { method: "POST", body: form });
    await res.arrayBuffer();
    return res.status === 200;
  };
  const rows: Row[] = [];
  try {
    if (!(await request())) throw new Error("the first assessment failed");
    await request();
    for (const clients of [1, 2, 4]) {
      step(`section 6: ${clients} client(s), ${SECONDS} s`);
      const pids = workerdOf(wrangler.pid!);
      for (const pid of pids) await resetPeakRss(pid);
      const latencies: number[] = [];
      let errors = 0;
      const end = performance.now() + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() < end) {
            const started = performance.now();
            const ok = await request().catch(() => false);
            latencies.push(performance.now() - started);
            if (!ok) errors++;
          }
        }),
      );
      // wrangler may have restarted workerd meanwhile: count the processes alive now.
      let peak = 0;
      for (const pid of new Set([...pids, ...workerdOf(wrangler.pid!)])) {
        peak += await rss(pid).then(
          (m) => m.peak,
          () => 0,
        );
      }
      const rps = latencies.length / SECONDS;
      rows.push({
        section: SECTION,
        what: `${clients} client(s), closed loop, ${SECONDS} s: requests/s`,
        unit: "req/s",
        ours: spread([rps]),
        goal: { text: "0 errors", met: errors === 0 },
        note: `${latencies.length} requests, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, errors ${errors}, workerd peak RSS ${(peak / MB).toFixed(0)} MB (all three Workers in one process)`,
      });
    }
  } finally {
    wrangler.kill("SIGINT");
    await new Promise((r) => wrangler.once("exit", r));
  }
  return rows;
}
