import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { Miniflare, type WorkerOptions } from "miniflare";
import { unstable_readConfig } from "wrangler";
import type { ModelManifest } from "../../src/model/package/manifest";
import { bundleWorker } from "../bundle";
import { root, work } from "./packages";
import { step } from "./report";

/** `wrangler dev --persist-to` state, shared: its R2 is where Miniflare here reads the model too. */
export const WRANGLER_STATE = resolve(work, "wrangler-state");
export const R2_PERSIST = resolve(WRANGLER_STATE, "v3/r2");
const COMPATIBILITY_DATE = "2026-04-20";

export type Bundles = Record<
  "bench" | "api" | "apiNoWarm" | "tail" | "text" | "speech" | "speechDecoder" | "empty",
  string
>;
let bundled: Promise<Bundles> | undefined;

/** The Workers bundled as `wrangler deploy` would (once per run). */
export function bundles(): Promise<Bundles> {
  bundled ??= (async () => {
    step("bundling the Workers (wrangler deploy --dry-run)");
    const out = resolve(work, "bundles");
    const empty = resolve(work, "empty-worker.ts");
    await writeFile(empty, 'export default { fetch: () => new Response("ok") };\n');
    // Minified where the Worker's wrangler config says so, as `wrangler deploy` would.
    const b = (name: string, entry: string, config?: string) =>
      bundleWorker(name, resolve(root, entry), resolve(out, name), {
        minify: config ? (unstable_readConfig({ config: resolve(root, config) }).minify ?? false) : false,
      });
    return {
      bench: await b("bench", "bench/workers/bench.ts"),
      api: await b("api", "src/workers/api/index.ts", "wrangler.toml"),
      // The main Worker without the vision tail's wake-up, to measure what it changes.
      apiNoWarm: await b("api-no-warm", "bench/workers/api-no-warm.ts", "wrangler.toml"),
      tail: await b("tail", "src/workers/vision-tail/index.ts", "wrangler.vision-tail.toml"),
      text: await b("text", "src/workers/text/index.ts", "wrangler.text.toml"),
      speech: await b("speech", "src/workers/speech/index.ts", "wrangler.speech.toml"),
      speechDecoder: await b(
        "speech-decoder",
        "src/workers/speech-decoder/index.ts",
        "wrangler.speech-decoder.toml",
      ),
      empty: await bundleWorker("empty", empty, resolve(out, "empty")),
    };
  })();
  return bundled;
}

/** A Worker of a bundle: its script and every module beside it (Miniflare cannot find them itself). */
export async function worker(
  name: string,
  script: string,
  options: Partial<WorkerOptions> = {},
): Promise<WorkerOptions> {
  const dir = dirname(script);
  const files = await readdir(dir);
  const wasm = files.filter((f) => f.endsWith(".wasm"));
  return {
    name,
    modulesRoot: dir,
    modules: [
      { type: "ESModule", path: script },
      ...wasm.map((f) => ({ type: "CompiledWasm" as const, path: resolve(dir, f) })),
    ],
    compatibilityDate: COMPATIBILITY_DATE,
    r2Buckets: { MODELS: "dermedge-models" },
    bindings: { MODEL_PREFIX: "models/active", DEBUG_MEMORY: "1" },
    ...options,
  } as WorkerOptions;
}

/**
 * Puts the package into the persisted local R2 (every file, the manifest last) unless that revision is
 * there already, then reads every object back once: a freshly written object's first read was
 * seconds slower, a local-storage effect that must not count as a cold start.
 */
export async function installPackage(dir: string, prefix = "models/active"): Promise<ModelManifest> {
  const manifestText = await readFile(resolve(dir, "manifest.json"), "utf8");
  const manifest: ModelManifest = JSON.parse(manifestText);
  // The whole manifest, not the revision: label embeddings are rewritten without a new revision.
  const stamp = resolve(
    R2_PERSIST,
    prefix === "models/active" ? "installed-manifest.json" : `installed-${prefix.replaceAll("/", "-")}.json`,
  );
  if (existsSync(stamp) && (await readFile(stamp, "utf8")) === manifestText) return manifest;
  step(`installing ${basename(dir)} into local R2`);
  const mf = new Miniflare({
    modules: true,
    script: "export default {}",
    r2Buckets: { MODELS: "dermedge-models" },
    r2Persist: R2_PERSIST,
  });
  try {
    const bucket = (await mf.getR2Bucket("MODELS")) as unknown as {
      put(key: string, value: Uint8Array): Promise<unknown>;
      get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
    };
    const paths = [...manifest.files.map((f) => f.path), "manifest.json"];
    for (const path of paths) {
      await bucket.put(`${prefix}/${path}`, new Uint8Array(await readFile(resolve(dir, path))));
    }
    for (const path of paths) await (await bucket.get(`${prefix}/${path}`))?.arrayBuffer();
  } finally {
    await mf.dispose();
  }
  await writeFile(stamp, manifestText);
  return manifest;
}

export interface Fetchable {
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

/** A named Worker of a Miniflare instance, to call from Node. */
export async function fetcher(mf: Miniflare, name: string): Promise<Fetchable> {
  return (await mf.getWorker(name)) as unknown as Fetchable;
}

/** The workerd processes that are children of this Node process. */
export function workerdPids(): number[] {
  const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((l) => l.includes("workerd"))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

/** Resident and peak resident bytes of a process (VmRSS, VmHWM). */
export async function rss(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))![1]) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

/** Starts a new peak (VmHWM) measurement for a process (Linux: write 5 to clear_refs). */
export async function resetPeakRss(pid: number | "self"): Promise<void> {
  await writeFile(`/proc/${pid}/clear_refs`, "5");
}

/** Starts Miniflare and returns it with its workerd process id. */
export async function startWorkerd(workers: WorkerOptions[]): Promise<{ mf: Miniflare; pid: number }> {
  const before = new Set(workerdPids());
  const mf = new Miniflare({ workers, r2Persist: R2_PERSIST, kvPersist: false });
  await mf.ready;
  const pid = workerdPids().find((p) => !before.has(p));
  if (!pid) throw new Error("could not find the new workerd process");
  return { mf, pid };
}
