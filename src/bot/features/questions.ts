/** The red-flag question buttons: record the answer, edit the message, re-assess, resend if the level moved. */
import { Composer } from "grammy";
import { assessInquiry, sendAssessment } from "../answer";
import type { BotContext } from "../context";
import { langOf } from "../language";
import { botMessages } from "../messages";
import { ANSWER_CODES, QUESTION_CALLBACK, questionsKeyboard, questionsText } from "../questions";

export const questions = new Composer<BotContext>();

questions.callbackQuery(QUESTION_CALLBACK, async (ctx) => {
  const open = ctx.session.questions;
  const index = Number(ctx.match[1]);
  const item = open?.items[index];
  if (!open || !item || ctx.callbackQuery.message?.message_id !== open.messageId) {
    await ctx.answerCallbackQuery({ text: botMessages[langOf(ctx)].expired });
    return;
  }
  await ctx.answerCallbackQuery();
  open.answers = { ...open.answers, [item.id]: ANSWER_CODES[ctx.match[2]] };
  const done = open.items.every((q) => open.answers[q.id]);
  await ctx.editMessageText(questionsText(open), {
    parse_mode: "HTML",
    reply_markup: done ? undefined : questionsKeyboard(open),
  });
  // Every answer is assessed at once: a "yes" to a red flag must not wait for the other answers.
  const assessment = await assessInquiry(ctx, {
    photo: open.photo,
    words: open.words,
    answers: open.answers,
  });
  if (!assessment) return;
  const level = assessment.triage?.level ?? null;
  if (level !== open.level) {
    open.level = level;
    await ctx.reply(botMessages[assessment.lang].triageChanged);
    await sendAssessment(ctx, assessment);
  }
  ctx.session.questions = done ? undefined : open;
});
