import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bindings, Chat, deliver, failTelegram } from "./support";

describe("POST /telegram/webhook", () => {
  afterEach(() => vi.restoreAllMocks());

  it("refuses a wrong or missing secret with 401 and processes nothing", async () => {
    const chat = new Chat();
    for (const secret of [null, "", "wrong", `${bindings.TELEGRAM_WEBHOOK_SECRET}x`]) {
      const res = await deliver(chat.update({ text: "/start" }), { secret });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await chat.calls()).toEqual([]);
    expect(await chat.stored()).toBeNull();
  });

  it("refuses everything when no webhook secret is configured", async () => {
    const chat = new Chat();
    const res = await deliver(chat.update({ text: "/start" }), {
      secret: "",
      env: { TELEGRAM_WEBHOOK_SECRET: "" },
    });
    expect(res.status).toBe(401);
    expect(await chat.calls()).toEqual([]);
  });

  it("answers 404 without a token, and the rest of the Worker is unaffected", async () => {
    const chat = new Chat();
    const res = await deliver(chat.update({ text: "/start" }), { env: { TELEGRAM_BOT_TOKEN: "" } });
    expect(res.status).toBe(404);
    const health = await deliver(null, { env: { TELEGRAM_BOT_TOKEN: "" } }).then(() =>
      exports.default.fetch(new Request("http://dermedge.test/healthz")),
    );
    expect(health.status).toBe(200);
    expect(await chat.calls()).toEqual([]);
  });

  it("answers 400 to a body that is not an update", async () => {
    expect((await deliver("{not json")).status).toBe(400);
    expect((await deliver({ message: {} })).status).toBe(400);
  });

  it("answers Telegram at once and does the work afterwards (waitUntil)", async () => {
    const chat = new Chat();
    // Telegram is slow to accept the reply: the webhook's answer must not wait for it.
    await failTelegram({ method: "sendMessage", chatId: chat.id, delayMs: 1500 });
    const res = await exports.default.fetch(
      new Request("http://dermedge.test/telegram/webhook", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-telegram-bot-api-secret-token": bindings.TELEGRAM_WEBHOOK_SECRET,
        },
        body: JSON.stringify(
          chat.update({ text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] }),
        ),
      }),
    );
    expect(res.status).toBe(200);
    // Answered before Telegram answered the bot's message (an order, not a duration).
    expect((await chat.calls()).filter((c) => c.result !== undefined)).toEqual([]);
    await vi.waitFor(async () => expect(await chat.sent()).toHaveLength(1), {
      timeout: 10_000,
      interval: 100,
    });
  });

  it("a redelivered or concurrently delivered update gets one reply", async () => {
    const chat = new Chat();
    const update = chat.update({ text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] });
    const answers = await Promise.all([deliver(update), deliver(update)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect((await deliver(update)).status).toBe(200);
    expect(await chat.sent()).toHaveLength(1);
    expect(await bindings.BOT_STATE.get(`update:${update.update_id}`)).toBe("1");
  });

  it("without TELEGRAM_BOT_INFO it asks Telegram's getMe once, then answers", async () => {
    const chat = new Chat();
    await deliver(chat.update({ text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] }), {
      env: { TELEGRAM_BOT_INFO: "" },
    });
    expect(await chat.sent()).toHaveLength(1);
  });

  it("logs the update id and what happened, never the patient's words", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
    const chat = new Chat();
    const update = chat.update({ text: "my secret rash is itchy" });
    await deliver(update);
    const bot = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "telegram");
    expect(bot).toContainEqual(expect.objectContaining({ updateId: update.update_id, event: "handled" }));
    expect(lines.join("\n")).not.toContain("rash");
  });
});
