/** The bot's configuration, read from the Worker's bindings. */
import type { UserFromGetMe } from "grammy/types";

/** The bindings the bot reads; the Worker's Env has them (wrangler.toml, secrets, .dev.vars). */
export interface TelegramBindings {
  TELEGRAM_BOT_TOKEN?: string;
  TELEGRAM_WEBHOOK_SECRET?: string;
  TELEGRAM_API_ROOT?: string;
  /** The bot's getMe JSON; empty = ask Telegram once per isolate. */
  TELEGRAM_BOT_INFO?: string;
  BOT_STATE: KVNamespace;
  /** The speech Worker's service binding (an RPC entrypoint; wrangler types it as a Fetcher). */
  SPEECH?: unknown;
  MAX_BODY_BYTES?: string;
  MAX_IMAGE_PIXELS?: string;
  /** Milliseconds one Bot API call may take per try (default 10 s). */
  TELEGRAM_TIMEOUT_MS?: string;
  /** Milliseconds a photo's download may take, getFile and retry included (default 20 s). */
  TELEGRAM_DOWNLOAD_TIMEOUT_MS?: string;
}

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
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
// A Bot API call answers in well under a second; 10 s leaves a hung call room for a retry within the
// 30 s that waitUntil gives an update after the webhook's answer.
export const DEFAULT_API_TIMEOUT_MS = 10_000;
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 20_000;

/** Null when no token is configured: the bot is off and its route answers 404. */
export function readBotConfig(env: TelegramBindings): BotConfig | null {
  const token = env.TELEGRAM_BOT_TOKEN?.trim();
  if (!token) return null;
  const maxBody = Number(env.MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES;
  return {
    token,
    webhookSecret: env.TELEGRAM_WEBHOOK_SECRET ?? "",
    apiRoot: (env.TELEGRAM_API_ROOT || "https://api.telegram.org").replace(/\/+$/, ""),
    botInfo: parseBotInfo(env.TELEGRAM_BOT_INFO),
    maxDownloadBytes: Math.min(TELEGRAM_GET_FILE_LIMIT, maxBody),
    maxPixels: Number(env.MAX_IMAGE_PIXELS) || undefined,
    apiTimeoutMs: Number(env.TELEGRAM_TIMEOUT_MS) || DEFAULT_API_TIMEOUT_MS,
    downloadTimeoutMs: Number(env.TELEGRAM_DOWNLOAD_TIMEOUT_MS) || DEFAULT_DOWNLOAD_TIMEOUT_MS,
  };
}

function parseBotInfo(json: string | undefined): UserFromGetMe | undefined {
  if (!json?.trim()) return undefined;
  try {
    const info = JSON.parse(json) as UserFromGetMe;
    return typeof info?.id === "number" && typeof info.username === "string" ? info : undefined;
  } catch {
    return undefined;
  }
}
