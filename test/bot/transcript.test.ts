/**
 * Two whole conversations, one in each language, as the bot sends them: printed (the README's and the
 * issue's sample transcripts come from here) and checked for their shape.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { botMessages } from "../../src/bot/messages";
import { fixture, installModel } from "../routes/support";
import { Chat, photoSizes, putFile } from "./support";

/** The conversation so far as text: the patient's side as given, the bot's messages as sent (HTML). */
class Transcript {
  private lines: string[] = [];
  private seen = 0;
  constructor(private readonly chat: Chat) {}

  async patient(said: string, act: () => Promise<unknown>): Promise<void> {
    this.lines.push(`patient: ${said}`);
    await act();
    const calls = (await this.chat.calls()).slice(this.seen);
    this.seen += calls.length;
    for (const c of calls) {
      if (c.errorCode !== undefined) continue;
      const buttons = c.payload.reply_markup?.inline_keyboard?.map((row) =>
        row.map((b) => `[${b.text}]`).join(" "),
      );
      if (c.method === "sendMessage") this.lines.push(`bot: ${c.payload.text}`, ...(buttons ?? []));
      if (c.method === "editMessageText")
        this.lines.push(`bot (edits its message): ${c.payload.text}`, ...(buttons ?? []));
      if (c.method === "sendChatAction") this.lines.push(`bot: (${c.payload.action}…)`);
    }
  }

  toString(): string {
    return this.lines.join("\n");
  }
}

describe("sample conversations", () => {
  let photo: Uint8Array;
  beforeAll(async () => {
    await installModel();
    photo = await fixture("photo");
  });

  async function sendPhoto(chat: Chat, caption?: string) {
    const fileId = await putFile(photo);
    return chat.sendPhoto(photoSizes([fileId], [400]), caption);
  }

  /** Answers the red-flag questions one by one: "yes" to a fever question if one is left, "no" to the others. */
  async function answerQuestions(chat: Chat, t: Transcript, lang: "en" | "zh") {
    const labels = botMessages[lang].answerLabels;
    let keyboard = await chat.lastKeyboard().catch(() => null);
    const asked = (await chat.sent()).find((m) => m.includes(botMessages[lang].headings.questions)) ?? "";
    const feverLine = asked.split("\n").find((l) => /fever|发烧/.test(l)) ?? "";
    const fever = Number(feverLine.split(".")[0]) - 1;
    while (keyboard) {
      const first = keyboard.buttons.find((b) => /^q:\d+:/.test(b.data));
      if (!first) return;
      const index = Number(first.data.split(":")[1]);
      const yes = index === fever;
      await t.patient(`(taps "${index + 1} · ${yes ? labels.yes : labels.no}")`, () =>
        chat.press(`q:${index}:${yes ? "y" : "n"}`, keyboard?.messageId ?? 0),
      );
      // The question message is edited in place; once everything is answered only "change my answers" is left.
      const edit = (await chat.calls()).filter((c) => c.method === "editMessageText").at(-1);
      const rows = edit?.payload.reply_markup?.inline_keyboard;
      keyboard = rows?.length
        ? {
            messageId: keyboard.messageId,
            buttons: rows.flat().map((b) => ({ text: b.text, data: b.callback_data })),
          }
        : null;
    }
  }

  it("English: words first, then the photo, then the questions (a fever raises the level)", async () => {
    const chat = new Chat({ languageCode: "en" });
    const t = new Transcript(chat);
    await t.patient("/start", () => chat.send("/start"));
    await t.patient("I have a painful red swollen area on my leg, for 2 days now", () =>
      chat.send("I have a painful red swollen area on my leg, for 2 days now"),
    );
    await t.patient("(sends a photo)", () => sendPhoto(chat));
    await t.patient('(ticks "Fever or shivering", then "Done")', () => chat.answerChecklist([/Fever/]));
    await answerQuestions(chat, t, "en");
    console.log(`--- sample conversation (en) ---\n${t}\n---`);
    const text = t.toString();
    expect(text).toContain(botMessages.en.askForPhoto);
    // The core checklist comes before the answer, and the fever ticked there is in the answer's level.
    expect(text.indexOf(botMessages.en.headings.checklist)).toBeLessThan(
      text.indexOf("<b>Closest matches</b>"),
    );
    expect(text).toContain("You ticked: Fever or shivering");
    expect(text).toMatch(/bot: 🟠 <b>See a doctor today<\/b>/);
    expect(text).toContain("not a diagnosis");
  });

  it("Chinese: the photo first, then the words and the questions; then an emergency in words", async () => {
    const chat = new Chat({ languageCode: "zh-hans" });
    const t = new Transcript(chat);
    await t.patient("/start", () => chat.send("/start"));
    await t.patient("（发送一张照片）", () => sendPhoto(chat));
    await t.patient("腿上有一块红肿，很疼，两天了", () => chat.send("腿上有一块红肿，很疼，两天了"));
    await t.patient("（点选“发烧或寒战”，然后点“完成”）", () => chat.answerChecklist([/发烧/]));
    await answerQuestions(chat, t, "zh");
    await t.patient("我的宝宝身上有按压不褪色的紫色斑点，还发烧", () =>
      chat.send("我的宝宝身上有按压不褪色的紫色斑点，还发烧"),
    );
    console.log(`--- sample conversation (zh) ---\n${t}\n---`);
    const text = t.toString();
    expect(text).toContain(botMessages.zh.askForWords);
    expect(text).toContain(botMessages.zh.headings.checklist);
    expect(text).toContain("最接近的情况");
    expect(text).toContain("今天就医");
    expect(text).toContain("🚨");
    expect(text).toContain("120");
  });
});
