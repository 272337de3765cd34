import { beforeAll, describe, expect, it } from "vitest";
import { RETRY } from "../../src/bot/bot";
import { botMessages } from "../../src/bot/messages";
import { fixture, installModel } from "../routes/support";
import { Chat, deliver, failTelegram, handle, photoSizes, putFile, recordedSleep } from "./support";

/** BOT_STATE down: every read, write and delete throws, as in a KV outage. */
function downKv() {
  const calls: string[] = [];
  const fail = (op: string) => async (key: string) => {
    calls.push(`${op} ${key}`);
    throw new Error(`KV ${op.toUpperCase()} failed: 503 Service Unavailable`);
  };
  const kv = { get: fail("get"), put: fail("put"), delete: fail("delete") } as unknown as KVNamespace;
  return { kv, calls };
}

/** BOT_CHATS unreachable: every call to a chat's Durable Object throws. */
const downChats = {
  idFromName: (name: string) => name,
  get: () => ({
    begin: async () => {
      throw new Error("Durable Object reset because its code was updated.");
    },
  }),
};

describe("bot faults", () => {
  beforeAll(() => installModel());

  it("KV down: a photo with a caption is still answered, once", async () => {
    const chat = new Chat({ languageCode: "en" });
    const file = await putFile(await fixture("photo"));
    const update = chat.update({ photo: photoSizes([file], [1280]), caption: "itchy red patch for 3 days" });
    const down = downKv();
    const res = await deliver(update, { env: { BOT_STATE: down.kv } });
    expect(res.status).toBe(200);
    // Dedupe was asked (and failed): the fault was on the path.
    expect(down.calls.some((c) => c.startsWith("get update:"))).toBe(true);
    // The session is the chat's Durable Object, not KV: the checklist is asked as usual.
    expect((await chat.sent()).map((m) => m.includes(botMessages.en.headings.checklist))).toEqual([true]);
    // Delivered again to the same isolate while KV is down: the isolate's own set still says "seen".
    await deliver(update, { env: { BOT_STATE: down.kv } });
    expect(await chat.sent()).toHaveLength(1);
  });

  it("the chat's state unreachable: a photo with a caption is answered at once, unchecked signs listed", async () => {
    const chat = new Chat({ languageCode: "en" });
    const file = await putFile(await fixture("photo"));
    await deliver(chat.update({ photo: photoSizes([file], [1280]), caption: "itchy red patch for 3 days" }), {
      env: { BOT_CHATS: downChats },
    });
    // The checklist's ticks could not be kept: the answer comes at once, the unchecked signs under it.
    const [answer, unchecked] = await chat.messages();
    expect(answer.payload.text).toContain("<b>Closest matches</b>");
    expect(unchecked.payload.text).toMatch(/^These warning signs were not checked/);
  });

  it("sendMessage failing with 5xx: retried after 1, 2 and 4 s, then given up (bounded)", async () => {
    const { waits, sleep } = recordedSleep();
    const chat = new Chat({ deliver: (u) => handle(u, { sleep }) });
    await failTelegram({ method: "sendMessage", chatId: chat.id, status: 500, times: 4 });
    await chat.send("/help");
    const attempts = (await chat.calls()).filter((c) => c.method === "sendMessage" && c.errorCode === 500);
    // One try and three retries (src/bot/bot.ts RETRY), never an endless loop; the backoff doubles.
    expect(RETRY.maxRetryAttempts).toBe(3);
    expect(attempts).toHaveLength(4);
    expect(waits).toEqual([1000, 2000, 4000]);
    // The apology after giving up was sent (the fifth call), and the next message gets through.
    await chat.send("/help");
    expect((await chat.sent()).slice(-2)).toEqual([botMessages.en.failed, botMessages.en.help]);
  });

  it("5xx and 429 are retried: the 429 waits out its retry_after, the 5xx backs off", async () => {
    const { waits, sleep } = recordedSleep();
    const chat = new Chat({ deliver: (u) => handle(u, { sleep }) });
    await failTelegram({ method: "sendMessage", chatId: chat.id, status: 502, times: 1 });
    await failTelegram({ method: "sendMessage", chatId: chat.id, status: 429, retryAfter: 7, times: 1 });
    await chat.send("/help");
    const attempts = (await chat.calls()).filter((c) => c.method === "sendMessage");
    expect(attempts.map((c) => c.errorCode ?? 200)).toEqual([502, 429, 200]);
    expect(waits).toEqual([1000, 7000]);
    expect(await chat.sent()).toEqual([botMessages.en.help]);
  });

  it("a 429 whose retry_after is past the bound is not waited for", async () => {
    const { waits, sleep } = recordedSleep();
    const chat = new Chat({ deliver: (u) => handle(u, { sleep }) });
    await failTelegram({ method: "sendMessage", chatId: chat.id, status: 429, retryAfter: 3600, times: 1 });
    await chat.send("/help");
    expect(waits).toEqual([]);
    const attempts = (await chat.calls()).filter((c) => c.method === "sendMessage" && c.errorCode === 429);
    expect(attempts).toHaveLength(1);
  });
});
