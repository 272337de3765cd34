/**
 * Voice notes through the fake Telegram Bot API: the real recordings of test/fixtures/audio (espeak-ng's
 * "I have a red rash on my arm, and it itches." and "手上有红疹，很痒。" as Telegram voice notes, Ogg/Opus)
 * and notes made here. The speech package is the synthetic one: what it hears is gibberish, so these
 * tests check the conversation's shape and that a transcript takes exactly the typed words' path.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { botMessages } from "../../src/bot/messages";
import { installModel } from "../routes/support";
import { requireHostFile, testImage } from "../support/host-files";
import { putPackageInR2 } from "../support/model-package";
import { corruptNote, note, silence } from "../support/voice-notes";
import { bindings, Chat, deliver, photoSizes, putFile } from "./support";

const HEARD = { en: "🎤 I heard: “", zh: "🎤 我听到的是：“" };

async function sendVoice(chat: Chat, bytes: Uint8Array, extra: Record<string, unknown> = {}) {
  const fileId = await putFile(bytes);
  const voice = {
    file_id: fileId,
    file_unique_id: `u-${fileId}`,
    duration: 3,
    mime_type: "audio/ogg",
    file_size: bytes.length,
  };
  return deliver(chat.update({ voice, ...extra }));
}

/** What the bot heard, from its "🎤 I heard: “…”" line. */
/** A chat in `lang`, started; `before` is how many messages the bot had sent by then. */
async function startedChat(lang: "en" | "zh") {
  const chat = new Chat({ languageCode: lang === "zh" ? "zh-hans" : "en" });
  await chat.send(`/start lang_${lang}`);
  return { chat, before: (await chat.sent()).length };
}

function heardText(line: string): string {
  return line.replace(/^🎤 [^“]+“/, "").replace(/”\n[\s\S]*$/, "");
}

describe("voice notes are the patient's words", () => {
  beforeAll(async () => {
    await putPackageInR2(bindings.MODELS, "whisper-test", "models/speech/active");
    await installModel();
  });

  it.each([
    "en",
    "zh",
  ] as const)("%s: the bot says what it heard, then answers as it would typed words", async (lang) => {
    const { chat, before } = await startedChat(lang);
    await sendVoice(chat, await requireHostFile("fixtures", `audio/${lang}.opus`));
    const [heard, ...then] = (await chat.sent()).slice(before);
    expect(heard.startsWith(HEARD[lang])).toBe(true);
    console.log(`voice conversation (${lang}, synthetic model):\n${[heard, ...then].join("\n---\n")}`);
    // The same words typed in a fresh chat get the same answers.
    const { chat: typed, before: typedBefore } = await startedChat(lang);
    await typed.send(heardText(heard));
    expect(then).toEqual((await typed.sent()).slice(typedBefore));
  });

  it.each([
    "en",
    "zh",
  ] as const)("%s: with a photo waiting, the voice note completes it and the photo is assessed", async (lang) => {
    const { chat, before } = await startedChat(lang);
    const photo = await putFile(await testImage("photo"));
    await chat.sendPhoto(photoSizes([photo], [800]));
    expect((await chat.sent()).slice(before)).toEqual([botMessages[lang].askForWords]);
    await sendVoice(chat, await requireHostFile("fixtures", `audio/${lang}.opus`));
    // As with typed words: the core checklist, then the answer.
    const { items } = await chat.checklist();
    await chat.answerChecklist([], true);
    const [, heard, ...answer] = (await chat.sent({ checklist: false, questions: false })).slice(before);
    const [, , ...withChecklist] = (await chat.sent()).slice(before);
    console.log(
      `voice conversation (${lang}, with a photo, synthetic models; checklist buttons: ${items.join(" | ")}):\n${[heard, ...withChecklist].join("\n---\n")}`,
    );
    expect(heard.startsWith(HEARD[lang])).toBe(true);
    expect(answer.length).toBeGreaterThan(0);
    expect(answer.join("\n")).not.toContain(botMessages[lang].askForPhoto);
  });

  it("audio sent as a file or as `audio` is heard too", async () => {
    const chat = new Chat();
    const wavId = await putFile(note(2));
    await deliver(
      chat.update({
        document: {
          file_id: wavId,
          file_unique_id: `u-${wavId}`,
          file_name: "note.wav",
          mime_type: "audio/wav",
        },
      }),
    );
    const audioId = await putFile(note(2, 5));
    await deliver(chat.update({ audio: { file_id: audioId, file_unique_id: `u-${audioId}`, duration: 2 } }));
    const heard = (await chat.sent()).filter((t) => t.startsWith("🎤"));
    expect(heard).toHaveLength(2);
  });

  it("a long note is refused politely, with the limit", async () => {
    const chat = new Chat();
    await sendVoice(chat, silence(95));
    expect(await chat.sent()).toEqual([
      "🎤 That voice note is longer than 90 seconds, more than I can listen to. Please send a shorter one, or type the words.",
    ]);
  });

  it("a silent note gets one clear answer (heard, or asked to type)", async () => {
    const chat = new Chat();
    await sendVoice(chat, silence(3));
    const [first] = await chat.sent();
    expect(first.startsWith("🎤")).toBe(true);
  });

  it("a corrupt note, an unknown format and an oversized file each get a clear answer in the chat's language", async () => {
    const chat = new Chat({ languageCode: "zh-hans" });
    await sendVoice(chat, corruptNote());
    const ogg = new TextEncoder().encode("OggS but nothing after it that a decoder could use");
    await sendVoice(chat, ogg);
    const fileId = await putFile(new Uint8Array(16), 50_000_000);
    await deliver(
      chat.update({
        voice: { file_id: fileId, file_unique_id: `u-${fileId}`, duration: 3, file_size: 50_000_000 },
      }),
    );
    const sent = await chat.sent();
    expect(sent).toHaveLength(3);
    for (const line of sent) expect(line).toMatch(/^🎤 .*(打字)/);
  });
});
