/** The bot's configuration, from the Worker's vars and secrets (parsed by src/config/env.ts). */
import type { UserFromGetMe } from "grammy/types";
import { readConfig } from "../config/env";

export interface BotConfig {
  token: string;
  /** Empty = every webhook request is refused (a webhook without a secret would let anyone post updates). */
  webhookSecret: string;
  apiRoot: string;
  botInfo?: UserFromGetMe;
  /** Largest photo downloaded: Telegram's getFile limit (20 MB) or MAX_BODY_BYTES, whichever is smaller. */
  maxDownloadBytes: number;
  maxPixels?: number;
  /** One Bot API call's bound, per attempt (grammY's timeoutSeconds; retry.ts retries a timed-out call). */
  apiTimeoutMs: number;
  /** The bound of a photo's whole download: getFile, the download and its retry (telegram-files.ts). */
  downloadTimeoutMs: number;
}

/** Telegram's Bot API serves files up to 20 MB through getFile. */
export const TELEGRAM_GET_FILE_LIMIT = 20 * 1000 * 1000;

/** Null when no token is configured: the bot is off and its route answers 404. */
export function readBotConfig(env: Env): BotConfig | null {
  const { telegram, maxBodyBytes, maxImagePixels } = readConfig(env);
  if (!telegram.token) return null;
  return {
    token: telegram.token,
    webhookSecret: telegram.webhookSecret,
    apiRoot: telegram.apiRoot,
    botInfo: telegram.botInfo,
    maxDownloadBytes: Math.min(TELEGRAM_GET_FILE_LIMIT, maxBodyBytes),
    maxPixels: maxImagePixels,
    apiTimeoutMs: telegram.apiTimeoutMs,
    downloadTimeoutMs: telegram.downloadTimeoutMs,
  };
}
