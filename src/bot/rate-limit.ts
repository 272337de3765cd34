/**
 * A per-chat rate limit with grammY's ratelimiter plugin. Its built-in memory store calls Node's
 * `setInterval(...).unref()`, which workerd lacks; this store keeps the same fixed-window counts in the
 * isolate's memory (through the plugin's Redis-shaped store interface), expiring lazily.
 */
import { limit } from "@grammyjs/ratelimiter";
import type { BotContext } from "./context";
import { langOf } from "./language";
import { botMessages } from "./messages";

const windows = new Map<string, { count: number; until: number }>();

const isolateStore = {
  async incr(key: string): Promise<number> {
    const now = Date.now();
    const current = windows.get(key);
    if (!current || current.until <= now) {
      windows.set(key, { count: 1, until: Number.POSITIVE_INFINITY });
      return 1;
    }
    current.count++;
    return current.count;
  },
  async pexpire(key: string, milliseconds: number): Promise<number> {
    const current = windows.get(key);
    if (!current) return 0;
    current.until = Date.now() + milliseconds;
    // Drop finished windows now and then, so the map does not grow with every chat ever seen.
    if (windows.size > 10_000) for (const [k, w] of windows) if (w.until <= Date.now()) windows.delete(k);
    return 1;
  },
};

/** At most `perMinute` updates per chat a minute; the first one over the limit gets a polite note. */
export function chatRateLimit(perMinute = 20) {
  return limit<BotContext, typeof isolateStore>({
    timeFrame: 60_000,
    limit: perMinute,
    storageClient: isolateStore,
    keyGenerator: (ctx) => ctx.chat?.id.toString(),
    keyPrefix: "bot:",
    // Returned, so the plugin's middleware awaits the reply within the update's waitUntil.
    onLimitExceeded: async (ctx) => {
      ctx.deps.log({ event: "rate_limited" });
      await ctx.reply(botMessages[langOf(ctx)].rateLimited);
    },
  });
}
