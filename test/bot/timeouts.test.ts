import { beforeAll, describe, expect, it } from "vitest";
import { botMessages } from "../../src/bot/messages";
import { fixture } from "../routes/support";
import { putPackageInR2 } from "../support/model-package";
import {
  bindings,
  Chat,
  callsForFile,
  deliver,
  handle,
  photoSizes,
  putFile,
  type RecordedCall,
  recordedSleep,
} from "./support";

/**
 * Telegram that hangs: a Bot API call or a photo download that is never answered (or stalls mid-body)
 * must not hang the bot. Each call is bounded (TELEGRAM_TIMEOUT_MS, 30 s in production; grammY's
 * timeoutSeconds), retried like a network failure (src/bot/retry.ts), and the whole photo download is
 * bounded (TELEGRAM_DOWNLOAD_TIMEOUT_MS, 20 s in production); then the patient gets an apology, where
 * Telegram still takes one. Short bounds here, the production ones in the config; the retries' backoffs are
 * recorded, not waited (the bot's injected sleep). No test here asserts that something took at most so long:
 * on a loaded machine that says nothing about the bot.
 */

const API_TIMEOUT_MS = 500;
const DOWNLOAD_TIMEOUT_MS = 2_000;
const env = {
  TELEGRAM_TIMEOUT_MS: String(API_TIMEOUT_MS),
  TELEGRAM_DOWNLOAD_TIMEOUT_MS: String(DOWNLOAD_TIMEOUT_MS),
};
const en = botMessages.en;

/** Delivers the update with the short bounds and times the whole of its work (waitUntil included). */
async function timed(update: unknown): Promise<number> {
  const started = Date.now();
  const res = await deliver(update, { env });
  expect(res.status).toBe(200);
  return Date.now() - started;
}

/** Hands the update to the bot with the short bounds and `sleep` for the retries' waits; times it. */
async function timedWith(update: unknown, sleep: (ms: number) => Promise<void>): Promise<number> {
  const started = Date.now();
  await handle(update, { env, sleep });
  return Date.now() - started;
}

/** The fake Telegram's record of a call; `hung`: it never answered it (the bot gave up). */
type Call = RecordedCall & { hung?: boolean };
const hung = (calls: Call[]) => calls.map((c) => c.hung === true);

/** The next `times` calls of `method` for the chat are never answered. */
async function hangTelegram(method: string, chatId: number, times: number): Promise<void> {
  await bindings.FAKE_TELEGRAM.fetch("http://fake/failures", {
    method: "POST",
    body: JSON.stringify({ method, chatId, times, hang: true }),
  });
}

async function hangDownload(fileId: string, times: number, hang: "headers" | "body"): Promise<void> {
  await bindings.FAKE_TELEGRAM.fetch("http://fake/download-failures", {
    method: "POST",
    body: JSON.stringify({ fileId, times, hang }),
  });
}

/** The bot's messages that Telegram answered (a hung attempt is not one). */
const delivered = async (chat: Chat) =>
  ((await chat.calls()) as Call[]).filter(
    (c) => c.method === "sendMessage" && c.errorCode === undefined && !c.hung,
  );
const sendMessages = async (chat: Chat) =>
  ((await chat.calls()) as Call[]).filter((c) => c.method === "sendMessage");
const downloadsOf = async (fileId: string) =>
  ((await callsForFile(fileId)) as Call[]).filter((c) => c.method === "downloadFile");

describe("Telegram hangs", () => {
  let photo: Uint8Array;
  beforeAll(async () => {
    // The catalogue's prompts precomputed: an answer needs no text Worker.
    await putPackageInR2(bindings.MODELS, "tiny-labelled", bindings.MODEL_PREFIX);
    photo = await fixture("photo");
  });

  for (const hang of ["headers", "body"] as const) {
    it(`a download that hangs (${hang === "headers" ? "no answer" : "stalls half-way"}): an apology within the download bound`, async () => {
      const chat = new Chat({ languageCode: "en" });
      const file = await putFile(photo);
      await hangDownload(file, 2, hang);
      const ms = await timed(chat.update({ photo: photoSizes([file], [400]), caption: "itchy red patch" }));
      expect((await delivered(chat)).map((c) => c.payload.text)).toEqual([en.downloadFailed]);
      // At most a try and its retry, each given half the bound: the whole download is held to the bound.
      const tries = await downloadsOf(file);
      expect(tries.length).toBeGreaterThanOrEqual(1);
      expect(tries.length).toBeLessThanOrEqual(2);
      // It did wait for the download: the apology is not a premature give-up.
      expect(ms).toBeGreaterThanOrEqual(DOWNLOAD_TIMEOUT_MS / 2);
    });
  }

  it("a download that hangs once is retried in time, and the patient gets the answer", async () => {
    const chat = new Chat({ languageCode: "en" });
    const file = await putFile(photo);
    await hangDownload(file, 1, "headers");
    await timed(chat.update({ photo: photoSizes([file], [400]), caption: "itchy red patch" }));
    expect(hung(await downloadsOf(file))).toEqual([true, false]);
    // The photo was assessed in time: the core checklist, asked before the answer, is what the patient gets.
    const [checklist] = await delivered(chat);
    expect(checklist.payload.text).toContain(botMessages.en.headings.checklist);
  });

  it("a 'typing' action that hangs does not hold the answer back", async () => {
    const chat = new Chat({ languageCode: "en" });
    const file = await putFile(photo);
    await hangTelegram("sendChatAction", chat.id, 4);
    // The typing action's retry waits for ever: an answer that waited for the action would never come.
    const never = () => new Promise<void>(() => {});
    await timedWith(chat.update({ photo: photoSizes([file], [400]), caption: "itchy red patch" }), never);
    const calls = (await chat.calls()) as Call[];
    const typing = calls.filter((c) => c.method === "sendChatAction");
    const [answer] = await delivered(chat);
    expect(typing.map((c) => c.hung)).toEqual([true]);
    expect(answer.payload.text).toContain(botMessages.en.headings.checklist);
  });

  it("a sendMessage that hangs once is given up at the bound and retried: one answer", async () => {
    const chat = new Chat();
    await hangTelegram("sendMessage", chat.id, 1);
    const { waits, sleep } = recordedSleep();
    const ms = await timedWith(
      chat.update({ text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] }),
      sleep,
    );
    expect(hung(await sendMessages(chat))).toEqual([true, false]);
    expect((await delivered(chat)).map((c) => c.payload.text)).toEqual([en.help]);
    // Given up at the bound (not before), then retried after the first backoff.
    expect(ms).toBeGreaterThanOrEqual(API_TIMEOUT_MS);
    expect(waits).toEqual([1000]);
  });

  it("a sendMessage that hangs on every try: given up within the bound, then an apology", async () => {
    const chat = new Chat();
    await hangTelegram("sendMessage", chat.id, 4);
    const { waits, sleep } = recordedSleep();
    const ms = await timedWith(
      chat.update({ text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] }),
      sleep,
    );
    // One try and three retries, each given up at the bound; the fifth call is the apology.
    expect(hung(await sendMessages(chat))).toEqual([true, true, true, true, false]);
    expect((await delivered(chat)).map((c) => c.payload.text)).toEqual([en.failed]);
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(ms).toBeGreaterThanOrEqual(4 * API_TIMEOUT_MS);
  });
});
