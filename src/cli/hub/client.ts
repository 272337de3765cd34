import { CliError } from "../errors";
import type { Expected } from "./pins";

/** huggingface.co, or a mirror / test server: DERMEDGE_HF_ENDPOINT, else HF_ENDPOINT as huggingface_hub reads it. */
export function hubEndpoint(): string {
  return (process.env.DERMEDGE_HF_ENDPOINT ?? process.env.HF_ENDPOINT ?? "https://huggingface.co").replace(
    /\/+$/,
    "",
  );
}

/** Waiting longer than this for response headers counts as "no access": fail fast, not after minutes. */
const CONNECT_TIMEOUT_MS = 20_000;

/** fetch that turns "no network" into one line saying so. */
export async function hubFetch(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new CliError(
      `cannot reach ${new URL(url).origin} (${cause}): model fetch needs access to Hugging Face ` +
        `(or DERMEDGE_HF_ENDPOINT); offline, use \`dermedge model synthetic\``,
    );
  }
}

interface HubSibling {
  rfilename: string;
  size?: number;
  blobId?: string;
  lfs?: { sha256: string; size: number };
}

/**
 * The commit a revision names and every file's size and hash at that commit, from the Hub's model API
 * (`/api/models/{repo}/revision/{rev}?blobs=true`). Content-addressed: for a pinned commit these values
 * cannot change, so checking against them is as strong as a pinned sha256.
 */
export async function hubRevision(
  repo: string,
  revision: string,
): Promise<{ commit: string; files: Map<string, Expected> }> {
  const url = `${hubEndpoint()}/api/models/${repo}/revision/${encodeURIComponent(revision)}?blobs=true`;
  const res = await hubFetch(url);
  if (!res.ok) throw new CliError(`${url}: ${res.status} ${res.statusText}`);
  const body = (await res.json()) as { sha?: string; siblings?: HubSibling[] };
  if (!body.sha || !Array.isArray(body.siblings)) throw new CliError(`${url}: unexpected answer`);
  const files = new Map<string, Expected>();
  for (const s of body.siblings) {
    if (s.lfs) files.set(s.rfilename, { size: s.lfs.size, sha256: s.lfs.sha256, source: "hub" });
    else if (s.blobId && s.size !== undefined)
      files.set(s.rfilename, { size: s.size, gitBlobId: s.blobId, source: "hub" });
  }
  return { commit: body.sha, files };
}

export function resolveUrl(repo: string, commit: string, path: string): string {
  return `${hubEndpoint()}/${repo}/resolve/${commit}/${path}`;
}
