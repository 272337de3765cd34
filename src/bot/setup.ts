/** What is registered with Telegram once (scripts/bot-webhook.ts): the update types and the command menus. */
import type { BotCommand } from "grammy/types";
import type { Lang } from "../clinical";

/** The update types the bot handles; Telegram sends only these. */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/** The command menu in each language (Telegram shows the one matching the user's app language). */
export const botCommands: Readonly<Record<Lang, BotCommand[]>> = {
  en: [
    { command: "start", description: "What I do and how to start" },
    { command: "help", description: "How to send a photo" },
    { command: "privacy", description: "What I keep, and for how long" },
    { command: "language", description: "English / 中文" },
    { command: "forget", description: "Delete everything I kept for this chat" },
    { command: "cancel", description: "Start over" },
  ],
  zh: [
    { command: "start", description: "我能做什么，如何开始" },
    { command: "help", description: "如何发送照片" },
    { command: "privacy", description: "我保存什么，保存多久" },
    { command: "language", description: "English / 中文" },
    { command: "forget", description: "删除为此对话保存的所有内容" },
    { command: "cancel", description: "重新开始" },
  ],
};
