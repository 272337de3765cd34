/**
 * The red-flag questions of an assessment (`assessment.questions`), asked in one message with yes / no /
 * not sure buttons per question, and edited in place as they are answered (features/questions.ts). A
 * question takes one answer; "change my answers" clears them and asks the questions again.
 */
import { InlineKeyboard } from "grammy";
import type { AnswerValue, Assessment } from "../clinical";
import type { BotContext, Inquiry, OpenQuestions } from "./context";
import { escapeHtml } from "./html";
import { botMessages } from "./messages";

/** Callback data: `q:<question index>:<y|n|u>`; `q:change` clears the answers and asks again. */
export const QUESTION_CALLBACK = /^q:(\d+):([ynu])$/;
export const CHANGE_ANSWERS = "q:change";
export const ANSWER_CODES: Readonly<Record<string, AnswerValue>> = { y: "yes", n: "no", u: "unknown" };

/** Sends the assessment's questions and remembers them; forgets earlier ones when there are none. */
export async function askQuestions(ctx: BotContext, assessment: Assessment, inquiry: Inquiry): Promise<void> {
  // The core checklist was asked before the answer (checklist.ts): follow-ups and red flags remain.
  const items = assessment.questions.filter((q) => q.kind !== "core").map(({ id, text }) => ({ id, text }));
  if (items.length === 0) {
    ctx.session.questions = undefined;
    return;
  }
  const open: OpenQuestions = {
    messageId: 0,
    lang: assessment.lang,
    items,
    answers: { ...inquiry.answers },
    before: { ...inquiry.answers },
    image: inquiry.image,
    words: inquiry.words,
    level: assessment.triage?.level ?? null,
  };
  await sendQuestions(ctx, open);
}

/** Sends the questions as a new message (its buttons are the only live ones) and keeps them in the session. */
export async function sendQuestions(ctx: BotContext, open: OpenQuestions, note?: string): Promise<void> {
  const sent = await ctx.reply(questionsText(open, note), {
    parse_mode: "HTML",
    reply_markup: questionsKeyboard(open),
  });
  open.messageId = sent.message_id;
  ctx.session.questions = open;
}

/** Whether the patient answered any of these questions (not counting the checklist's answers). */
export const answeredHere = (open: OpenQuestions) =>
  open.items.some((q) => open.answers[q.id] !== open.before[q.id]);

export function questionsText(open: OpenQuestions, note?: string): string {
  const m = botMessages[open.lang];
  const lines = open.items.map((q, i) => {
    const answer = open.answers[q.id];
    const given = answer ? ` — <b>${escapeHtml(m.answerLabels[answer])}</b>` : "";
    return `${i + 1}. ${escapeHtml(q.text)}${given}`;
  });
  const done = open.items.every((q) => open.answers[q.id]);
  return [
    `<b>${escapeHtml(m.headings.questions)}</b>`,
    escapeHtml(note ?? m.questionsIntro),
    lines.join("\n"),
    ...(done ? [escapeHtml(m.questionsDone)] : []),
  ].join("\n\n");
}

/** One row per unanswered question: "1 · Yes", "1 · No", "1 · Not sure"; then "change my answers" once one is given. */
export function questionsKeyboard(open: OpenQuestions): InlineKeyboard {
  const m = botMessages[open.lang];
  const labels = m.answerLabels;
  const keyboard = new InlineKeyboard();
  open.items.forEach((q, i) => {
    if (open.answers[q.id]) return;
    keyboard
      .text(`${i + 1} · ${labels.yes}`, `q:${i}:y`)
      .text(`${i + 1} · ${labels.no}`, `q:${i}:n`)
      .text(`${i + 1} · ${labels.unknown}`, `q:${i}:u`)
      .row();
  });
  if (answeredHere(open)) keyboard.text(m.changeAnswers, CHANGE_ANSWERS);
  return keyboard;
}
