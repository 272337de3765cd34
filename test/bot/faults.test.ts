import { beforeAll, describe, expect, it } from "vitest";
import { botMessages } from "../../src/bot/messages";
import { fixture, installModel, modelAvailable, SKIP_MESSAGE } from "../routes/support";
import { Chat, deliver, failTelegram, photoSizes, putFile } from "./support";

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

describe.skipIf(!modelAvailable)(`bot faults (${SKIP_MESSAGE})`, () => {
  beforeAll(() => installModel());

  it("KV down: a photo with a caption is still answered, once", async () => {
    const chat = new Chat({ languageCode: "en" });
    const file = await putFile(await fixture("photo"));
    const update = chat.update({ photo: photoSizes([file], [1280]), caption: "itchy red patch for 3 days" });
    const down = downKv();
    const res = await deliver(update, { env: { BOT_STATE: down.kv } });
    expect(res.status).toBe(200);
    // The sessions and dedupe were asked (and failed): the fault was on the path.
    expect(down.calls.some((c) => c.startsWith("get session:"))).toBe(true);
    expect(down.calls.some((c) => c.startsWith("get update:"))).toBe(true);
    // With KV down the checklist's ticks could not be kept: the answer comes at once, unchecked signs listed.
    const [answer, unchecked] = await chat.messages();
    expect(answer.payload.text).toContain("<b>Closest matches</b>");
    expect(unchecked.payload.text).toMatch(/^These warning signs were not checked/);
    // Delivered again to the same isolate while KV is down: the isolate's own set still says "seen".
    await deliver(update, { env: { BOT_STATE: down.kv } });
    expect((await chat.messages()).filter((m) => m.payload.text?.includes("Closest matches"))).toHaveLength(
      1,
    );
  });

  it("sendMessage failing with 5xx: retried with a growing backoff, then given up (bounded)", async () => {
    const chat = new Chat();
    await failTelegram({ method: "sendMessage", chatId: chat.id, status: 500, times: 4 });
    await chat.send("/help");
    const attempts = (await chat.calls()).filter((c) => c.method === "sendMessage" && c.errorCode === 500);
    // One try and three retries (src/bot/bot.ts RETRY), never an endless loop.
    expect(attempts).toHaveLength(4);
    const gaps = attempts.slice(1).map((c, i) => c.at - attempts[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(1000);
    expect(gaps[1]).toBeGreaterThanOrEqual(2000);
    expect(gaps[2]).toBeGreaterThanOrEqual(4000);
    // The next message gets through: the failures do not stick to the chat.
    await chat.send("/help");
    expect((await chat.sent()).at(-1)).toBe(botMessages.en.help);
  }, 60_000);

  it("a 429 whose retry_after is past the bound is not waited for", async () => {
    const chat = new Chat();
    await failTelegram({ method: "sendMessage", chatId: chat.id, status: 429, retryAfter: 3600, times: 1 });
    const started = Date.now();
    await chat.send("/help");
    expect(Date.now() - started).toBeLessThan(20_000);
    const attempts = (await chat.calls()).filter((c) => c.method === "sendMessage" && c.errorCode === 429);
    expect(attempts).toHaveLength(1);
  });
});
