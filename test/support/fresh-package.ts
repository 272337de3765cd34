import { env } from "cloudflare:workers";
import { sha256Hex } from "../../src/model/package/load";
import type { ModelManifest } from "../../src/model/package/manifest";
import { requireHostFile } from "./host-files";

/**
 * tiny-labelled (the catalogue's prompts precomputed, as `dermedge model install` leaves it) in the MODELS
 * bucket under `prefix`, with a revision of its own: nothing the isolate holds (engine, sessions, text
 * embeddings, all keyed by revision) was made for it, so a test sees the package load from scratch.
 */
export async function installFreshPackage(prefix: string, revision: string): Promise<void> {
  const read = (path: string) => requireHostFile("cache", `models/tiny-labelled/${path}`);
  const manifest: ModelManifest = JSON.parse(new TextDecoder().decode(await read("manifest.json")));
  const files = [];
  for (const entry of manifest.files) {
    let bytes = await read(entry.path);
    // The precomputed table names the revision that made it; it is used only when it matches.
    if (entry.path === "label-embeddings.json") {
      const table = JSON.parse(new TextDecoder().decode(bytes));
      bytes = new TextEncoder().encode(JSON.stringify({ ...table, revision }));
    }
    await env.MODELS.put(`${prefix}/${entry.path}`, bytes);
    files.push({ ...entry, size: bytes.byteLength, sha256: await sha256Hex(bytes) });
  }
  await env.MODELS.put(`${prefix}/manifest.json`, JSON.stringify({ ...manifest, revision, files }));
}
