/**
 * The checklist's buttons: a tick toggles an item; Done answers every item (ticked yes, the rest no) and sends
 * the answer; Skip sends the answer with the unchecked warning signs listed under it. Then the follow-up and
 * red-flag questions, if any.
 */
import { Composer } from "grammy";
import type { Answers } from "../../clinical";
import { assessInquiry, sendAssessment } from "../answer";
import { CHECKLIST_CALLBACK, checklistKeyboard, checklistText } from "../checklist";
import type { BotContext } from "../context";
import { langOf } from "../language";
import { botMessages } from "../messages";
import { askQuestions } from "../questions";

export const checklist = new Composer<BotContext>();

checklist.callbackQuery(CHECKLIST_CALLBACK, async (ctx) => {
  const open = ctx.session.checklist;
  if (!open || ctx.callbackQuery.message?.message_id !== open.messageId) {
    await ctx.answerCallbackQuery({ text: botMessages[langOf(ctx)].expired });
    return;
  }
  await ctx.answerCallbackQuery();
  const m = botMessages[open.lang];
  const choice = ctx.match[1];
  if (choice !== "done" && choice !== "skip") {
    const item = open.items[Number(choice)];
    if (!item) return;
    open.ticked = open.ticked.includes(item.id)
      ? open.ticked.filter((id) => id !== item.id)
      : [...open.ticked, item.id];
    await ctx.editMessageReplyMarkup({ reply_markup: checklistKeyboard(open) });
    return;
  }
  ctx.session.checklist = undefined;
  const answers: Answers =
    choice === "done"
      ? {
          ...Object.fromEntries(open.items.map((i) => [i.id, open.ticked.includes(i.id) ? "yes" : "no"])),
          ...open.answers,
        }
      : open.answers;
  const ticked = open.items.filter((i) => open.ticked.includes(i.id)).map((i) => i.text);
  await ctx.editMessageText(
    checklistText(open, choice === "done" ? m.checklistAnswered(ticked) : m.checklistSkipped),
  );
  const inquiry = { image: open.image, words: open.words, answers };
  const assessment = await assessInquiry(ctx, inquiry);
  if (!assessment) return;
  await sendAssessment(ctx, assessment);
  if (choice === "skip") await ctx.reply(m.uncheckedSigns(open.items.map((i) => i.text)));
  await askQuestions(ctx, assessment, inquiry);
});
