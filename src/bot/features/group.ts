/**
 * Group chats: photos of skin do not belong there. The bot answers commands (with a pointer to a private
 * chat) and ignores everything else, so it never reads members' messages.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context";
import { langOf } from "../language";
import { botMessages } from "../messages";

export const group = new Composer<BotContext>();

const groups = group.chatType(["group", "supergroup", "channel"]);

groups.on("message:entities:bot_command", async (ctx) => {
  if (ctx.entities("bot_command").some((c) => forUs(c.text, ctx.me.username))) {
    await ctx.reply(botMessages[langOf(ctx)].groupChat(ctx.me.username));
  }
});
groups.on("callback_query", (ctx) => ctx.answerCallbackQuery());
// Everything else in a group stops here: the features below are for private chats.
groups.use(() => {});

/** `/start` or `/start@our_bot`; `/start@other_bot` is another bot's. */
function forUs(command: string, username: string): boolean {
  const at = command.indexOf("@");
  return at < 0 || command.slice(at + 1).toLowerCase() === username.toLowerCase();
}
