import { env } from "cloudflare:workers";

/**
 * Reads a file from the host through the HOST_FILES binding (workerd has no file system).
 * `root` "shared" is ../shared (fixtures, tokenizer); "cache" is .cache (generated model packages).
 * Returns null when the file is absent, so tests can skip with a clear message.
 */
export async function readHostFile(root: "shared" | "cache", path: string): Promise<Uint8Array | null> {
  const res = await (env as unknown as { HOST_FILES: Fetcher }).HOST_FILES.fetch(
    `http://host/${root}/${path.split("/").map(encodeURIComponent).join("/")}`,
  );
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`HOST_FILES ${root}/${path}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function requireHostFile(root: "shared" | "cache", path: string): Promise<Uint8Array> {
  const bytes = await readHostFile(root, path);
  if (!bytes) throw new Error(`missing host file ${root}/${path}`);
  return bytes;
}
