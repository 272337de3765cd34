import { describe, expect, it } from "vitest";
import { botMessages } from "../../src/bot/messages";
import { Chat, deliver } from "./support";

const en = botMessages.en;
const zh = botMessages.zh;

describe("commands", () => {
  it("/start greets in English, with the emergency number and the commands", async () => {
    const chat = new Chat({ languageCode: "en" });
    await chat.send("/start");
    const [greeting] = await chat.sent();
    expect(greeting).toBe(en.start);
    expect(greeting).toContain("112/911/999");
    expect(greeting).toContain("not a diagnosis");
  });

  it("speaks Chinese to a zh language_code, and a deep link chooses the language", async () => {
    const chinese = new Chat({ languageCode: "zh-hans" });
    await chinese.send("/start");
    expect(await chinese.sent()).toEqual([zh.start]);
    expect(zh.start).toContain("120");

    const linked = new Chat({ languageCode: "en" });
    await linked.send("/start zh");
    await linked.send("/help");
    expect(await linked.sent()).toEqual([zh.start, zh.help]);
  });

  it("/help and /privacy", async () => {
    const chat = new Chat();
    await chat.send("/help");
    await chat.send("/privacy");
    const [help, privacy] = await chat.sent();
    expect(help).toBe(en.help);
    expect(privacy).toBe(en.privacy);
    expect(privacy).toMatch(/30 minutes/);
    expect(privacy).toMatch(/Photos are never stored/);
  });

  it("/language offers English and 中文; the choice is kept and used", async () => {
    const chat = new Chat({ languageCode: "en" });
    await chat.send("/language");
    const { messageId, buttons } = await chat.lastKeyboard();
    expect(buttons).toEqual([
      { text: "English", data: "lang:en" },
      { text: "中文", data: "lang:zh" },
    ]);
    await chat.press("lang:zh", messageId);
    const calls = await chat.calls();
    expect(calls).toContainEqual(expect.objectContaining({ method: "answerCallbackQuery" }));
    expect(calls).toContainEqual(
      expect.objectContaining({
        method: "editMessageText",
        payload: expect.objectContaining({ message_id: messageId, text: zh.languageSet }),
      }),
    );
    await chat.send("/privacy");
    expect((await chat.sent()).at(-1)).toBe(zh.privacy);
    expect(JSON.parse((await chat.session()) ?? "{}")).toEqual({ lang: "zh" });
  });

  it("/forget deletes everything kept for the chat, then confirms", async () => {
    const chat = new Chat();
    await chat.send("/start zh");
    await chat.send("it itches");
    const before = await chat.stored();
    expect(JSON.parse(before?.session ?? "{}")).toMatchObject({ lang: "zh" });
    // Kept with an expiry of at most 30 minutes, and an alarm that deletes it then.
    expect(before?.expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 60 * 1000);
    expect(before?.alarm).toBe(before?.expiresAt);
    await chat.send("/forget");
    expect((await chat.sent()).at(-1)).toBe(zh.forgotten);
    expect(await chat.stored()).toBeNull();
    // Forgotten means the language too: Telegram's language_code (none here: English) decides again.
    await chat.send("/help");
    expect((await chat.sent()).at(-1)).toBe(en.help);
  });

  it("/cancel drops what was waiting", async () => {
    const chat = new Chat();
    await chat.send("/cancel");
    await chat.send("it itches");
    await chat.send("/cancel");
    expect((await chat.sent()).slice(-3)).toEqual([en.nothingToCancel, en.askForPhoto, en.cancelled]);
    expect(JSON.parse((await chat.session()) ?? "{}")).toEqual({});
  });

  it("an unknown command gets the help", async () => {
    const chat = new Chat();
    await chat.send("/diagnose");
    expect(await chat.sent()).toEqual([en.help]);
  });

  it("in a group it answers commands only, pointing to a private chat, and keeps nothing", async () => {
    const chat = new Chat({ type: "group" });
    await chat.send("/start@dermedge_test_bot");
    await chat.send("my rash is itchy");
    await deliver(chat.update({ photo: [{ file_id: "x", file_unique_id: "ux", width: 90, height: 90 }] }));
    await chat.send("/language");
    expect(await chat.sent()).toEqual([en.groupChat("dermedge_test_bot"), en.groupChat("dermedge_test_bot")]);
    expect((await chat.calls()).map((c) => c.method)).toEqual(["sendMessage", "sendMessage"]);
    expect(await chat.stored()).toBeNull();
  });

  it("in a group, a command for another bot is not ours to answer", async () => {
    const chat = new Chat({ type: "supergroup" });
    await chat.send("/start@other_bot");
    await chat.send("/help@Other_Bot please");
    expect(await chat.calls()).toEqual([]);
    // Our own name in any case is ours.
    await chat.send("/help@DermEdge_Test_Bot");
    expect(await chat.sent()).toEqual([en.groupChat("dermedge_test_bot")]);
  });

  it("nothing is kept for a chat that never needs it: a forged button, /help", async () => {
    const chat = new Chat();
    await chat.press("q:0:y", 4242);
    await chat.press("c:done", 4242);
    await chat.send("/help");
    expect((await chat.calls()).filter((c) => c.method === "answerCallbackQuery")).toHaveLength(2);
    expect(await chat.stored()).toBeNull();
  });
});
