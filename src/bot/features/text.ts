/** The patient's words, typed: answered by answerWords (answer.ts), which takes words from any source. */
import { Composer } from "grammy";
import { answerWords } from "../answer";
import type { BotContext } from "../context";

export const text = new Composer<BotContext>();

text.on("message:text", async (ctx, next) => {
  const words = ctx.message.text.trim();
  // An unknown command: fallbacks answers with the help.
  if (words.startsWith("/")) return next();
  await answerWords(ctx, words);
});
