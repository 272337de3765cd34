import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig, defineProject } from "vitest/config";

/** `../shared` (fixtures, real tokenizer) and `.cache` (generated model packages), served to workerd tests. */
const roots: Record<string, string> = {
  shared: resolve(import.meta.dirname, "../shared"),
  cache: resolve(import.meta.dirname, ".cache"),
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

export default defineConfig({
  test: {
    globalSetup: ["./test/support/global-setup.ts"],
    projects: [
      defineProject({
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: { serviceBindings: { HOST_FILES: hostFiles } },
          }),
        ],
        test: {
          name: "workerd",
          include: ["test/**/*.test.ts", "src/**/*.test.ts"],
          exclude: ["test/node/**"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
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
