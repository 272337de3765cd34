import { orDegraded } from "../lib/degraded";

/**
 * "Have we seen this before?" for Telegram update ids and album ids. An isolate-level set catches
 * concurrent deliveries to the same isolate (it is checked and filled before any await); KV, with a TTL,
 * catches redeliveries to any isolate later. KV has no compare-and-set, so two isolates receiving the same
 * update within KV's propagation delay could both answer: rare, and the worst case is a duplicate reply.
 */
const seen = new Map<string, number>();
const SEEN_LIMIT = 10_000;

/** True the first time `key` is claimed within `ttlSeconds`; false for every later claim. */
export async function claimOnce(kv: KVNamespace, key: string, ttlSeconds: number): Promise<boolean> {
  const now = Date.now();
  const until = seen.get(key);
  if (until !== undefined && until > now) return false;
  seen.set(key, now + ttlSeconds * 1000);
  if (seen.size > SEEN_LIMIT) seen.delete(seen.keys().next().value as string);
  // KV down: the isolate's set alone decides; a rare duplicate reply is better than none.
  if ((await orDegraded(kv.get(key), "dedupe-read", null)) !== null) return false;
  await orDegraded(kv.put(key, "1", { expirationTtl: ttlSeconds }), "dedupe-write", undefined);
  return true;
}

/** Telegram redelivers an update for up to 24 hours. */
export const UPDATE_TTL_SECONDS = 24 * 60 * 60;
export const updateKey = (updateId: number) => `update:${updateId}`;
/** The photos of an album arrive as separate updates within seconds; KV's minimum TTL is 60 s. */
export const ALBUM_TTL_SECONDS = 60;
export const albumKey = (chatId: number, mediaGroupId: string) => `album:${chatId}:${mediaGroupId}`;
