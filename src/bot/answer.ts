/**
 * From what the patient sent to the answer in the chat. A photo is fetched and scored once (the vision step,
 * service/assess-photo.ts scorePhoto); what the model said is kept in the session, and every later answer or
 * word is assessed from it by the clinical step alone (service/assess-scores.ts), never from the photo again.
 * Known failures (download, unreadable image, model unavailable) get their own apology; anything else is
 * thrown to the webhook's error boundary, which apologises too.
 */
import { type Assessment, ImageNotAssessableError, type Lang } from "../clinical";
import { ImageError } from "../image/types";
import { freeNow } from "../lib/bytes";
import { MemoryBusyError } from "../lib/memory-budget";
import { ModelUnavailableError } from "../model/package/load";
import { scorePhoto } from "../service/assess-photo";
import { assessScores, type ImageScores, StaleScoresError } from "../service/assess-scores";
import { assessWords } from "../service/assess-words";
import { checklistItems, sendChecklist } from "./checklist";
import type { BotContext, Inquiry, PhotoRef } from "./context";
import { langOf } from "./language";
import { botMessages } from "./messages";
import { askQuestions } from "./questions";
import { renderAssessment } from "./render";
import { DownloadError, downloadFile } from "./telegram-files";

/** The patient's chosen language wins; else their words decide, then Telegram's language_code. */
function languageHints(ctx: BotContext): { lang?: Lang; locale?: string } {
  return { lang: ctx.session.lang, locale: ctx.from?.language_code };
}

/** The vision step for a Telegram photo: what the model says about it; null when it failed and the patient was told. */
export async function scoreTelegramPhoto(ctx: BotContext, photo: PhotoRef): Promise<ImageScores | null> {
  // A courtesy, not waited for: a hung or failing chat action must neither stop nor delay the answer
  // (its tries and backoffs could outlast the 30 s the update has in waitUntil).
  void ctx.replyWithChatAction("typing").catch(() => {});
  // The model's warm-up overlaps the download (ClipEngine.warm). The update waits for it before it ends,
  // so that I/O it began is never stranded by the update's end (a later update may wait on it).
  const warming = ctx.deps
    .engine()
    .then((engine) => engine.warm({ photo: true }))
    .catch(() => undefined); // the engine's own failure is the photo's to report
  try {
    const image = await downloadFile(ctx.api, ctx.deps.config, photo.fileId);
    const engine = await ctx.deps.engine();
    // The photo is freed once scored, as the API route frees its own (a dead copy counts until collected).
    const scored = await scorePhoto(engine, { image }, { maxPixels: ctx.deps.config.maxPixels }).finally(() =>
      freeNow(image),
    );
    ctx.deps.log({ event: "scored", ms: scored.timings.totalMs });
    return scored.image;
  } catch (err) {
    const reply = failureReply(err, langOf(ctx), ctx.deps.config.maxDownloadBytes);
    if (!reply) throw err;
    ctx.deps.log({ event: "assessment_failed", errorType: errorType(err) });
    await ctx.reply(reply);
    return null;
  } finally {
    await warming;
  }
}

/** The clinical step: the inquiry's scores (if any), words and answers -> an assessment; null when told why not. */
export async function assessInquiry(ctx: BotContext, inquiry: Inquiry): Promise<Assessment | null> {
  const { image, words, answers } = inquiry;
  const request = { text: words ?? "", ...languageHints(ctx), answers };
  if (!image) return assessWords(request);
  try {
    const assessment = assessScores(image, request);
    ctx.deps.log({ event: "assessed", status: assessment.status });
    return assessment;
  } catch (err) {
    // Kept across a deploy that changed the catalogue: the photo must be sent again.
    if (!(err instanceof StaleScoresError)) throw err;
    ctx.deps.log({ event: "assessment_failed", errorType: err.name });
    await ctx.reply(botMessages[langOf(ctx)].expired);
    return null;
  }
}

/**
 * A photo, with the words given so far. Words that are an emergency on their own are answered from the
 * words at once: the photo cannot lower the level, only delay the advice. Otherwise the photo is scored.
 */
export async function answerPhoto(ctx: BotContext, photo: PhotoRef, words: string): Promise<void> {
  const fromWords = assessWords({ text: words, ...languageHints(ctx) });
  if (fromWords.triage?.level === "emergency") {
    ctx.deps.log({ event: "words_emergency" });
    await sendAssessment(ctx, fromWords);
    return;
  }
  const image = await scoreTelegramPhoto(ctx, photo);
  if (image) await assessAndReply(ctx, { image, words });
}

/** The API takes at most 1000 characters of words; so does the bot (Telegram allows 4096). */
const MAX_WORDS = 1000;

/**
 * The patient's words, from whatever gave them (a message; a voice note's transcript). With a scored photo
 * waiting, they complete it and it is assessed (the clinical step alone). Words first: an emergency in them
 * is answered at once, photo or not; otherwise they wait for the photo.
 */
export async function answerWords(ctx: BotContext, words: string): Promise<void> {
  const pending = ctx.session.pendingImage;
  if (pending) {
    ctx.session.pendingImage = undefined;
    await assessAndReply(ctx, { image: pending, words: words.slice(0, MAX_WORDS) });
    return;
  }
  const all = [ctx.session.pendingWords, words].filter(Boolean).join("\n").slice(-MAX_WORDS);
  const assessment = assessWords({ text: all, ...languageHints(ctx) });
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

/**
 * Assesses and answers. While the core checklist is open, it is asked first (checklist.ts) and the answer
 * follows it; then the follow-up and red-flag questions.
 */
export async function assessAndReply(ctx: BotContext, inquiry: Inquiry): Promise<void> {
  const assessment = await assessInquiry(ctx, inquiry);
  if (!assessment) return;
  const checkable = assessment.status !== "poor_photo" && assessment.status !== "not_skin";
  const askFirst = checkable && assessment.triage.level !== "emergency";
  // With the chat's state down the ticks could not be kept: answer now, with the unchecked warning signs under it.
  if (askFirst && !ctx.session.stateDown && (await sendChecklist(ctx, assessment, inquiry))) return;
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

function failureReply(err: unknown, lang: Lang, maxDownloadBytes: number): string | null {
  const m = botMessages[lang];
  const maxMb = Math.floor(maxDownloadBytes / 1_000_000);
  if (err instanceof DownloadError)
    return err.code === "too_large" ? m.photoTooLarge(maxMb) : m.downloadFailed;
  if (err instanceof ImageError) {
    switch (err.code) {
      // Decoding refuses it by its pixel count (from the header), not its bytes: say so, with the limit.
      case "image_too_large":
        return m.tooManyPixels(err.maxPixels === undefined ? undefined : megapixels(err.maxPixels));
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

/** "50" for 50,000,000 pixels; one decimal below 10 MP. */
export const megapixels = (pixels: number) => {
  const mp = pixels / 1_000_000;
  return mp >= 10 ? String(Math.floor(mp)) : String(Math.floor(mp * 10) / 10);
};

/** For logs: the error's class and code, never its message (which could quote input). */
export function errorType(err: unknown): string {
  if (err instanceof DownloadError || err instanceof ImageError || err instanceof ModelUnavailableError) {
    return `${err.name}:${err.code}`;
  }
  return err instanceof Error ? err.name : typeof err;
}
