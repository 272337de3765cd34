import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  botSettings,
  forwardOnce,
  parseDevVars,
  registerWebhook,
  telegramApi,
} from "../../scripts/bot-telegram";
import {
  FAKE_BOT_INFO,
  FAKE_BOT_TOKEN,
  FAKE_WEBHOOK_SECRET,
  type FakeTelegram,
  startFakeTelegram,
} from "../support/fake-telegram.node";

describe("npm run bot:webhook and bot:dev, against the fake Telegram Bot API", () => {
  let telegram: FakeTelegram;
  const settings = () => ({ token: FAKE_BOT_TOKEN, secret: FAKE_WEBHOOK_SECRET, apiRoot: telegram.url });
  const calls = async (method: string) =>
    (await (await telegram.control(new Request(`http://fake/calls?method=${method}`))).json()) as {
      payload: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    telegram = await startFakeTelegram();
  });
  afterAll(() => telegram.close());

  it("registers the webhook with the secret, the bot's update types, pending updates dropped", async () => {
    const info = await registerWebhook(settings(), "https://dermedge.example.workers.dev");
    expect(JSON.parse(info)).toEqual(FAKE_BOT_INFO);
    expect((await calls("setWebhook")).map((c) => c.payload)).toEqual([
      {
        url: "https://dermedge.example.workers.dev/telegram/webhook",
        secret_token: FAKE_WEBHOOK_SECRET,
        allowed_updates: ["message", "callback_query"],
        drop_pending_updates: true,
      },
    ]);
    const menus = await calls("setMyCommands");
    expect(menus.map((c) => c.payload.language_code)).toEqual([undefined, "zh"]);
    await expect(registerWebhook(settings(), "http://insecure.example")).rejects.toThrow(/https/);
  });

  it("forwards long-polled updates to the local webhook with the secret, in order", async () => {
    const received: { secret: string | undefined; body: unknown }[] = [];
    const target = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({
          secret: req.headers["x-telegram-bot-api-secret-token"] as string,
          body: JSON.parse(body),
        });
        res.end();
      });
    });
    await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/telegram/webhook`;
    const updates = [
      { update_id: 41, message: { message_id: 1, date: 0, chat: { id: 5, type: "private" }, text: "hi" } },
      { update_id: 42, message: { message_id: 2, date: 0, chat: { id: 5, type: "private" }, text: "/help" } },
    ];
    await telegram.control(
      new Request("http://fake/updates", { method: "POST", body: JSON.stringify(updates) }),
    );
    const lines: string[] = [];
    const next = await forwardOnce(telegramApi(settings()), settings(), url, 0, 0, (l) => lines.push(l));
    target.close();
    expect(next).toBe(43);
    expect(received).toEqual(updates.map((body) => ({ secret: FAKE_WEBHOOK_SECRET, body })));
    expect(lines).toEqual(["update 41 -> 200", "update 42 -> 200"]);
  });

  it("reads the token and secret from the environment, else .dev.vars", () => {
    expect(parseDevVars('# c\nTELEGRAM_BOT_TOKEN="1:x"\nTELEGRAM_WEBHOOK_SECRET = s\n')).toEqual({
      TELEGRAM_BOT_TOKEN: "1:x",
      TELEGRAM_WEBHOOK_SECRET: "s",
    });
    expect(botSettings("/nonexistent", { TELEGRAM_BOT_TOKEN: "1:x", TELEGRAM_WEBHOOK_SECRET: "s" })).toEqual({
      token: "1:x",
      secret: "s",
      apiRoot: "https://api.telegram.org",
    });
    expect(() => botSettings("/nonexistent", {})).toThrow(/TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET/);
  });
});
