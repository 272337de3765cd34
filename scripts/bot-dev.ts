/**
 * `npm run bot:dev`: talk to the bot through Telegram while it runs under `npm run dev`, without a public
 * URL. Long-polls getUpdates with the real token (after removing any webhook, which Telegram requires) and
 * POSTs each update to the local Worker's webhook with the secret, as Telegram would.
 * Options: --target (default http://localhost:8787/telegram/webhook).
 */
import { parseArgs } from "node:util";
import { botSettings, forwardOnce, telegramApi } from "./bot-telegram";
import { root } from "./wrangler";

try {
  const { values } = parseArgs({
    options: { target: { type: "string", default: "http://localhost:8787/telegram/webhook" } },
  });
  const settings = botSettings(root);
  const api = telegramApi(settings);
  await api.deleteWebhook();
  const me = await api.getMe();
  process.stderr.write(`bot:dev: forwarding @${me.username}'s updates to ${values.target} (Ctrl-C stops)\n`);
  let offset = 0;
  for (;;) {
    try {
      offset = await forwardOnce(api, settings, values.target, offset);
    } catch (err) {
      process.stderr.write(`bot:dev: getUpdates failed (${(err as Error).message}); retrying in 5 s\n`);
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
} catch (err) {
  process.stderr.write(`bot:dev: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
