/**
 * What `npm run bot:webhook` and `npm run bot:dev` share: the bot's settings from the environment or
 * .dev.vars (as wrangler reads them), webhook registration, and forwarding long-polled updates to a webhook.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Api } from "grammy";
import type { Update } from "grammy/types";
import { ALLOWED_UPDATES, botCommands } from "../src/bot/setup";

export interface BotSettings {
  token: string;
  secret: string;
  apiRoot: string;
}

/** KEY=value lines, as wrangler reads .dev.vars (quotes stripped, # comments skipped). */
export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/);
    if (match) vars[match[1]] = match[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  return vars;
}

/** The environment wins over .dev.vars; without a token or a secret there is nothing to do. */
export function botSettings(root: string, env: NodeJS.ProcessEnv = process.env): BotSettings {
  const file = resolve(root, ".dev.vars");
  const devVars = existsSync(file) ? parseDevVars(readFileSync(file, "utf8")) : {};
  const get = (name: string) => env[name] || devVars[name] || "";
  const settings = {
    token: get("TELEGRAM_BOT_TOKEN"),
    secret: get("TELEGRAM_WEBHOOK_SECRET"),
    apiRoot: get("TELEGRAM_API_ROOT") || "https://api.telegram.org",
  };
  const missing = (["TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET"] as const).filter(
    (n) => !settings[n === "TELEGRAM_BOT_TOKEN" ? "token" : "secret"],
  );
  if (missing.length) throw new Error(`${missing.join(" and ")} not set (environment or .dev.vars)`);
  return settings;
}

export const telegramApi = (s: BotSettings) => new Api(s.token, { apiRoot: s.apiRoot });

/** The webhook URL: the Worker's base URL with /telegram/webhook appended when it has no path. */
export function webhookUrl(base: string): string {
  const url = new URL(base);
  if (url.protocol !== "https:" && url.hostname !== "localhost" && url.hostname !== "127.0.0.1") {
    throw new Error("Telegram only calls https:// webhooks");
  }
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/telegram/webhook";
  return url.toString();
}

/**
 * setWebhook with the secret, only the update types the bot handles, and pending updates dropped; then the
 * command menus in both languages. Returns the getMe JSON to put in TELEGRAM_BOT_INFO.
 */
export async function registerWebhook(settings: BotSettings, base: string): Promise<string> {
  const api = telegramApi(settings);
  await api.setWebhook(webhookUrl(base), {
    secret_token: settings.secret,
    allowed_updates: [...ALLOWED_UPDATES],
    drop_pending_updates: true,
  });
  // English is also the default for every other app language.
  await api.setMyCommands(botCommands.en);
  await api.setMyCommands(botCommands.zh, { language_code: "zh" });
  return JSON.stringify(await api.getMe());
}

/**
 * One long poll: the updates Telegram holds after `offset`, each POSTed to the webhook with the secret, in
 * order. Returns the next offset. A failed forward is reported and skipped, like Telegram would after retries.
 */
export async function forwardOnce(
  api: Api,
  settings: BotSettings,
  target: string,
  offset: number,
  timeoutSeconds = 30,
  report: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  const updates: Update[] = await api.getUpdates({
    offset,
    timeout: timeoutSeconds,
    allowed_updates: [...ALLOWED_UPDATES],
  });
  let next = offset;
  for (const update of updates) {
    next = update.update_id + 1;
    try {
      const res = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": settings.secret },
        body: JSON.stringify(update),
      });
      report(`update ${update.update_id} -> ${res.status}`);
    } catch (err) {
      report(
        `update ${update.update_id}: ${target} unreachable (${(err as Error).message}); is wrangler dev running?`,
      );
    }
  }
  return next;
}
