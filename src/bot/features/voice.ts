/**
 * Voice notes (and audio sent as `audio` or as a file) are the patient's words: the speech Worker hears
 * them, the bot says what it heard ("🎤 I heard: …") so the patient can correct it by typing, then the
 * words take the typed words' path (text.ts: an emergency is answered at once, a waiting photo is
 * assessed). A doubtful transcript is never acted on: the patient is asked to type instead. Neither the
 * audio nor the transcript is logged or kept beyond the words the typed path keeps.
 */
import { Composer } from "grammy";
import type { Lang } from "../../clinical";
import { ModelUnavailableError } from "../../model/package/errors";
import { hear, VoiceError } from "../../service/hear";
import { answerWords } from "../answer";
import type { BotContext } from "../context";
import { langOf } from "../language";
import { DownloadError, downloadFile } from "../telegram-files";

export const voice = new Composer<BotContext>();

const AUDIO_FILE = /\.(ogg|oga|opus|wav|mp3)$/i;

const messages: Record<
  Lang,
  {
    heard: (text: string) => string;
    unclear: string;
    tooLong: (seconds: number) => string;
    unsupported: string;
    unreadable: string;
    empty: string;
    tooLarge: string;
    unavailable: string;
  }
> = {
  en: {
    heard: (text) => `🎤 I heard: “${text}”\nIf that is not what you said, type the words instead.`,
    unclear:
      "🎤 I could not hear that clearly. Please type what is wrong instead (for example: “itchy red rash for 3 days”).",
    tooLong: (seconds) =>
      `🎤 That voice note is longer than ${seconds} seconds, more than I can listen to. Please send a shorter one, or type the words.`,
    unsupported: "🎤 I can't play that kind of audio. Please send a voice note, or type the words.",
    unreadable: "🎤 I could not open that recording. Please send it again, or type the words.",
    empty: "🎤 That voice note seems to be empty. Please try again, or type the words.",
    tooLarge: "🎤 That recording is too large for me. Please send a shorter voice note, or type the words.",
    unavailable: "🎤 I can't listen to voice notes right now. Please type the words instead.",
  },
  zh: {
    heard: (text) => `🎤 我听到的是：“${text}”\n如果不对，请直接打字告诉我。`,
    unclear: "🎤 我没能听清楚。请直接打字告诉我哪里不舒服（例如：“起红疹，很痒，三天了”）。",
    tooLong: (seconds) =>
      `🎤 这段语音超过了 ${seconds} 秒，我听不了这么长。请发一段短一些的语音，或者直接打字。`,
    unsupported: "🎤 我无法播放这种音频。请发一条语音消息，或者直接打字。",
    unreadable: "🎤 这段录音打不开。请重新发送，或者直接打字。",
    empty: "🎤 这条语音好像是空的。请再录一次，或者直接打字。",
    tooLarge: "🎤 这段录音太大了。请发一段短一些的语音，或者直接打字。",
    unavailable: "🎤 我现在暂时无法听语音。请直接打字告诉我。",
  },
};

voice.on(["message:voice", "message:audio"], (ctx) => {
  const file = ctx.message.voice ?? ctx.message.audio;
  return file ? hearNote(ctx, file) : undefined;
});

voice.on("message:document", (ctx, next) => {
  const doc = ctx.message.document;
  const audio = doc.mime_type?.startsWith("audio/") || AUDIO_FILE.test(doc.file_name ?? "");
  return audio ? hearNote(ctx, doc) : next();
});

async function hearNote(ctx: BotContext, file: { file_id: string; file_size?: number }): Promise<void> {
  const { config, log } = ctx.deps;
  const m = messages[langOf(ctx)];
  if (file.file_size !== undefined && file.file_size > config.maxDownloadBytes) {
    await ctx.reply(m.tooLarge);
    return;
  }
  const started = Date.now();
  let heard: Awaited<ReturnType<typeof hear>>;
  try {
    const audio = await downloadFile(ctx.api, config, file.file_id);
    // The chat's language when the patient chose one; otherwise Whisper tells English from Chinese.
    heard = await hear(ctx.deps.speech, audio, ctx.session.lang);
  } catch (error) {
    const reply = problemReply(error, m);
    if (!reply) throw error;
    log({ event: "voice_refused", reason: reply.reason });
    await ctx.reply(reply.text);
    return;
  }
  log({ event: "voice", ms: Date.now() - started, lowConfidence: heard.lowConfidence });
  const say = messages[ctx.session.lang ?? heard.language];
  if (heard.lowConfidence) {
    await ctx.reply(say.unclear);
    return;
  }
  await ctx.reply(say.heard(heard.text));
  const caption = ctx.message?.caption?.trim();
  await answerWords(ctx, [caption, heard.text].filter(Boolean).join("\n"));
}

/** What to tell the patient about audio that could not be heard; null for a fault that is ours (rethrown). */
function problemReply(error: unknown, m: (typeof messages)[Lang]): { text: string; reason: string } | null {
  if (error instanceof VoiceError) {
    const text = {
      too_long: m.tooLong(error.maxSeconds),
      unsupported_format: m.unsupported,
      corrupt: m.unreadable,
      empty: m.empty,
    }[error.code];
    return { text, reason: error.code };
  }
  if (error instanceof DownloadError) {
    return { text: error.code === "too_large" ? m.tooLarge : m.unreadable, reason: `download_${error.code}` };
  }
  if (error instanceof ModelUnavailableError) return { text: m.unavailable, reason: error.code };
  return null;
}
