/**
 * The API Worker's static assets (wrangler.toml `[assets]`): files Cloudflare serves before the Worker runs,
 * from outside its isolate. Today only Scalar's standalone bundle for /docs (src/routes/scalar.ts), 4.9 MB
 * that would otherwise count against the isolate's 128 MB. Copied from node_modules (the version pinned in
 * package.json) by `npm run dev`, `npm run deploy`, the tests' global setup and the throughput bench;
 * `node --import tsx scripts/api-assets.ts` does it by hand (before a bare `wrangler dev` or `deploy`).
 */
import { copyFile, mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(import.meta.dirname, "..");

/** wrangler.toml's `[assets] directory`, generated (gitignored). */
export const API_ASSETS_DIR = resolve(root, ".cache/api-assets");

/** Where the bundle is served: the path is the file's place in the directory. */
export const SCALAR_ASSET = "docs/scalar.js";

// Assets get no Worker middleware, so the headers that matter for a script, which the Worker puts on
// every answer (hono's secureHeaders), are set here (_headers).
const HEADERS = `/${SCALAR_ASSET}\n  X-Content-Type-Options: nosniff\n  Cross-Origin-Resource-Policy: same-origin\n`;

/** Writes the assets directory afresh (each file written aside and renamed, so a running server reads it whole). */
export async function writeApiAssets(): Promise<string> {
  // Outside the package's exports: found by path, as npm installs it.
  const scalar = resolve(root, "node_modules/@scalar/api-reference/dist/browser/standalone.js");
  const files: [string, (to: string) => Promise<void>][] = [
    [SCALAR_ASSET, (to) => copyFile(scalar, to)],
    ["_headers", (to) => writeFile(to, HEADERS)],
  ];
  for (const [name, write] of files) {
    const path = resolve(API_ASSETS_DIR, name);
    await mkdir(dirname(path), { recursive: true });
    await write(`${path}.${process.pid}`);
    await rename(`${path}.${process.pid}`, path);
  }
  return API_ASSETS_DIR;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`static assets written to ${await writeApiAssets()}`);
}
