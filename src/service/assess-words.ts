import { type Answers, type Assessment, assessWords as assessWordsOnly, type Lang } from "../clinical";
import { type Heard, joinWords, neverLowered } from "./hear";

export interface WordsRequest {
  /** The patient's words. Never stored or logged. */
  text: string;
  lang?: Lang;
  /** The client's locale (e.g. Accept-Language or Telegram's language_code). */
  locale?: string;
  /** Answers to red-flag questions an earlier assessment asked. */
  answers?: Answers;
  /** What a voice note said: read with `text`; when doubtful it may raise the level, never lower it. */
  heard?: Heard;
}

/**
 * Words without a photo -> an assessment (status "no_photo"): the triage, red-flag questions and advice from
 * the words and answers alone. Synchronous and needs no model, so a patient who cannot send a photo is still
 * heard, and the bot can triage the words while the photo is being assessed.
 */
export function assessWords(request: WordsRequest): Assessment {
  const { heard, ...typed } = request;
  if (!heard) return assessWordsOnly(typed);
  const withHeard = assessWordsOnly({ ...typed, text: joinWords(typed.text, heard.text) });
  return neverLowered(withHeard, heard, () => assessWordsOnly(typed));
}
