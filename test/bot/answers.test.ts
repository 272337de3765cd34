/**
 * Answers to the bot's buttons: assessed again from what the model said about the photo (kept in the
 * session), never from the photo; applied one after the other, none lost, when tapped at once; and a
 * question takes one answer, changed only by the explicit "change my answers".
 */
import { beforeAll, describe, expect, it } from "vitest";
import { botMessages } from "../../src/bot/messages";
import { fixture, installModel } from "../routes/support";
import { Chat, callsForFile, handle, photoSizes, putFile } from "./support";

const en = botMessages.en;
const CAPTION = "a painful red swollen area on my arm";
/** With a fever ticked, these words leave four red-flag questions (see the transcript test). */
const FOUR_QUESTIONS = "I have a painful red swollen area on my leg, for 2 days now";

describe("answers to the buttons", () => {
  let photo: Uint8Array;
  beforeAll(async () => {
    await installModel();
    photo = await fixture("photo");
  });

  /** A chat that has sent the photo with `words` and answered the checklist (Done, `tick` ticked). */
  async function askedQuestions(words = CAPTION, tick: RegExp[] = []) {
    const chat = new Chat({ languageCode: "en" });
    const fileId = await putFile(photo);
    await chat.sendPhoto(photoSizes([fileId], [400]), words);
    await chat.answerChecklist(tick);
    const asked = await chat.lastKeyboard();
    return { chat, fileId, asked };
  }

  /** From here on the chat's updates go to a bot whose model must not be opened: a vision run fails the test. */
  function withoutModel(chat: Chat) {
    const opened: string[] = [];
    chat.options.deliver = (update) =>
      handle(update, {
        engine: async () => {
          opened.push("engine");
          throw new Error("the model was opened for a button");
        },
      });
    return opened;
  }

  it("a tap re-runs the clinical step alone: no download, no model; the session keeps scores, not the photo", async () => {
    const chat = new Chat({ languageCode: "en" });
    const fileId = await putFile(photo);
    await chat.sendPhoto(photoSizes([fileId], [400]), CAPTION);
    const downloads = (await callsForFile(fileId)).map((c) => c.method);
    expect(downloads).toEqual(["getFile", "downloadFile"]);
    const opened = withoutModel(chat);

    await chat.answerChecklist([/Fever/]);
    const asked = await chat.lastKeyboard();
    await chat.press("q:0:y", asked.messageId);

    expect(opened).toEqual([]);
    expect((await callsForFile(fileId)).map((c) => c.method)).toEqual(downloads);
    // The checklist's fever and the "yes" both reached the assessment: answers with findings, resent.
    const sent = await chat.sent({ questions: false, checklist: false });
    expect(sent.filter((m) => m.includes("<b>Closest matches</b>"))).toHaveLength(2);
    expect(sent).toContain(en.triageChanged);

    const session = (await chat.session()) ?? "";
    expect(session).not.toContain(fileId);
    const { image } = JSON.parse(session).questions;
    // Per-label probabilities, the gates' inputs, the model: nothing with the photo's pixels or embedding.
    expect(Object.keys(image).sort()).toEqual(["catalogueVersion", "findings", "gate", "model", "quality"]);
    expect(Object.keys(image.quality.measurements).sort()).toEqual([
      "clippedFraction",
      "laplacianVariance",
      "meanLuminance",
      "shortEdge",
    ]);
    for (const p of [...Object.values(image.findings), ...Object.values(image.gate)]) {
      expect(typeof p).toBe("number");
    }
  });

  it("a photo alone is scored once: the words and a quick reply need no download and no model", async () => {
    const chat = new Chat({ languageCode: "en" });
    const fileId = await putFile(photo);
    await chat.sendPhoto(photoSizes([fileId], [400]));
    expect(await chat.sent()).toEqual([en.askForWords]);
    const opened = withoutModel(chat);
    await chat.send("it is itchy, for 3 days");
    await chat.answerChecklist();
    expect(opened).toEqual([]);
    expect((await callsForFile(fileId)).map((c) => c.method)).toEqual(["getFile", "downloadFile"]);
    const [answer] = await chat.sent({ questions: false, checklist: false }).then((m) => m.slice(1));
    expect(answer).toContain("for about 3 days");
  });

  it("three question buttons tapped at once: all three answers applied, in one final message", async () => {
    const { chat, asked } = await askedQuestions(FOUR_QUESTIONS, [/Fever/]);
    const rows = asked.buttons.filter((b) => /^q:\d+:n$/.test(b.data));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const before = (await chat.calls()).length;
    await Promise.all(["q:0:n", "q:1:n", "q:2:n"].map((data) => chat.press(data, asked.messageId)));

    const session = JSON.parse((await chat.session()) ?? "{}");
    const given = session.questions.items
      .slice(0, 3)
      .map((q: { id: string }) => session.questions.answers[q.id]);
    expect(given).toEqual(["no", "no", "no"]);
    // Applied one after the other: the last edit shows all three.
    const last = (await chat.calls()).filter((c) => c.method === "editMessageText").at(-1);
    for (const n of [1, 2, 3]) expect(last?.payload.text).toMatch(new RegExp(`${n}\\. [^\\n]* — <b>No</b>`));
    const answered = (await chat.calls()).slice(before).filter((c) => c.method === "answerCallbackQuery");
    expect(answered.map((c) => c.payload.text)).toEqual([undefined, undefined, undefined]);
  });

  it("three checklist ticks at once: all three ticked", async () => {
    const chat = new Chat({ languageCode: "en" });
    await chat.sendPhoto(photoSizes([await putFile(photo)], [400]), CAPTION);
    const { messageId, items } = await chat.checklist();
    expect(items.length).toBeGreaterThanOrEqual(3);
    await Promise.all(["c:0", "c:1", "c:2"].map((data) => chat.press(data, messageId)));
    const { checklist } = JSON.parse((await chat.session()) ?? "{}");
    expect(checklist.ticked.sort()).toEqual(
      checklist.items
        .slice(0, 3)
        .map((i: { id: string }) => i.id)
        .sort(),
    );
    const markup = (await chat.calls()).filter((c) => c.method === "editMessageReplyMarkup").at(-1);
    expect(JSON.stringify(markup?.payload).match(/☑/g)).toHaveLength(3);
  });

  it("a stale button does not re-answer a question; 'change my answers' says what it does and can lower the level", async () => {
    const { chat, asked } = await askedQuestions();
    const level = (m: string) => m.split("\n")[0];
    const answers = () => chat.sent({ questions: false, checklist: false });
    const first = (await answers()).find((m) => m.includes("<b>What to do</b>")) ?? "";

    // "Yes" to spreading fast raises the level; a "No" from the same (stale) keyboard is refused.
    await chat.press("q:0:y", asked.messageId);
    const raised = (await answers()).at(-1) ?? "";
    expect(level(raised)).not.toBe(level(first));
    const count = (await chat.calls()).length;
    await chat.press("q:0:n", asked.messageId);
    const after = (await chat.calls()).slice(count);
    expect(after.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(after[0].payload.text).toBe(en.alreadyAnswered);
    expect(en.alreadyAnswered.length).toBeLessThanOrEqual(200);

    // The explicit step: the questions again, in a new message that says what changing them does.
    const edited = (await chat.calls()).filter((c) => c.method === "editMessageText").at(-1);
    expect(edited?.payload.reply_markup?.inline_keyboard?.flat().at(-1)).toEqual({
      text: en.changeAnswers,
      callback_data: "q:change",
    });
    await chat.press("q:change", asked.messageId);
    const again = await chat.lastKeyboard();
    expect(again.messageId).not.toBe(asked.messageId);
    expect((await chat.sent()).at(-1)).toContain(en.answersCleared);
    expect(again.buttons.slice(0, 3).map((b) => b.data)).toEqual(["q:0:y", "q:0:n", "q:0:u"]);

    // The old message's buttons are dead; the new "No" brings the first level back, and says so.
    await chat.press("q:0:n", asked.messageId);
    expect((await chat.calls()).at(-1)?.payload.text).toBe(en.expired);
    await chat.press("q:0:n", again.messageId);
    const sent = await answers();
    expect(sent.at(-2)).toBe(en.triageChanged);
    expect(level(sent.at(-1) ?? "")).toBe(level(first));
  });
});
