import { beforeAll, describe, expect, it } from "vitest";
import { botMessages } from "../../src/bot/messages";
import { fixture, installModel } from "../routes/support";
import { Chat, photoSizes, putFile } from "./support";

const en = botMessages.en;

describe("red-flag questions", () => {
  let photo: Uint8Array;
  beforeAll(async () => {
    await installModel();
    photo = await fixture("photo");
  });

  it("asked after the checklist with yes / no / not sure buttons, edited in place; a 'yes' that raises the level resends the answer", async () => {
    const chat = new Chat();
    const fileId = await putFile(photo);
    await chat.sendPhoto(photoSizes([fileId], [400]), "a painful red swollen area on my arm");
    await chat.answerChecklist();
    const all = await chat.sent({ checklist: false });
    const answer = all.find((m) => m.includes("<b>What to do</b>")) ?? "";
    const questions = all.find((m) => m.includes(`<b>${en.headings.questions}</b>`)) ?? all.join("\n---\n");
    expect(answer.split("\n")[0]).not.toMatch(/🚨/);
    expect(questions).toContain(`<b>${en.headings.questions}</b>`);
    // The core checklist's questions are not asked again.
    expect(questions).not.toMatch(/swelling of the lips, tongue or mouth/);
    expect(questions).toMatch(/1\. Is the redness or swelling spreading quickly/);
    const { messageId, buttons } = await chat.lastKeyboard();
    expect(buttons.slice(0, 3)).toEqual([
      { text: "1 · Yes", data: "q:0:y" },
      { text: "1 · No", data: "q:0:n" },
      { text: "1 · Not sure", data: "q:0:u" },
    ]);
    const before = (await chat.sent()).length;

    // "Yes" to fast spread: the answer goes back into the assessment, now a same-day level, resent.
    await chat.press("q:0:y", messageId);
    const edit = (await chat.calls()).filter((c) => c.method === "editMessageText").at(-1);
    expect(edit?.payload.message_id).toBe(messageId);
    expect(edit?.payload.text).toMatch(/1\. Is the redness or swelling spreading quickly.* — <b>Yes<\/b>/);
    const sent = await chat.sent();
    expect(sent[before]).toBe(en.triageChanged);
    expect(sent[before + 1].split("\n")[0]).toMatch(/^🟠 <b>See a doctor today<\/b>$/);
    // Nothing of the photo is kept, not even Telegram's file id; no assessment text either.
    const stored = (await chat.session()) ?? "{}";
    expect(stored).not.toContain(fileId);
    const session = JSON.parse(stored);
    expect(session.questions.answers).toMatchObject({ [session.questions.items[0].id]: "yes" });
    expect(session).not.toHaveProperty("checklist");

    // "Not sure" never lowers nor raises: recorded in place, nothing is resent.
    const unsure = new Chat();
    await unsure.sendPhoto(photoSizes([await putFile(photo)], [400]), "a painful red swollen area on my arm");
    await unsure.answerChecklist();
    const asked = await unsure.lastKeyboard();
    const count = (await unsure.sent()).length;
    await unsure.press("q:0:u", asked.messageId);
    expect(await unsure.sent()).toHaveLength(count);
    const recorded = (await unsure.calls()).filter((c) => c.method === "editMessageText").at(-1);
    expect(recorded?.payload.text).toMatch(/ — <b>Not sure<\/b>/);
  });

  it("the checklist: ticks toggle in place, Done answers with them, Skip lists the unchecked signs", async () => {
    const chat = new Chat();
    const fileId = await putFile(photo);
    await chat.sendPhoto(photoSizes([fileId], [400]), "a red patch on my arm");
    const { messageId, items } = await chat.checklist();
    const airway = items.findIndex((t) => /Swollen tongue or throat/.test(t));
    await chat.press(`c:${airway}`, messageId);
    const markup = (await chat.calls()).filter((c) => c.method === "editMessageReplyMarkup").at(-1);
    expect(JSON.stringify(markup?.payload)).toContain("☑ Swollen tongue or throat");
    await chat.press("c:done", messageId);
    const answers = await chat.sent({ questions: false, checklist: false });
    expect(answers.some((m) => /^🚨 <b>/.test(m))).toBe(true);

    const skipper = new Chat();
    await skipper.sendPhoto(photoSizes([await putFile(photo)], [400]), "a red patch on my arm");
    await skipper.answerChecklist([], true);
    const sent = await skipper.sent({ questions: false, checklist: false });
    expect(sent.some((m) => /^These warning signs were not checked/.test(m))).toBe(true);
    // A stale checklist button is refused, not re-applied.
    const stale = await skipper.checklist();
    await skipper.press("c:0", stale.messageId);
    expect((await skipper.calls()).at(-1)).toMatchObject({
      method: "answerCallbackQuery",
      payload: { text: en.expired },
    });
  });

  it("a button of questions that are gone (after /cancel) says they expired", async () => {
    const chat = new Chat();
    const fileId = await putFile(photo);
    await chat.sendPhoto(photoSizes([fileId], [400]), "a painful red swollen area on my arm");
    await chat.answerChecklist();
    const { messageId } = await chat.lastKeyboard();
    await chat.send("/cancel");
    await chat.press("q:0:y", messageId);
    expect((await chat.calls()).at(-1)).toMatchObject({
      method: "answerCallbackQuery",
      payload: { text: en.expired },
    });
  });
});
