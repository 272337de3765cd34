/** What the bot cannot take (voice, video, stickers, locations, other files, unknown commands): say so. */
import { Composer } from "grammy";
import type { BotContext } from "../context";
import { langOf } from "../language";
import { botMessages } from "../messages";

export const fallbacks = new Composer<BotContext>();

fallbacks.on("message:document", (ctx) => ctx.reply(botMessages[langOf(ctx)].unsupportedFile));
fallbacks.on("message:text", (ctx) => ctx.reply(botMessages[langOf(ctx)].help));
fallbacks.on("message", (ctx) => ctx.reply(botMessages[langOf(ctx)].unsupportedMessage));
// A button from a message we no longer know about (an old keyboard, a finished question).
fallbacks.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: botMessages[langOf(ctx)].expired }));
