/** The bot as the Worker entry wires it behind POST /telegram/webhook (src/routes/telegram.ts). */
import type { Update } from "grammy/types";
import type { ClipEngine } from "../model/engine";
import type { SpeechService } from "../model/remote/speech-protocol";
import { readBotConfig } from "./config";
import { handleTelegramUpdate } from "./webhook";

export const telegramBot = {
  /** The webhook's secret token; null when no bot token is configured (the bot is off). */
  webhookSecret(env: Env): string | null {
    return readBotConfig(env)?.webhookSecret ?? null;
  },
  /** Handles one update; never throws (failures are apologised for in the chat and logged). */
  async handleUpdate(env: Env, update: Update, engine: () => Promise<ClipEngine>): Promise<void> {
    const config = readBotConfig(env);
    const speech = env.SPEECH as SpeechService | undefined;
    if (config)
      await handleTelegramUpdate({ config, kv: env.BOT_STATE, chats: env.BOT_CHATS, engine, speech }, update);
  },
};

export type TelegramBot = typeof telegramBot;
