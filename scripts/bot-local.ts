/**
 * `npm run bot:local`: try the Telegram bot with no Telegram and no token. Starts the fake Telegram Bot API
 * the tests use (test/support/fake-telegram.node.ts) and the `npm run dev` session wired to it, and a control
 * server on http://localhost:8790 through which you play the patient of one private chat:
 *
 *   curl localhost:8790/send -d 'itchy red patch for 3 days'            words, or a command (/start, /help)
 *   curl localhost:8790/send --data-binary @photo.jpg -H 'Content-Type: image/jpeg'   a photo (?caption=...)
 *   curl localhost:8790/press -d c:done                                 press a button, by its data
 *
 * `?lang=zh` on /send is the Telegram app's language. The bot's messages are printed here as it sends them,
 * each button with the data to press it by. Options: --target (default http://localhost:8787/telegram/webhook).
 */
import { createServer, type IncomingMessage } from "node:http";
import { parseArgs } from "node:util";
import {
  FAKE_BOT_INFO,
  FAKE_BOT_TOKEN,
  FAKE_WEBHOOK_SECRET,
  type RecordedCall,
  startFakeTelegram,
} from "../test/support/fake-telegram.node";
import { runDev } from "./dev-session";

const CONTROL_PORT = 8790;
const CHAT = { id: 4242, type: "private" as const, first_name: "Pat" };

const { values } = parseArgs({
  options: { target: { type: "string", default: "http://localhost:8787/telegram/webhook" } },
  allowPositionals: true,
});
const fake = await startFakeTelegram();
const fakeCalls = async (): Promise<RecordedCall[]> =>
  (await fake.control(new Request(`http://fake/calls?chat=${CHAT.id}`))).json();

let updateId = 0;
let fileNo = 0;
/** Delivers an update as Telegram's webhook would: with the secret, and nothing to wait for (waitUntil). */
async function deliver(update: Record<string, unknown>): Promise<number> {
  const res = await fetch(values.target, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": FAKE_WEBHOOK_SECRET },
    body: JSON.stringify({ update_id: ++updateId, ...update }),
  });
  return res.status;
}

const from = (lang: string | null) => ({
  id: CHAT.id,
  is_bot: false,
  first_name: "Pat",
  language_code: lang ?? "en",
});
const message = (url: URL, fields: Record<string, unknown>) => ({
  message: {
    message_id: ++updateId,
    date: Math.floor(Date.now() / 1000),
    chat: CHAT,
    from: from(url.searchParams.get("lang")),
    ...fields,
  },
});

/** The message whose buttons include `data`, the latest first (the bot edits its question messages). */
async function messageWithButton(data: string): Promise<number | undefined> {
  for (const call of (await fakeCalls()).reverse()) {
    const markup = call.payload.reply_markup as
      | { inline_keyboard?: { callback_data: string }[][] }
      | undefined;
    if (!markup?.inline_keyboard?.flat().some((b) => b.callback_data === data)) continue;
    return (
      (call.result as { message_id?: number } | undefined)?.message_id ?? Number(call.payload.message_id)
    );
  }
  return undefined;
}

async function control(req: IncomingMessage): Promise<[number, string]> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (req.method === "POST" && url.pathname === "/send") {
    if ((req.headers["content-type"] ?? "").startsWith("image/")) {
      const fileId = `local-photo-${++fileNo}`;
      await fake.control(new Request(`http://fake/files/${fileId}`, { method: "PUT", body }));
      // The sizes Telegram would list; the bot reads the real ones from the file's header.
      const photo = [
        { file_id: fileId, file_unique_id: `u-${fileId}`, width: 1280, height: 960, file_size: body.length },
      ];
      const caption = url.searchParams.get("caption") ?? undefined;
      return [await deliver(message(url, { photo, caption })), "photo sent\n"];
    }
    const text = body.toString("utf8");
    const command = text.startsWith("/")
      ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0].length }]
      : undefined;
    return [await deliver(message(url, { text, entities: command })), "sent\n"];
  }
  if (req.method === "POST" && url.pathname === "/press") {
    const data = body.toString("utf8").trim();
    const messageId = await messageWithButton(data);
    if (messageId === undefined) return [404, `no message of the bot has a button ${data}\n`];
    const callback_query = {
      id: `cb-${CHAT.id}-${updateId + 1}`,
      from: from(url.searchParams.get("lang")),
      chat_instance: `ci-${CHAT.id}`,
      data,
      message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: CHAT, text: "…" },
    };
    return [await deliver({ callback_query }), "pressed\n"];
  }
  return [404, "POST /send (words, or a photo as image/*) or POST /press (a button's data)\n"];
}

createServer((req, res) => {
  control(req)
    .then(([status, text]) => res.writeHead(status, { "content-type": "text/plain" }).end(text))
    .catch((err) => res.writeHead(502, { "content-type": "text/plain" }).end(`${(err as Error).message}\n`));
})
  .listen(CONTROL_PORT, "127.0.0.1")
  .unref();

/** Prints the bot's messages and edits as they arrive, each button with its data. */
let printed = 0;
setInterval(async () => {
  const calls = (await fakeCalls()).filter(
    (c) => (c.method === "sendMessage" || c.method === "editMessageText") && c.errorCode === undefined,
  );
  for (const call of calls.slice(printed)) {
    const markup = call.payload.reply_markup as {
      inline_keyboard?: { text: string; callback_data: string }[][];
    };
    const buttons = (markup?.inline_keyboard ?? []).map((row) =>
      row.map((b) => `[${b.text} → ${b.callback_data}]`).join(" "),
    );
    const head = call.method === "sendMessage" ? "bot:" : "bot (edits its message):";
    process.stdout.write(`\n${head} ${String(call.payload.text)}\n${buttons.join("\n")}\n`);
  }
  printed = calls.length;
}, 500).unref();

process.exitCode = await runDev({
  vars: {
    TELEGRAM_API_ROOT: fake.url,
    TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET,
    TELEGRAM_BOT_INFO: JSON.stringify(FAKE_BOT_INFO),
  },
  notes: [
    `LOCAL BOT: a fake Telegram Bot API (${fake.url}) and a fake token; nothing reaches Telegram.`,
    `Be the patient: curl localhost:${CONTROL_PORT}/send -d 'itchy red patch for 3 days'`,
    `  a photo: curl localhost:${CONTROL_PORT}/send --data-binary @photo.jpg -H 'Content-Type: image/jpeg'`,
    `  a button: curl localhost:${CONTROL_PORT}/press -d c:done   (the bot's messages print below)`,
  ],
  args: process.argv.slice(2).filter((a) => !a.startsWith("--target")),
});
