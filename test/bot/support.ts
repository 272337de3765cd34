/**
 * The bot's tests drive the real Worker (its default export, in workerd, with miniflare's KV and R2) with
 * Telegram updates, as Telegram's webhook would, and read what the bot sent from the fake Telegram Bot API
 * (test/support/fake-telegram.node.ts) through the FAKE_TELEGRAM binding.
 */
import { createExecutionContext, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { Message, PhotoSize, Update } from "grammy/types";
import { readBotConfig } from "../../src/bot/config";
import { chatStateName } from "../../src/bot/session";
import { type BotRuntime, handleTelegramUpdate } from "../../src/bot/webhook";
import { getEngine } from "../../src/workers/api/engine";
import app from "../../src/workers/api/index";

interface TestBindings {
  FAKE_TELEGRAM: Fetcher;
  TELEGRAM_BOT_TOKEN: string;
  TELEGRAM_WEBHOOK_SECRET: string;
  BOT_STATE: KVNamespace;
}
export const bindings = env as unknown as Env & TestBindings;
const fake = bindings.FAKE_TELEGRAM;

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown> & { text?: string; reply_markup?: InlineMarkup; message_id?: number };
  at: number;
  result?: { message_id?: number };
  errorCode?: number;
}
export interface InlineMarkup {
  inline_keyboard?: { text: string; callback_data: string }[][];
}

let nextUpdateId = Math.floor(Math.random() * 1e6) * 1000;
let nextChatId = 100_000 + Math.floor(Math.random() * 1e6) * 100;
let nextFileNo = 0;

/** POSTs one update to /telegram/webhook and waits for the work the Worker left to waitUntil. */
export async function deliver(
  update: unknown,
  options: { secret?: string | null; env?: Record<string, unknown> } = {},
): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json" });
  const secret = options.secret === undefined ? bindings.TELEGRAM_WEBHOOK_SECRET : options.secret;
  if (secret !== null) headers.set("x-telegram-bot-api-secret-token", secret);
  const ctx = createExecutionContext();
  const request = new Request("http://dermedge.test/telegram/webhook", {
    method: "POST",
    headers,
    body: typeof update === "string" ? update : JSON.stringify(update),
  });
  const res = await app.fetch(request, { ...bindings, ...options.env }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/**
 * Hands one update to the bot directly (as the webhook route does, without its HTTP part), with what a test
 * needs to own: the clock retries wait on (`sleep`), the engine, bindings.
 */
export async function handle(
  update: unknown,
  options: { env?: Record<string, unknown> } & Partial<Pick<BotRuntime, "sleep" | "engine">> = {},
): Promise<void> {
  const env = { ...bindings, ...options.env } as typeof bindings;
  const config = readBotConfig(env);
  if (!config) throw new Error("the tests' bindings have no bot token");
  await handleTelegramUpdate(
    {
      config,
      kv: env.BOT_STATE,
      chats: env.BOT_CHATS,
      engine: options.engine ?? (() => getEngine(env)),
      sleep: options.sleep,
    },
    update as Update,
  );
}

/** A `sleep` for the bot that waits for nothing and records what it was asked to wait, in ms. */
export function recordedSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** Registers a file on the fake server; getFile reports `declaredSize` (default: the real size). */
export async function putFile(bytes: Uint8Array, declaredSize?: number): Promise<string> {
  const fileId = `file-${nextChatId}-${++nextFileNo}`;
  const headers: Record<string, string> = {};
  if (declaredSize !== undefined) headers["x-declared-size"] = String(declaredSize);
  await fake.fetch(`http://fake/files/${fileId}`, { method: "PUT", body: bytes, headers });
  return fileId;
}

export async function failTelegram(failure: {
  method: string;
  chatId?: number;
  fileId?: string;
  status?: number;
  retryAfter?: number;
  times?: number;
  delayMs?: number;
}): Promise<void> {
  await fake.fetch("http://fake/failures", { method: "POST", body: JSON.stringify(failure) });
}

export async function failDownloads(fileId: string, times: number): Promise<void> {
  await fake.fetch("http://fake/download-failures", {
    method: "POST",
    body: JSON.stringify({ fileId, times }),
  });
}

export async function callsForFile(fileId: string): Promise<RecordedCall[]> {
  return (await fake.fetch(`http://fake/calls?file=${encodeURIComponent(fileId)}`)).json();
}

/** A photo as Telegram sends it: the sizes it made, smallest first. */
export function photoSizes(fileIds: string[], sides: number[], fileSize = 50_000): PhotoSize[] {
  return fileIds.map((file_id, i) => ({
    file_id,
    file_unique_id: `u-${file_id}`,
    width: sides[i],
    height: Math.round(sides[i] * 0.75),
    file_size: fileSize * (i + 1),
  }));
}

/** A patient's chat with the bot: builds their updates and reads the bot's side of it. */
export class Chat {
  readonly id = ++nextChatId;
  private messageId = 0;

  constructor(
    readonly options: {
      languageCode?: string;
      type?: "private" | "group" | "supergroup";
      /** How the chat's updates reach the bot: the Worker's webhook by default. */
      deliver?: (update: Update) => Promise<unknown>;
    } = {},
  ) {}

  private deliver(update: Update): Promise<unknown> {
    return (this.options.deliver ?? deliver)(update);
  }

  update(message: Partial<Message> & Record<string, unknown>): Update {
    const type = this.options.type ?? "private";
    return {
      update_id: ++nextUpdateId,
      message: {
        message_id: ++this.messageId,
        date: Math.floor(Date.now() / 1000),
        chat:
          type === "private"
            ? { id: this.id, type, first_name: "Pat" }
            : { id: this.id, type, title: "Family" },
        from: { id: this.id, is_bot: false, first_name: "Pat", language_code: this.options.languageCode },
        ...message,
      },
    } as Update;
  }

  send(text: string): Promise<unknown> {
    const entities = text.startsWith("/")
      ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0].length }]
      : undefined;
    return this.deliver(this.update({ text, entities }));
  }

  sendPhoto(photo: PhotoSize[], caption?: string, extra: Record<string, unknown> = {}): Promise<unknown> {
    return this.deliver(this.update({ photo, caption, ...extra }));
  }

  /** Presses an inline button of one of the bot's messages. */
  press(data: string, messageId: number): Promise<unknown> {
    return this.deliver({
      update_id: ++nextUpdateId,
      callback_query: {
        id: `cb-${this.id}-${nextUpdateId}`,
        from: { id: this.id, is_bot: false, first_name: "Pat", language_code: this.options.languageCode },
        chat_instance: `ci-${this.id}`,
        data,
        message: {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: this.id, type: this.options.type ?? "private", first_name: "Pat" },
          text: "…",
        },
      },
    } as Update);
  }

  /** The chat's session as its Durable Object stores it (JSON), or null. */
  async session(): Promise<string | null> {
    return (await this.stored())?.session ?? null;
  }

  /** The chat's Durable Object storage: the session (JSON) and when it expires (epoch ms); null when empty. */
  stored(): Promise<{ session: string; expiresAt: number; alarm: number | null } | null> {
    const chats = bindings.BOT_CHATS;
    const stub = chats.get(chats.idFromName(chatStateName(this.id)));
    return runInDurableObject(stub, async (_, state) => {
      const stored = await state.storage.get<{ session: unknown; expiresAt: number }>("state");
      if (!stored) return null;
      const alarm = await state.storage.getAlarm();
      return { session: JSON.stringify(stored.session), expiresAt: stored.expiresAt, alarm };
    });
  }

  async calls(): Promise<RecordedCall[]> {
    return (await fake.fetch(`http://fake/calls?chat=${this.id}`)).json();
  }

  /**
   * The texts of the bot's messages, in order; `questions: false` leaves out the red-flag questions,
   * `checklist: false` the core checklist sent before the answer.
   */
  async sent(options: { questions?: boolean; checklist?: boolean } = {}): Promise<string[]> {
    const hasButtons = (c: RecordedCall, prefix: string) =>
      c.payload.reply_markup?.inline_keyboard?.some((row) =>
        row.some((b) => b.callback_data.startsWith(prefix)),
      );
    return (await this.messages())
      .filter((c) => options.questions !== false || !hasButtons(c, "q:"))
      .filter((c) => options.checklist !== false || !hasButtons(c, "c:"))
      .map((c) => c.payload.text ?? "");
  }

  /** The core checklist the bot sent before its answer: its message id and items' button texts. */
  async checklist(): Promise<{ messageId: number; items: string[] }> {
    const call = (await this.messages()).find((c) =>
      c.payload.reply_markup?.inline_keyboard?.some((row) =>
        row.some((b) => b.callback_data.startsWith("c:")),
      ),
    );
    if (!call?.result?.message_id) throw new Error("the bot sent no checklist");
    const items = (call.payload.reply_markup?.inline_keyboard ?? [])
      .flat()
      .filter((b) => /^c:\d+$/.test(b.callback_data))
      .map((b) => b.text);
    return { messageId: call.result.message_id, items };
  }

  /** Ticks the checklist items whose text matches, then presses Done; or Skip when `skip` is true. */
  async answerChecklist(tick: RegExp[] = [], skip = false): Promise<void> {
    const { messageId, items } = await this.checklist();
    for (const pattern of tick) {
      const index = items.findIndex((text) => pattern.test(text));
      if (index < 0) throw new Error(`no checklist item matches ${pattern}`);
      await this.press(`c:${index}`, messageId);
    }
    await this.press(skip ? "c:skip" : "c:done", messageId);
  }

  /** The bot's messages that Telegram accepted (a failed attempt, later retried, is not one). */
  async messages(): Promise<RecordedCall[]> {
    return (await this.calls()).filter((c) => c.method === "sendMessage" && c.errorCode === undefined);
  }

  /** The last message the bot sent with inline buttons: its id and the buttons' texts and callback data. */
  async lastKeyboard(): Promise<{ messageId: number; buttons: { text: string; data: string }[] }> {
    const call = (await this.messages()).reverse().find((c) => c.payload.reply_markup?.inline_keyboard);
    if (!call?.result?.message_id) throw new Error("the bot sent no inline keyboard");
    return {
      messageId: call.result.message_id,
      buttons: (call.payload.reply_markup?.inline_keyboard ?? [])
        .flat()
        .map((b) => ({ text: b.text, data: b.callback_data })),
    };
  }
}
