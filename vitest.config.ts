import { readdir, readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig, defineProject } from "vitest/config";
import { unstable_readConfig } from "wrangler";
import { fakeTelegramBindings, fakeTelegramControl } from "./test/support/fake-telegram.node.js";
import { NoSkipsInCi } from "./test/support/no-skips-in-ci.js";
import { openApiValidator } from "./test/support/openapi-validator.node.js";
import { StallWatchdog } from "./test/support/stall-watchdog.js";

/**
 * `../shared` (reference fixtures), `.cache` (what the global setup generates) and `test/fixtures` (small
 * committed fixtures), served to workerd tests.
 */
const roots: Record<string, string> = {
  shared: resolve(import.meta.dirname, "../shared"),
  cache: resolve(import.meta.dirname, ".cache"),
  fixtures: resolve(import.meta.dirname, "test/fixtures"),
};

// workerd has no file system: tests read host files through this service binding.
async function hostFiles(request: Request): Promise<Response> {
  const [, root, ...rest] = new URL(request.url).pathname.split("/");
  const base = roots[root];
  const path = resolve(base ?? "/nonexistent", decodeURIComponent(rest.join("/")));
  if (!base || !path.startsWith(base)) return new Response("bad path", { status: 400 });
  try {
    return new Response(new Uint8Array(await readFile(path)));
  } catch {
    return new Response("not found", { status: 404 });
  }
}

/** The modules of a Worker bundled by `wrangler deploy --dry-run --outdir` (see test/support/global-setup.ts). */
async function bundledModules(dir: string) {
  const wasm = (await readdir(dir)).filter((n) => n.endsWith(".wasm"));
  return [
    { type: "ESModule" as const, path: resolve(dir, "index.js") },
    ...wasm.map((n) => ({ type: "CompiledWasm" as const, path: resolve(dir, n) })),
  ];
}

/**
 * A Worker the main one calls, bundled by the global setup into `bundleDir`, with what its wrangler
 * config declares (name, compatibility date, R2 buckets, vars, service bindings), read by wrangler itself
 * so the tests run each Worker as configured, never a copy of its settings.
 */
async function companionWorker(config: string, bundleDir: string) {
  const c = unstable_readConfig({ config: resolve(import.meta.dirname, config) });
  return {
    name: c.name,
    modules: await bundledModules(resolve(import.meta.dirname, bundleDir)),
    compatibilityDate: c.compatibility_date,
    r2Buckets: Object.fromEntries(
      c.r2_buckets.map((b: { binding: string; bucket_name?: string }) => [b.binding, String(b.bucket_name)]),
    ),
    bindings: c.vars as Record<string, string>,
    serviceBindings: Object.fromEntries(
      (c.services ?? []).map((s: { binding: string; service: string }) => [s.binding, s.service]),
    ),
  };
}

// A function, so it runs after the global setup has bundled the auxiliary Workers.
const workerdRuntime = () =>
  cloudflareTest(async () => ({
    wrangler: { configPath: "./wrangler.toml" },
    miniflare: {
      serviceBindings: {
        HOST_FILES: hostFiles,
        OPENAPI: openApiValidator,
        FAKE_TELEGRAM: fakeTelegramControl,
      },
      // The bot's bindings point at the fake Telegram Bot API, a loopback server in this process.
      // OPEN_ACCESS: /v1 open without API_KEYS, as in `npm run dev` (wrangler.toml keeps it closed).
      bindings: { ...(await fakeTelegramBindings()), OPEN_ACCESS: "true" },
      // The Workers the main one calls, as deployed: the text Worker (TEXT_ENCODER), the speech Worker
      // (SPEECH), which sends each window's hidden states to the speech-decoder Worker (SPEECH_DECODER),
      // and the second half of a packed vision tower (VISION_TAIL).
      workers: await Promise.all([
        companionWorker("wrangler.text.toml", ".cache/text-worker"),
        companionWorker("wrangler.speech.toml", ".cache/speech-worker"),
        companionWorker("wrangler.speech-decoder.toml", ".cache/speech-decoder-worker"),
        companionWorker("wrangler.vision-tail.toml", ".cache/vision-tail-worker"),
      ]),
    },
  }));

const WORKERD_TESTS = ["test/**/*.test.ts", "src/**/*.test.ts"];
const WORKERD_TIMEOUTS = { testTimeout: 120_000, hookTimeout: 120_000 };

/**
 * workerd test files that need a runtime of their own: they swap or damage the active model package that
 * the other files share (the API isolate keeps one engine per prefix), mock modules, or count what an
 * isolate has seen since it started. Every other workerd file shares one runtime per pool worker: starting
 * workerd with its four Workers costs seconds, which per file was most of the suite's time.
 */
const OWN_RUNTIME = [
  "test/lib/degraded.test.ts",
  "test/routes/failures.test.ts",
  "test/routes/integrity.test.ts",
  "test/routes/ort-build.test.ts",
  "test/routes/r2-faults.test.ts",
  "test/routes/text-worker-down.test.ts",
  "test/workers/api/cold-start.test.ts",
  "test/workers/api/faults.test.ts",
  "test/workers/api/rpc.test.ts",
  "test/workers/api/split-vision.test.ts",
  "test/workers/api/vision-tail-warm.test.ts",
];

export default defineConfig({
  test: {
    globalSetup: ["./test/support/global-setup.ts"],
    // At least two files at once: vitest's default (one fewer than the CPUs) runs a 2-core machine's suite
    // one file at a time, though many files mostly wait (on wrangler dev, Chromium, a child process).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Under CI=true a skipped test fails the run: only a missing ../shared reference skips, and CI has it.
    // A workerd that stops making progress fails the run within minutes, naming the file.
    reporters: ["default", new NoSkipsInCi(), new StallWatchdog()],
    // opus-decoder leaves its own instantiation's LinkError unhandled when handed the wrong module;
    // test/audio/no-wasm.test.ts hands it one on purpose, and our start timeout reports it. Only that is ignored.
    onUnhandledError: (error) =>
      !(error.name === "LinkError" && String(error.stack ?? "").includes("opus-decoder")),
    projects: [
      defineProject({
        plugins: [workerdRuntime()],
        test: {
          name: "workerd",
          include: WORKERD_TESTS,
          exclude: ["test/node/**", ...OWN_RUNTIME],
          // One workerd per pool worker, reused file after file (see OWN_RUNTIME).
          isolate: false,
          ...WORKERD_TIMEOUTS,
        },
      }),
      defineProject({
        plugins: [workerdRuntime()],
        test: { name: "workerd-own-runtime", include: OWN_RUNTIME, ...WORKERD_TIMEOUTS },
      }),
      defineProject({
        test: {
          name: "node",
          environment: "node",
          include: ["test/node/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      }),
    ],
  },
});
