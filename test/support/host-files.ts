import { env } from "cloudflare:workers";
import { TEST_IMAGES, type TestImage } from "./test-images";

export type HostRoot = "shared" | "cache" | "fixtures";

/**
 * Reads a file from the host through the HOST_FILES binding (workerd has no file system).
 * `root` "shared" is ../shared (reference fixtures); "cache" is .cache (what the global setup generates:
 * model packages, test photos, the repository's tokenizer); "fixtures" is test/fixtures. Returns null when the file is absent, so a
 * test that compares against ../shared can skip with a clear message (a failure under CI=true).
 */
export async function readHostFile(root: HostRoot, path: string): Promise<Uint8Array | null> {
  const url = `http://host/${root}/${path.split("/").map(encodeURIComponent).join("/")}`;
  const hostFiles = (env as unknown as { HOST_FILES: Fetcher }).HOST_FILES;
  // On a loaded machine workerd's loopback to the test process now and then drops a connection
  // ("Network connection lost"): that is the test harness, not the code under test, so try once more.
  const res = await hostFiles.fetch(url).catch(() => hostFiles.fetch(url));
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`HOST_FILES ${root}/${path}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function requireHostFile(root: HostRoot, path: string): Promise<Uint8Array> {
  const bytes = await readHostFile(root, path);
  if (!bytes) throw new Error(`missing host file ${root}/${path}`);
  return bytes;
}

/** A photo the global setup made (test/support/test-images.node.ts), by its key in TEST_IMAGES. */
export function testImage(name: TestImage): Promise<Uint8Array> {
  return requireHostFile("cache", `images/${TEST_IMAGES[name]}`);
}
