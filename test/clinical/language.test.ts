import { describe, expect, it } from "vitest";
import { chooseLanguage, type Lang } from "../../src/clinical";

type Case = [input: Parameters<typeof chooseLanguage>[0], expected: Lang, why: string];

describe("chooseLanguage", () => {
  it.each<Case>([
    [{ lang: "en", text: "这个痣最近变大了" }, "en", "an explicit lang wins over the text"],
    [{ lang: "zh", text: "it itches" }, "zh", "an explicit lang wins over the text"],
    [{ text: "这个痣最近变大了", locale: "en-US" }, "zh", "Chinese characters in the text"],
    [{ text: "mole 变大了" }, "zh", "any Chinese character"],
    [{ text: "it itches and keeps spreading", locale: "zh-CN" }, "en", "English words beat the locale"],
    [{ text: "", locale: "zh-CN" }, "zh", "no text: the locale"],
    [{ text: "😟 ??", locale: "zh_TW" }, "zh", "no words: the locale"],
    [{ locale: "fr-FR,zh;q=0.8,en;q=0.5" }, "zh", "the first supported tag of an Accept-Language"],
    [{ locale: "de-DE" }, "en", "an unsupported locale"],
    [{}, "en", "nothing at all"],
  ])("%j -> %s (%s)", (input, expected) => {
    expect(chooseLanguage(input)).toBe(expected);
  });
});
