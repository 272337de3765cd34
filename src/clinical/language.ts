/** Which language to answer in. */
import type { Lang } from "./types";

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /\p{Script=Latin}{2,}/u;

/**
 * `lang` when given; else the patient's text (any Chinese character -> zh, else English words -> en);
 * else the client's locale (the first "zh..." or "en..." tag of e.g. "zh-CN" or "fr-FR,zh;q=0.8");
 * else en. The text wins over the locale: a patient who writes English on a Chinese phone reads English.
 */
export function chooseLanguage(input: { lang?: Lang; text?: string; locale?: string }): Lang {
  if (input.lang) return input.lang;
  const text = input.text ?? "";
  if (HAN.test(text)) return "zh";
  if (LATIN_WORD.test(text)) return "en";
  for (const tag of (input.locale ?? "").split(",")) {
    const primary = tag.trim().toLowerCase().split(/[-_;]/)[0];
    if (primary === "zh" || primary === "en") return primary;
  }
  return "en";
}
