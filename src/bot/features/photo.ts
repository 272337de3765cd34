/**
 * Photo intake: a photo (or a JPEG/PNG/WebP sent as a file) with a caption is assessed at once; without
 * words it is scored at once and what the model said waits for the words (quick-reply buttons, or skip),
 * so the photo itself is never kept; an album's first photo is taken, and we say so.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { answerPhoto, assessAndReply, megapixels, scoreTelegramPhoto } from "../answer";
import type { BotContext, PhotoRef } from "../context";
import { ALBUM_TTL_SECONDS, albumKey, claimOnce } from "../dedupe";
import { langOf } from "../language";
import { botMessages } from "../messages";
import { largestPhoto } from "../telegram-files";

export const photo = new Composer<BotContext>();

const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

photo.on("message:photo", async (ctx) => {
  const { config } = ctx.deps;
  const size = largestPhoto(ctx.message.photo, {
    maxBytes: config.maxDownloadBytes,
    maxPixels: config.maxPixels,
  });
  if (!size) {
    // Say which limit it was: a size within the bytes means every size was over the pixels.
    const withinBytes = ctx.message.photo.some(
      (s) => s.file_size === undefined || s.file_size <= config.maxDownloadBytes,
    );
    const limit =
      withinBytes && config.maxPixels !== undefined
        ? { maxMegapixels: megapixels(config.maxPixels) }
        : { maxMb: Math.floor(config.maxDownloadBytes / 1_000_000) };
    await ctx.reply(botMessages[langOf(ctx)].photoOverLimits(limit));
    return;
  }
  await takePhoto(ctx, ctx.message, { fileId: size.file_id, fileSize: size.file_size });
});

photo.on("message:document", async (ctx, next) => {
  const doc = ctx.message.document;
  if (!IMAGE_TYPES.has(doc.mime_type ?? "")) return next();
  const { maxDownloadBytes } = ctx.deps.config;
  if (doc.file_size !== undefined && doc.file_size > maxDownloadBytes) {
    await ctx.reply(botMessages[langOf(ctx)].photoTooLarge(Math.floor(maxDownloadBytes / 1_000_000)));
    return;
  }
  await takePhoto(ctx, ctx.message, { fileId: doc.file_id, fileSize: doc.file_size });
});

/** "w:<index>" is a quick reply, "w:skip" assesses the waiting photo without words. */
photo.callbackQuery(/^w:(\d+|skip)$/, async (ctx) => {
  const m = botMessages[langOf(ctx)];
  const pending = ctx.session.pendingImage;
  if (!pending) {
    await ctx.answerCallbackQuery({ text: m.expired });
    return;
  }
  await ctx.answerCallbackQuery();
  // The buttons have done their job: remove them so they cannot be pressed twice.
  await ctx.editMessageReplyMarkup().catch(() => {});
  const words = ctx.match[1] === "skip" ? undefined : m.quickWords[Number(ctx.match[1])]?.words;
  ctx.session.pendingImage = undefined;
  await assessAndReply(ctx, { image: pending, words });
});

async function takePhoto(ctx: BotContext, message: Message, ref: PhotoRef): Promise<void> {
  const m = botMessages[langOf(ctx)];
  if (message.media_group_id) {
    // Each photo of an album is its own update: the first one claimed is assessed, the rest are not.
    const first = await claimOnce(
      ctx.deps.kv,
      albumKey(message.chat.id, message.media_group_id),
      ALBUM_TTL_SECONDS,
    );
    if (!first) return;
    await ctx.reply(m.albumFirstOnly);
  }
  const caption = message.caption?.trim();
  const words = [ctx.session.pendingWords, caption].filter(Boolean).join("\n") || undefined;
  ctx.session.pendingImage = undefined;
  if (words) {
    ctx.session.pendingWords = undefined;
    await answerPhoto(ctx, ref, words);
    return;
  }
  const image = await scoreTelegramPhoto(ctx, ref);
  if (!image) return;
  ctx.session.pendingImage = image;
  const keyboard = new InlineKeyboard();
  m.quickWords.forEach((q, i) => {
    keyboard.text(q.label, `w:${i}`);
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(m.skip, "w:skip");
  await ctx.reply(m.askForWords, { reply_markup: keyboard });
}
