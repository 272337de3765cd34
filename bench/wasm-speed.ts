/**
 * Why workerd runs the same WASM slower than Node: the vision tail's graph (stage 2 of the `base` package)
 * run by the same onnxruntime-web WASM in Node and in workerd started with various V8 flags (workerd's
 * config `v8Flags`, which Miniflare does not expose), alternating, each run timed from outside.
 *
 *   npx tsx bench/wasm-speed.ts [--runs 8] [--trend]    (--trend: every round's ratio, in order, to see tier-up)
 */
import { spawn } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { createRequire } from "node:module";
import { basename, dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { nodeRuntime } from "../src/cli/runtime";
import { bundleWorker } from "./bundle";
import { benchPackages, work } from "./lib/packages";
import { spread, step } from "./lib/report";
import { loadGraph } from "./wasm-speed/run-graph";

const VARIANTS: Record<string, string[]> = {
  "workerd, default flags": [],
  "workerd --no-liftoff (TurboFan only)": ["--no-liftoff"],
  "workerd --no-wasm-lazy-compilation": ["--no-wasm-lazy-compilation"],
  "workerd --no-wasm-bounds-checks (unsafe: what checks cost)": ["--no-wasm-bounds-checks"],
};

// A new port per workerd: one that has not exited yet must not answer for the next.
let PORT = 0;

/** POST to the local workerd on a connection of its own (no keep-alive: a reused one was closed under us). */
function post(path: string, body?: Uint8Array): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port: PORT, path, method: "POST", agent: false }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => done({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

async function startWorkerd(script: string, flags: string[]) {
  PORT = 20_000 + Math.floor(Math.random() * 20_000);
  const dir = dirname(script);
  const wasm = (await readdir(dir)).find((f) => f.endsWith(".wasm"))!;
  const config = resolve(dir, "config.capnp");
  await writeFile(
    config,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = "127.0.0.1:${PORT}", http = (), service = "main")],
  v8Flags = [${flags.map((f) => JSON.stringify(f)).join(", ")}],
);
const w :Workerd.Worker = (
  modules = [(name = "${basename(script)}", esModule = embed "${basename(script)}"),
             (name = "${wasm}", wasm = embed "${wasm}")],
  compatibilityDate = "2026-04-20",
);
`,
  );
  // The binary itself (the package's bin is a Node wrapper whose kill would leave workerd running).
  const workerdPath: string = createRequire(import.meta.url)("workerd").default;
  const child = spawn(workerdPath, ["serve", config], { stdio: ["ignore", "ignore", "inherit"] });
  child.on("exit", (code) => {
    if (code) step(`workerd exited with ${code}`);
  });
  for (let i = 0; i < 200; i++) {
    const up = await fetch(`http://127.0.0.1:${PORT}/`).then(
      () => true,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("workerd did not start");
}

async function main() {
  const { values } = parseArgs({
    options: { runs: { type: "string", default: "8" }, trend: { type: "boolean", default: false } },
  });
  const runs = Number(values.runs);
  const { packed } = await benchPackages();
  const manifest = JSON.parse(await readFile(resolve(packed, "manifest.json"), "utf8"));
  const stage = manifest.vision.stages[1];
  const graph = new Uint8Array(await readFile(resolve(packed, stage.file)));
  const dims = [1, 50, 768];
  const query = `input=${encodeURIComponent(stage.input)}&dims=${dims.join(",")}`;
  step("bundling the WASM speed Worker");
  const script = await bundleWorker(
    "wasm-speed",
    resolve(import.meta.dirname, "workers/wasm-speed.ts"),
    resolve(work, "bundles/wasm-speed"),
  );

  step("Node: the same WASM");
  const node = await loadGraph((await nodeRuntime()).ortWasm, graph, stage.input, dims);
  const nodeRun = async () => {
    const t = performance.now();
    await node.run();
    return performance.now() - t;
  };
  await nodeRun();
  await nodeRun();

  const rows: string[] = [];
  for (const [name, flags] of Object.entries(VARIANTS)) {
    step(name);
    const child = await startWorkerd(script, flags);
    try {
      const res = await post(`/load?${query}`, graph);
      if (res.status !== 200) throw new Error(`${name}: /load answered ${res.status} ${res.text}`);
      const workerdRun = async () => {
        const t = performance.now();
        const r = await post("/run");
        if (r.status !== 200) throw new Error(`${name}: /run answered ${r.status} ${r.text}`);
        return performance.now() - t;
      };
      const first = await workerdRun();
      await workerdRun();
      const ours: number[] = [];
      const ratios: number[] = [];
      for (let i = 0; i < runs; i++) {
        const [w, n] = i % 2 ? [await workerdRun(), await nodeRun()] : [0, 0];
        const [n2, w2] = i % 2 ? [n, w] : [await nodeRun(), await workerdRun()];
        ours.push(w2);
        ratios.push(w2 / n2);
      }
      const r = spread(ratios);
      if (values.trend) step(`${name}: ratio per round ${ratios.map((x) => x.toFixed(2)).join(" ")}`);
      rows.push(
        `| ${name} | ${spread(ours).median.toFixed(0)} ms | first run ${first.toFixed(0)} ms | ${r.median.toFixed(2)}x (${r.min.toFixed(2)}–${r.max.toFixed(2)}) |`,
      );
    } finally {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill();
      await exited;
    }
  }
  console.log("\n| workerd variant | run (median) | | workerd/Node, same round |\n| --- | --- | --- | --- |");
  console.log(rows.join("\n"));
}

await main();
