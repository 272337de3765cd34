import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, resolve } from "node:path";

/**
 * Bundles a Worker entry as `wrangler deploy` would (dry run): `outDir/<entry name>.js` and its .wasm.
 * `minify` as the Worker's wrangler config says (wrangler.toml's API Worker is minified).
 */
export async function bundleWorker(
  name: string,
  entry: string,
  outDir: string,
  { minify = false } = {},
): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const config = resolve(outDir, "wrangler.toml");
  await writeFile(
    config,
    `name = "${name}"\nmain = "${resolve(entry)}"\ncompatibility_date = "2026-04-20"\nminify = ${minify}\n`,
  );
  const bin = resolve(createRequire(import.meta.url).resolve("wrangler/package.json"), "../bin/wrangler.js");
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [bin, "deploy", "--dry-run", "--outdir", outDir, "-c", config], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`bundling ${name} failed: ${stderr}`))));
  });
  return resolve(outDir, `${basename(entry, ".ts")}.js`);
}
