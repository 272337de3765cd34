/**
 * The Telegram bot: grammY, created per update from the Worker's bindings, one Composer per feature.
 * Telegram calls are retried (429 retry_after, 5xx, network; bounded); every chat is rate limited.
 */
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotConfig } from "./config";
import type { BotContext, BotDeps } from "./context";
import { checklist } from "./features/checklist";
import { commands } from "./features/commands";
import { fallbacks } from "./features/fallbacks";
import { group } from "./features/group";
import { photo } from "./features/photo";
import { questions } from "./features/questions";
import { text } from "./features/text";
import { voice } from "./features/voice";
import { chatRateLimit } from "./rate-limit";
import { retryTelegram } from "./retry";
import { chatSession } from "./session";

/** Retries of one Telegram call, and the longest retry_after we wait for (the update runs in waitUntil). */
export const RETRY = { maxRetryAttempts: 3, maxDelaySeconds: 30, initialBackoffSeconds: 1 };

export function createBot(deps: BotDeps, botInfo: UserFromGetMe): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.config.token, {
    botInfo,
    client: { apiRoot: deps.config.apiRoot, timeoutSeconds: deps.config.apiTimeoutMs / 1000 },
  });
  bot.api.config.use(retryTelegram(RETRY, deps.sleep));
  bot.use((ctx, next) => {
    ctx.deps = deps;
    return next();
  });
  bot.use(chatSession());
  bot.use(chatRateLimit());
  bot.use(group, commands, checklist, questions, photo, text, voice, fallbacks);
  return bot;
}

const botInfos = new Map<string, Promise<UserFromGetMe>>();

/** TELEGRAM_BOT_INFO when set; else getMe, once per isolate (and again after a failure). */
export function botInfoFor(config: BotConfig): Promise<UserFromGetMe> {
  if (config.botInfo) return Promise.resolve(config.botInfo);
  let info = botInfos.get(config.token);
  if (!info) {
    const bot = new Bot(config.token, { client: { apiRoot: config.apiRoot } });
    info = bot.init().then(() => bot.botInfo);
    info.catch(() => botInfos.delete(config.token));
    botInfos.set(config.token, info);
  }
  return info;
}
