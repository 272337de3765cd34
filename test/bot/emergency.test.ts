import { describe, expect, it } from "vitest";
import { botMessages } from "../../src/bot/messages";
import { Chat, callsForFile, photoSizes, putFile } from "./support";

/** Words that are an emergency get the emergency advice at once, with no photo and no "send a photo". */
describe("an emergency in words alone", () => {
  it.each([
    ["en", "my baby has purple spots that don't fade and a fever", /emergency number/],
    ["en", "my lips and tongue are swelling and I can't breathe", /emergency number/],
    ["zh", "我的宝宝身上有按压不褪色的紫色斑点，还发烧", /120/],
    ["zh", "嘴唇和舌头肿了，喘不上气", /120/],
  ])("%s: %s", async (lang, words, number) => {
    const chat = new Chat({ languageCode: lang === "zh" ? "zh-hans" : "en" });
    await chat.send(words);
    const [emergency, details, after, ...rest] = await chat.sent();
    expect(rest).toEqual([]);
    // First and alone: the level and what to do now.
    expect(emergency.split("\n")[0]).toMatch(/^🚨 <b>.+<\/b>$/);
    expect(emergency).toMatch(number);
    expect(emergency).not.toContain(botMessages[lang as "en" | "zh"].headings.advice);
    expect(details).toContain("<i>");
    expect(after).toBe(botMessages[lang as "en" | "zh"].photoAfterEmergency);
    expect(await chat.sent()).not.toContain(botMessages[lang as "en" | "zh"].askForPhoto);
  });

  it("with a photo, an emergency caption is answered from the words, without waiting for the photo", async () => {
    const chat = new Chat();
    const fileId = await putFile(new Uint8Array([0xff, 0xd8, 0xff]));
    await chat.sendPhoto(photoSizes([fileId], [800]), "my lips and tongue are swelling and I can't breathe");
    const [emergency] = await chat.sent();
    expect(emergency.split("\n")[0]).toMatch(/^🚨 /);
    expect(emergency).toMatch(/emergency number/);
    expect(await callsForFile(fileId)).toEqual([]);
  });

  it("words without an emergency wait for the photo", async () => {
    const chat = new Chat();
    await chat.send("a small itchy spot on my arm");
    expect(await chat.sent()).toEqual([botMessages.en.askForPhoto]);
  });
});
