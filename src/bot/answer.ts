/**
 * From what the patient sent to the answer in the chat: fetch the photo, call the service (assessPhoto, or
 * assessWords for words alone), send the rendered assessment, then ask the red-flag questions. Known
 * failures (download, unreadable image, model unavailable) get their own apology; anything else is thrown
 * to the webhook's error boundary, which apologises too.
 */
import { type Assessment, ImageNotAssessableError, type Lang } from "../clinical";
import { ImageError } from "../image/types";
import { MemoryBusyError } from "../lib/memory-budget";
import { ModelUnavailableError } from "../model/package/load";
import { assessPhoto } from "../service/assess-photo";
import { assessWords } from "../service/assess-words";
import { checklistItems, sendChecklist } from "./checklist";
import type { BotContext, Inquiry } from "./context";
import { langOf } from "./language";
import { botMessages } from "./messages";
import { askQuestions } from "./questions";
import { renderAssessment } from "./render";
import { DownloadError, downloadFile } from "./telegram-files";

/** The patient's chosen language wins; else their words decide, then Telegram's language_code. */
function languageHints(ctx: BotContext): { lang?: Lang; locale?: string } {
  return { lang: ctx.session.lang, locale: ctx.from?.language_code };
}

/** Assesses the inquiry; null when it failed and the patient has been told why. */
export async function assessInquiry(ctx: BotContext, inquiry: Inquiry): Promise<Assessment | null> {
  const { photo, words, answers } = inquiry;
  if (!photo) return assessWords({ text: words ?? "", ...languageHints(ctx), answers });
  // A courtesy, not waited for: a hung or failing chat action must neither stop nor delay the answer
  // (its tries and backoffs could outlast the 30 s the update has in waitUntil).
  void ctx.replyWithChatAction("typing").catch(() => {});
  try {
    const image = await downloadFile(ctx.api, ctx.deps.config, photo.fileId);
    const engine = await ctx.deps.engine();
    const result = await assessPhoto(
      engine,
      { image, text: words, ...languageHints(ctx), answers },
      { maxPixels: ctx.deps.config.maxPixels },
    );
    ctx.deps.log({ event: "assessed", status: result.assessment.status, ms: result.timings.totalMs });
    return result.assessment;
  } catch (err) {
    const reply = failureReply(err, langOf(ctx), ctx.deps.config.maxDownloadBytes);
    if (!reply) throw err;
    ctx.deps.log({ event: "assessment_failed", errorType: errorType(err) });
    await ctx.reply(reply);
    return null;
  }
}

/**
 * Assesses and answers. Words that are an emergency on their own are answered from the words at once: the
 * photo cannot lower the level, only delay the advice. Otherwise, while the core checklist is open, it is asked
 * first (checklist.ts) and the answer follows it; then the follow-up and red-flag questions.
 */
export async function assessAndReply(ctx: BotContext, inquiry: Inquiry): Promise<void> {
  if (inquiry.photo && inquiry.words) {
    const fromWords = assessWords({ text: inquiry.words, ...languageHints(ctx), answers: inquiry.answers });
    if (fromWords.triage?.level === "emergency") {
      ctx.deps.log({ event: "words_emergency" });
      await sendAssessment(ctx, fromWords);
      return;
    }
  }
  const assessment = await assessInquiry(ctx, inquiry);
  if (!assessment) return;
  const checkable = assessment.status !== "poor_photo" && assessment.status !== "not_skin";
  const askFirst = checkable && assessment.triage.level !== "emergency";
  // With KV down the ticks could not be kept: answer now, with the unchecked warning signs under it.
  if (askFirst && !ctx.session.kvDown && (await sendChecklist(ctx, assessment, inquiry))) return;
  await sendAssessment(ctx, assessment);
  const unchecked = askFirst ? checklistItems(assessment).map((i) => i.text) : [];
  if (unchecked.length > 0) await ctx.reply(botMessages[assessment.lang].uncheckedSigns(unchecked));
  // A photo that could not be used: keep the words, so the retake is assessed with them.
  if ((assessment.status === "poor_photo" || assessment.status === "not_skin") && inquiry.words) {
    ctx.session.pendingWords = inquiry.words;
  }
  await askQuestions(ctx, assessment, inquiry);
}

export async function sendAssessment(ctx: BotContext, assessment: Assessment): Promise<void> {
  for (const html of renderAssessment(assessment)) {
    await ctx.reply(html, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  }
}

function failureReply(err: unknown, lang: Lang, maxBytes: number): string | null {
  const m = botMessages[lang];
  const maxMb = Math.floor(maxBytes / 1_000_000);
  if (err instanceof DownloadError)
    return err.code === "too_large" ? m.photoTooLarge(maxMb) : m.downloadFailed;
  if (err instanceof ImageError) {
    switch (err.code) {
      case "image_too_large":
        return m.photoTooLarge(maxMb);
      // A photo that is damaged or cut short: sending it again is the fix, not another format.
      case "corrupt_image":
      case "empty_image":
        return m.damagedImage;
      case "unsupported_format":
        return m.unsupportedImage;
    }
  }
  if (err instanceof ModelUnavailableError) return m.modelUnavailable;
  // Too many photos are being decoded in this isolate at once.
  if (err instanceof MemoryBusyError) return m.busy;
  // The image decodes but is too degenerate for the quality checks (e.g. 1x1): a retake is the answer.
  if (err instanceof ImageNotAssessableError) return m.retake;
  return null;
}

/** For logs: the error's class and code, never its message (which could quote input). */
export function errorType(err: unknown): string {
  if (err instanceof DownloadError || err instanceof ImageError || err instanceof ModelUnavailableError) {
    return `${err.name}:${err.code}`;
  }
  return err instanceof Error ? err.name : typeof err;
}
