/** The chat's session in KV, through grammY's session plugin and its Cloudflare KV adapter. */
import { KvAdapter } from "@grammyjs/storage-cloudflare";
import { type Context, session } from "grammy";
import { orDegraded } from "../lib/degraded";
import type { SessionData } from "./context";

/** A session lasts 30 minutes after the chat's last message (KV's own expiry deletes it). */
export const SESSION_TTL_SECONDS = 30 * 60;

/** KV key of a chat's session: /forget deletes exactly this. */
export const sessionKey = (chatId: number | string) => `session:${chatId}`;

/** grammY's KV adapter, writing every session with an expiry so nothing outlives the TTL. */
class ExpiringKvAdapter<T> extends KvAdapter<T> {
  constructor(
    private readonly kv: KVNamespace,
    private readonly ttlSeconds: number,
  ) {
    super(kv as never);
  }

  // KV down: the chat goes on with an empty session marked `kvDown` (a photo with a caption needs none), not
  // unanswered; nothing that waits for a button is asked, since its state could not be kept.
  override async read(key: string): Promise<T | undefined> {
    return orDegraded(super.read(key), "session-read", { kvDown: true } as T);
  }

  override async write(key: string, value: T): Promise<void> {
    const { kvDown: _, ...kept } = value as T & { kvDown?: boolean };
    const put = this.kv.put(key, JSON.stringify(kept), { expirationTtl: this.ttlSeconds });
    await orDegraded(put, "session-write", undefined);
  }
}

export function chatSession<C extends Context & { session: SessionData }>(kv: KVNamespace) {
  return session<SessionData, C>({
    initial: () => ({}),
    storage: new ExpiringKvAdapter<SessionData>(kv, SESSION_TTL_SECONDS),
    getSessionKey: (ctx) => (ctx.chat ? sessionKey(ctx.chat.id) : undefined),
  });
}
