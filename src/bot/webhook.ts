/**
 * One update from Telegram's webhook, handled after the HTTP answer (in waitUntil): deduplicated on
 * update_id, run through the bot, and any failure turned into an apology in the chat and one log line
 * with the update id and the error's type, never the text, photo or file ids.
 */
import { BotError, GrammyError, HttpError } from "grammy";
import type { Update } from "grammy/types";
import type { ClipEngine } from "../model/engine";
import type { SpeechService } from "../model/remote/speech-protocol";
import { errorType } from "./answer";
import { botInfoFor, createBot } from "./bot";
import type { BotConfig } from "./config";
import type { BotDeps } from "./context";
import { claimOnce, UPDATE_TTL_SECONDS, updateKey } from "./dedupe";
import { langOf } from "./language";
import { botMessages } from "./messages";

export interface BotRuntime {
  config: BotConfig;
  kv: KVNamespace;
  chats: BotDeps["chats"];
  engine: () => Promise<ClipEngine>;
  speech?: SpeechService;
  /** Where log lines go; console.log by default. */
  write?: (line: string) => void;
  /** How retries wait; real time (setTimeout) by default. Tests pass one that records and returns at once. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function handleTelegramUpdate(runtime: BotRuntime, update: Update): Promise<void> {
  const write = runtime.write ?? ((line: string) => console.log(line));
  const log = (fields: Record<string, string | number | boolean>) =>
    write(JSON.stringify({ msg: "telegram", updateId: update.update_id, ...fields }));
  const started = Date.now();
  try {
    if (!(await claimOnce(runtime.kv, updateKey(update.update_id), UPDATE_TTL_SECONDS))) {
      log({ event: "duplicate" });
      return;
    }
    const deps = { ...runtime, log, sleep: runtime.sleep ?? realSleep };
    const bot = createBot(deps, await botInfoFor(runtime.config));
    await bot.handleUpdate(update);
    log({ event: "handled", kind: updateKind(update), ms: Date.now() - started });
  } catch (err) {
    const cause = err instanceof BotError ? err.error : err;
    log({ event: "failed", errorType: telegramErrorType(cause), ms: Date.now() - started });
    if (err instanceof BotError && err.ctx.chat) {
      // Never silence: apologise, unless Telegram itself is what failed (then this would fail too, quietly).
      await err.ctx.reply(botMessages[langOf(err.ctx as never)].failed).catch(() => {});
    }
  }
}

function updateKind(update: Update): string {
  return Object.keys(update).find((k) => k !== "update_id") ?? "unknown";
}

function telegramErrorType(err: unknown): string {
  if (err instanceof GrammyError) return `GrammyError:${err.error_code}`;
  if (err instanceof HttpError) return "HttpError";
  return errorType(err);
}
