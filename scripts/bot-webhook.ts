/**
 * `npm run bot:webhook -- --url https://dermedge.example.workers.dev`: points the bot's Telegram webhook at
 * the deployed Worker (with the secret token, the update types the bot handles, pending updates dropped) and
 * sets its command menus. Reads TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET from the environment or
 * .dev.vars; prints the getMe JSON for TELEGRAM_BOT_INFO.
 */
import { parseArgs } from "node:util";
import { botSettings, registerWebhook } from "./bot-telegram";
import { root } from "./wrangler";

try {
  const { values } = parseArgs({ options: { url: { type: "string" } } });
  if (!values.url) throw new Error("usage: npm run bot:webhook -- --url https://<your worker>");
  const info = await registerWebhook(botSettings(root), values.url);
  process.stdout.write(`webhook set. Put this in wrangler.toml as TELEGRAM_BOT_INFO:\n${info}\n`);
} catch (err) {
  process.stderr.write(`bot:webhook: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
