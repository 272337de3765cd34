/**
 * The red-flag question buttons: record the answer, edit the message, re-assess from the kept scores (the
 * clinical step alone: no download, no model), resend if the level moved. A question takes one answer: a
 * stale button of an answered question is refused with a note; "change my answers" is the explicit way to
 * give other ones, and says what it does.
 */
import { Composer } from "grammy";
import { assessInquiry, sendAssessment } from "../answer";
import type { BotContext } from "../context";
import { langOf } from "../language";
import { botMessages } from "../messages";
import {
  ANSWER_CODES,
  CHANGE_ANSWERS,
  QUESTION_CALLBACK,
  questionsKeyboard,
  questionsText,
  sendQuestions,
} from "../questions";

export const questions = new Composer<BotContext>();

/** The chat's open questions when the button is on their message; else the callback is told they expired. */
async function openFor(ctx: BotContext) {
  const open = ctx.session.questions;
  if (!open || ctx.callbackQuery?.message?.message_id !== open.messageId) {
    await ctx.answerCallbackQuery({ text: botMessages[langOf(ctx)].expired });
    return null;
  }
  return open;
}

questions.callbackQuery(QUESTION_CALLBACK, async (ctx) => {
  const open = await openFor(ctx);
  if (!open) return;
  const item = open.items[Number(ctx.match[1])];
  if (!item) {
    await ctx.answerCallbackQuery({ text: botMessages[open.lang].expired });
    return;
  }
  // A button the edit has not reached yet (or a second tap): the first answer stands.
  if (open.answers[item.id]) {
    await ctx.answerCallbackQuery({ text: botMessages[open.lang].alreadyAnswered });
    return;
  }
  await ctx.answerCallbackQuery();
  open.answers = { ...open.answers, [item.id]: ANSWER_CODES[ctx.match[2]] };
  await ctx.editMessageText(questionsText(open), {
    parse_mode: "HTML",
    reply_markup: questionsKeyboard(open),
  });
  // Every answer is assessed at once: a "yes" to a red flag must not wait for the other answers.
  const assessment = await assessInquiry(ctx, {
    image: open.image,
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
});

/**
 * Clears the answers given to these questions and asks them again in a new message (the old one's buttons
 * are taken away): the advice follows the new answers, and is sent again if its level changes.
 */
questions.callbackQuery(CHANGE_ANSWERS, async (ctx) => {
  const open = await openFor(ctx);
  if (!open) return;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => {});
  open.answers = { ...open.before };
  await sendQuestions(ctx, open, botMessages[open.lang].answersCleared);
});
