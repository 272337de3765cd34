import { beforeAll, describe, expect, it } from "vitest";
import { botMessages } from "../../src/bot/messages";
import { fixture, modelAvailable, SKIP_MESSAGE } from "../routes/support";
import { putPackageInR2 } from "../support/model-package";
import { bindings, Chat, callsForFile, deliver, photoSizes, putFile, type RecordedCall } from "./support";

/**
 * Telegram that hangs: a Bot API call or a photo download that is never answered (or stalls mid-body)
 * must not hang the bot. Each call is bounded (TELEGRAM_TIMEOUT_MS, 30 s in production; grammY's
 * timeoutSeconds), retried like a network failure (src/bot/retry.ts), and the whole photo download is
 * bounded (TELEGRAM_DOWNLOAD_TIMEOUT_MS, 20 s in production); then the patient gets an apology, where
 * Telegram still takes one. Short bounds here, the production ones in the config.
 */

const API_TIMEOUT_MS = 500;
const DOWNLOAD_TIMEOUT_MS = 2_000;
const env = {
  TELEGRAM_TIMEOUT_MS: String(API_TIMEOUT_MS),
  TELEGRAM_DOWNLOAD_TIMEOUT_MS: String(DOWNLOAD_TIMEOUT_MS),
};
/** src/bot/bot.ts RETRY: 3 retries after 1, 2 and 4 s. */
const RETRY_BACKOFF_MS = 1_000 + 2_000 + 4_000;
const en = botMessages.en;

/** Delivers the update with the short bounds and times the whole of its work (waitUntil included). */
async function timed(update: unknown): Promise<number> {
  const started = Date.now();
  const res = await deliver(update, { env });
  expect(res.status).toBe(200);
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

describe.skipIf(!modelAvailable)(`Telegram hangs (${SKIP_MESSAGE})`, () => {
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
      expect((await downloadsOf(file)).length).toBeGreaterThanOrEqual(1);
      // The whole download, its retry included, within its bound: not a try's bound twice over.
      expect(ms).toBeLessThan(DOWNLOAD_TIMEOUT_MS + 1_500);
    });
  }

  it("a download that hangs once is retried in time, and the patient gets the answer", async () => {
    const chat = new Chat({ languageCode: "en" });
    const file = await putFile(photo);
    await hangDownload(file, 1, "headers");
    const ms = await timed(chat.update({ photo: photoSizes([file], [400]), caption: "itchy red patch" }));
    expect(hung(await downloadsOf(file))).toEqual([true, false]);
    // The photo was assessed in time: the core checklist, asked before the answer, is what the patient gets.
    const [checklist] = await delivered(chat);
    expect(checklist.payload.text).toContain(botMessages.en.headings.checklist);
    expect(ms).toBeLessThan(DOWNLOAD_TIMEOUT_MS + 5_000);
  });

  it("a 'typing' action that hangs does not hold the answer back", async () => {
    const chat = new Chat({ languageCode: "en" });
    const file = await putFile(photo);
    await hangTelegram("sendChatAction", chat.id, 4);
    await timed(chat.update({ photo: photoSizes([file], [400]), caption: "itchy red patch" }));
    const calls = (await chat.calls()) as Call[];
    const typing = calls.find((c) => c.method === "sendChatAction");
    const [answer] = await delivered(chat);
    expect(typing?.hung).toBe(true);
    expect(answer.payload.text).toContain(botMessages.en.headings.checklist);
    // Not after the typing action's tries and backoffs (4 x the bound + 7 s): it is only a courtesy.
    expect(answer.at - (typing as Call).at).toBeLessThan(API_TIMEOUT_MS + 2_000);
  });

  it("a sendMessage that hangs once is given up at the bound and retried: one answer", async () => {
    const chat = new Chat();
    await hangTelegram("sendMessage", chat.id, 1);
    const ms = await timed(
      chat.update({ text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] }),
    );
    expect(hung(await sendMessages(chat))).toEqual([true, false]);
    expect((await delivered(chat)).map((c) => c.payload.text)).toEqual([en.help]);
    expect(ms).toBeGreaterThanOrEqual(API_TIMEOUT_MS);
    expect(ms).toBeLessThan(API_TIMEOUT_MS + 1_000 + 1_500);
  });

  it("a sendMessage that hangs on every try: given up within the bound, then an apology", async () => {
    const chat = new Chat();
    await hangTelegram("sendMessage", chat.id, 4);
    const ms = await timed(
      chat.update({ text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] }),
    );
    // One try and three retries, each given up at the bound; the fifth call is the apology.
    expect(hung(await sendMessages(chat))).toEqual([true, true, true, true, false]);
    expect((await delivered(chat)).map((c) => c.payload.text)).toEqual([en.failed]);
    expect(ms).toBeLessThan(4 * API_TIMEOUT_MS + RETRY_BACKOFF_MS + 2_000);
  });
});
