import { beforeAll, describe, expect, it } from "vitest";
import { botMessages } from "../../src/bot/messages";
import { fixture, installModel, modelAvailable, SKIP_MESSAGE } from "../routes/support";
import { Chat, photoSizes, putFile } from "./support";

const en = botMessages.en;

describe.skipIf(!modelAvailable)(`red-flag questions (${SKIP_MESSAGE})`, () => {
  let photo: Uint8Array;
  beforeAll(async () => {
    await installModel();
    photo = await fixture("photo");
  });

  it("asked with yes / no / not sure buttons, edited in place; a 'yes' that raises the level resends the answer", async () => {
    const chat = new Chat();
    const fileId = await putFile(photo);
    await chat.sendPhoto(photoSizes([fileId], [400]), "a painful red swollen area on my leg");
    const [answer, questions] = await chat.sent();
    expect(answer.split("\n")[0]).not.toMatch(/🚨/);
    expect(questions).toContain(`<b>${en.headings.questions}</b>`);
    expect(questions).toMatch(/1\. Is there any swelling of the lips, tongue or mouth/);
    const { messageId, buttons } = await chat.lastKeyboard();
    expect(buttons.slice(0, 3)).toEqual([
      { text: "1 · Yes", data: "q:0:y" },
      { text: "1 · No", data: "q:0:n" },
      { text: "1 · Not sure", data: "q:0:u" },
    ]);

    // "No" to the second question: recorded in place, the level cannot rise, nothing is resent.
    await chat.press("q:1:n", messageId);
    const edits = (await chat.calls()).filter((c) => c.method === "editMessageText");
    expect(edits).toHaveLength(1);
    expect(edits[0].payload.message_id).toBe(messageId);
    expect(edits[0].payload.text).toMatch(/2\. Is the pain much worse.* — <b>No<\/b>/);
    const remaining =
      edits[0].payload.reply_markup?.inline_keyboard?.flat().map((b) => b.callback_data) ?? [];
    expect(remaining).not.toContain("q:1:y");
    expect(remaining).toContain("q:0:y");
    expect(await chat.sent()).toHaveLength(2);

    // "Yes" to swelling of the lips or tongue: the answer goes back into the assessment, now an emergency.
    await chat.press("q:0:y", messageId);
    const sent = await chat.sent();
    expect(sent[2]).toBe(en.triageChanged);
    expect(sent[3].split("\n")[0]).toMatch(/^🚨 <b>.+<\/b>$/);
    expect(sent[3]).toMatch(/emergency number/);
    const session = JSON.parse((await chat.session()) ?? "{}");
    expect(session.questions.answers).toEqual({ pain_out_of_proportion: "no", airway: "yes" });
    // Nothing of the photo is kept, only Telegram's file id; no assessment text either.
    expect(Object.keys(session.questions).sort()).toEqual(
      ["answers", "items", "lang", "level", "messageId", "photo", "words"].sort(),
    );
  });

  it("a button of questions that are gone (after /cancel) says they expired", async () => {
    const chat = new Chat();
    const fileId = await putFile(photo);
    await chat.sendPhoto(photoSizes([fileId], [400]), "a painful red swollen area on my leg");
    const { messageId } = await chat.lastKeyboard();
    await chat.send("/cancel");
    await chat.press("q:0:y", messageId);
    expect((await chat.calls()).at(-1)).toMatchObject({
      method: "answerCallbackQuery",
      payload: { text: en.expired },
    });
  });
});
