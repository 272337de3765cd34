/**
 * The patient's words. With a photo waiting, they complete it and it is assessed. Words first: an
 * emergency in them is answered at once, photo or not; otherwise they wait for the photo.
 */
import { Composer } from "grammy";
import { assessWords } from "../../service/assess-words";
import { assessAndReply, sendAssessment } from "../answer";
import type { BotContext } from "../context";
import { botMessages } from "../messages";

export const text = new Composer<BotContext>();

/** The API takes at most 1000 characters of words; so does the bot (Telegram allows 4096). */
const MAX_WORDS = 1000;

text.on("message:text", async (ctx, next) => {
  const words = ctx.message.text.trim();
  // An unknown command: fallbacks answers with the help.
  if (words.startsWith("/")) return next();
  await takeWords(ctx, words);
});

/** The patient's words, typed or heard in a voice note (features/voice.ts): the one path both take. */
export async function takeWords(ctx: BotContext, words: string): Promise<void> {
  const pending = ctx.session.pendingPhoto;
  if (pending) {
    ctx.session.pendingPhoto = undefined;
    await assessAndReply(ctx, { photo: pending, words: words.slice(0, MAX_WORDS) });
    return;
  }
  const all = [ctx.session.pendingWords, words].filter(Boolean).join("\n").slice(-MAX_WORDS);
  const assessment = assessWords({ text: all, lang: ctx.session.lang, locale: ctx.from?.language_code });
  if (assessment.triage?.level === "emergency") {
    ctx.deps.log({ event: "words_emergency" });
    ctx.session.pendingWords = undefined;
    await sendAssessment(ctx, assessment);
    await ctx.reply(botMessages[assessment.lang].photoAfterEmergency);
    return;
  }
  ctx.session.pendingWords = all;
  await ctx.reply(botMessages[assessment.lang].askForPhoto);
}
