/**
 * The core intake checklist, asked in one message *before* the answer: a tick button per warning sign the
 * words left open, then "Done" (what is not ticked is a no) or "Skip" (nothing is assumed, and the answer lists
 * the unchecked signs). Consumer symptom checkers do not trust free text for red flags; neither do we.
 * features/checklist.ts handles the buttons.
 */
import { InlineKeyboard } from "grammy";
import { type Assessment, shortText } from "../clinical";
import type { BotContext, Inquiry, OpenChecklist } from "./context";
import { escapeHtml } from "./html";
import { botMessages } from "./messages";

/** Callback data: `c:<item index>` toggles an item; `c:done`, `c:skip`. */
export const CHECKLIST_CALLBACK = /^c:(\d+|done|skip)$/;

/** The core questions an assessment leaves open: the checklist's items. */
export function checklistItems(assessment: Assessment): { id: string; text: string }[] {
  return assessment.questions
    .filter((q) => q.kind === "core")
    .map((q) => ({ id: q.id, text: shortText(q.id, assessment.lang) ?? q.text }));
}

/** Sends the checklist and keeps what it will be asked with; false when nothing is open. */
export async function sendChecklist(
  ctx: BotContext,
  assessment: Assessment,
  inquiry: Inquiry,
): Promise<boolean> {
  const items = checklistItems(assessment);
  if (items.length === 0) return false;
  const open: OpenChecklist = {
    messageId: 0,
    lang: assessment.lang,
    items,
    ticked: [],
    answers: { ...inquiry.answers },
    image: inquiry.image,
    words: inquiry.words,
  };
  const sent = await ctx.reply(checklistText(open), {
    parse_mode: "HTML",
    reply_markup: checklistKeyboard(open),
  });
  open.messageId = sent.message_id;
  ctx.session.checklist = open;
  return true;
}

export function checklistText(open: OpenChecklist, closing?: string): string {
  const m = botMessages[open.lang];
  return [
    `<b>${escapeHtml(m.headings.checklist)}</b>`,
    escapeHtml(m.checklistIntro),
    ...(closing ? [escapeHtml(closing)] : []),
  ].join("\n\n");
}

/** Two items a row, ☐/☑ as ticked; then Done and Skip. */
export function checklistKeyboard(open: OpenChecklist): InlineKeyboard {
  const m = botMessages[open.lang];
  const keyboard = new InlineKeyboard();
  open.items.forEach((item, i) => {
    keyboard.text(`${open.ticked.includes(item.id) ? "☑" : "☐"} ${item.text}`, `c:${i}`);
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(m.checklistDone, "c:done").text(m.checklistSkip, "c:skip");
}
