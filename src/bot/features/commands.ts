/** /start (with a deep-link payload), /help, /privacy, /language, /forget, /cancel. Private chats only. */
import { Composer, InlineKeyboard } from "grammy";
import type { Lang } from "../../clinical";
import type { BotContext } from "../context";
import { langOf } from "../language";
import { botMessages, LANGUAGE_NAMES } from "../messages";

export const commands = new Composer<BotContext>();

/** Deep links such as t.me/<bot>?start=zh choose the language; any other payload is ignored. */
const LANGUAGE_PAYLOADS: Readonly<Record<string, Lang>> = {
  en: "en",
  zh: "zh",
  lang_en: "en",
  lang_zh: "zh",
};

commands.command("start", async (ctx) => {
  const chosen = LANGUAGE_PAYLOADS[ctx.match.trim().toLowerCase()];
  if (chosen) ctx.session.lang = chosen;
  await ctx.reply(botMessages[langOf(ctx)].start);
});

commands.command("help", (ctx) => ctx.reply(botMessages[langOf(ctx)].help));

commands.command("privacy", (ctx) => ctx.reply(botMessages[langOf(ctx)].privacy));

commands.command("language", async (ctx) => {
  const keyboard = new InlineKeyboard().text(LANGUAGE_NAMES.en, "lang:en").text(LANGUAGE_NAMES.zh, "lang:zh");
  await ctx.reply(botMessages[langOf(ctx)].chooseLanguage, { reply_markup: keyboard });
});

commands.callbackQuery(/^lang:(en|zh)$/, async (ctx) => {
  ctx.session.lang = ctx.match[1] as Lang;
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(botMessages[ctx.session.lang].languageSet);
});

commands.command("forget", async (ctx) => {
  const m = botMessages[langOf(ctx)];
  // grammY's session plugin deletes the chat's KV entry when the session is set to null.
  ctx.session = null as never;
  ctx.deps.log({ event: "forget" });
  await ctx.reply(m.forgotten);
});

commands.command("cancel", async (ctx) => {
  const s = ctx.session;
  const had = Boolean(s.pendingImage || s.pendingWords || s.questions || s.checklist);
  if (s.questions) {
    // The question buttons would act on what was just cancelled: take them away.
    await ctx.api.editMessageReplyMarkup(ctx.chat.id, s.questions.messageId).catch(() => {});
  }
  s.pendingImage = s.pendingWords = s.questions = s.checklist = undefined;
  await ctx.reply(botMessages[langOf(ctx)][had ? "cancelled" : "nothingToCancel"]);
});
