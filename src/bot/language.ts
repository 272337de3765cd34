/** Which language the bot speaks in a chat. */
import type { Lang } from "../clinical";
import type { BotContext } from "./context";

/** Telegram's language_code (an IETF tag such as "zh-hans" or "en"): any "zh..." is Chinese. */
export function langFromCode(code: string | undefined): Lang {
  return code?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The chosen language, else Telegram's language_code, else English. */
export function langOf(ctx: BotContext): Lang {
  // Without a chat there is no session: Telegram's code alone decides.
  const chosen = ctx.session?.lang;
  return chosen ?? langFromCode(ctx.from?.language_code);
}
