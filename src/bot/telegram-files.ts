/**
 * Getting a photo's bytes from Telegram: choose which size to fetch, check its size before downloading,
 * download with a timeout and one retry. The bytes live only in memory for the one assessment.
 */
import type { Api } from "grammy";
import type { PhotoSize } from "grammy/types";
import type { BotConfig } from "./config";

/** Why a photo could not be fetched; logged as the error type, never with the file id. */
export type DownloadErrorCode = "get_file" | "download" | "too_large";

export class DownloadError extends Error {
  constructor(readonly code: DownloadErrorCode) {
    super(`photo download failed: ${code}`);
    this.name = "DownloadError";
  }
}

/**
 * The largest size Telegram made of a photo that is within our limits (bytes and pixels); Telegram lists
 * them smallest first, so `photo[0]` is a thumbnail. Null when every size is over the limits.
 */
export function largestPhoto(
  sizes: readonly PhotoSize[],
  limits: { maxBytes: number; maxPixels?: number },
): PhotoSize | null {
  const fits = sizes.filter(
    (s) =>
      (s.file_size === undefined || s.file_size <= limits.maxBytes) &&
      (limits.maxPixels === undefined || s.width * s.height <= limits.maxPixels),
  );
  if (fits.length === 0) return null;
  return fits.reduce((best, s) => (s.width * s.height > best.width * best.height ? s : best));
}

/** The file's bytes: getFile (a Bot API call, so retry.ts's policy too), then the download, each retried once. */
export async function downloadFile(api: Api, config: BotConfig, fileId: string): Promise<Uint8Array> {
  // One bound for all of it, retries included: the update runs in waitUntil, which the platform ends
  // 30 s after the webhook's answer, and the patient must still get an apology before then.
  const started = Date.now();
  const deadline = AbortSignal.timeout(config.downloadTimeoutMs);
  const file = await once(
    () => api.getFile(fileId, deadline as Parameters<Api["getFile"]>[1]),
    "get_file",
    deadline,
  );
  if (!file.file_path) throw new DownloadError("get_file");
  if (file.file_size !== undefined && file.file_size > config.maxDownloadBytes) {
    throw new DownloadError("too_large");
  }
  const url = `${config.apiRoot}/file/bot${config.token}/${file.file_path}`;
  // Each try gets at most half the bound, so a try that hangs leaves time for the retry.
  const endsAt = started + config.downloadTimeoutMs;
  const tryBound = () =>
    AbortSignal.timeout(Math.max(0, Math.min(config.downloadTimeoutMs / 2, endsAt - Date.now())));
  return once(() => fetchBytes(url, config.maxDownloadBytes, tryBound()), "download", deadline);
}

/** Tries twice, while the deadline allows; a too-large file is not retried. */
async function once<T>(
  attempt: () => Promise<T>,
  code: DownloadErrorCode,
  deadline: AbortSignal,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      if (err instanceof DownloadError && err.code === "too_large") throw err;
      if (tries >= 2 || deadline.aborted) throw new DownloadError(code);
    }
  }
}

async function fetchBytes(url: string, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(url, { signal });
  if (!res.ok || !res.body) throw new Error(`download status ${res.status}`);
  const declared = Number(res.headers.get("content-length"));
  if (declared > maxBytes) {
    await res.body.cancel();
    throw new DownloadError("too_large");
  }
  // Counted as it streams: a server that sends more than it declared is cut off at the limit.
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += chunk.length;
    if (total > maxBytes) throw new DownloadError("too_large");
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}
