import { beforeAll, describe, expect, it } from "vitest";
import { botMessages } from "../../src/bot/messages";
import { fixture, installModel } from "../routes/support";
import { encodePng, pngChunk } from "../support/png-encode";
import {
  Chat,
  callsForFile,
  deliver,
  failDownloads,
  failTelegram,
  photoSizes,
  putFile,
  type RecordedCall,
} from "./support";

const en = botMessages.en;
const zh = botMessages.zh;

/** Too dark for the quality gate: a poor_photo whatever the model says. */
const DARK = encodePng({
  width: 256,
  height: 256,
  colorType: 2,
  bitDepth: 8,
  samples: new Uint8Array(256 * 256 * 3).fill(3),
});

const methods = (calls: RecordedCall[]) => calls.map((c) => c.method);

describe("photos", () => {
  let skin: Uint8Array;
  beforeAll(async () => {
    await installModel();
    skin = await fixture("photo");
  });

  /** A photo whose three sizes are on the fake server; the largest is the real one. */
  async function skinPhoto() {
    const small = await putFile(skin.subarray(0, 10));
    const medium = await putFile(skin.subarray(0, 20));
    const large = await putFile(skin);
    return { sizes: photoSizes([small, medium, large], [90, 320, 1280]), large, small, medium };
  }

  it("a photo with a caption: typing, the core checklist first, then triage, findings, symptoms, advice, disclaimer", async () => {
    const chat = new Chat({ languageCode: "en" });
    const { sizes, large } = await skinPhoto();
    await chat.sendPhoto(sizes, "itchy red patch for 3 days");
    const calls = await chat.calls();
    expect(methods(calls)[0]).toBe("sendChatAction");
    expect(calls[0].payload.action).toBe("typing");
    // The largest size, not photo[0].
    expect(methods(await callsForFile(large))).toEqual(["getFile", "downloadFile"]);
    // Before any answer: one message of checklist buttons, with Done and Skip.
    expect(await chat.sent()).toHaveLength(1);
    const { items } = await chat.checklist();
    expect(items).toEqual(expect.arrayContaining(["☐ A burn or scald", "☐ Fever or shivering"]));
    const { buttons } = await chat.lastKeyboard();
    expect(buttons.slice(-2).map((b) => b.data)).toEqual(["c:done", "c:skip"]);
    await chat.answerChecklist();
    const [answer, ...rest] = (await chat.messages()).slice(1);
    expect(answer.payload.parse_mode).toBe("HTML");
    const text = answer.payload.text ?? "";
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^(🟢|🔵|🟡|🟠) <b>.+<\/b>$/);
    expect(text).toContain("<b>Closest matches</b>");
    expect(text).toMatch(/<code>[█░]{10} \d+%<\/code>/);
    expect(text).toContain("<b>What you told me</b>");
    expect(text).toMatch(/itch/i);
    expect(text).toContain("for about 3 days");
    expect(text).toContain("<b>What to do</b>");
    expect(text).toMatch(/<i>This is an automated preliminary check, not a diagnosis.*<\/i>$/s);
    expect(text.length).toBeLessThanOrEqual(4096);
    for (const m of rest) expect(m.payload.text?.length).toBeLessThanOrEqual(4096);
  });

  it("takes the largest size within the limits: a size over the download limit is skipped", async () => {
    const chat = new Chat();
    const { sizes, medium, large } = await skinPhoto();
    sizes[2].file_size = 25_000_000; // over Telegram's 20 MB getFile limit
    await chat.sendPhoto(sizes, "itchy");
    expect(methods(await callsForFile(large))).toEqual([]);
    expect(methods(await callsForFile(medium))).toEqual(["getFile", "downloadFile"]);
  });

  it("a photo alone asks for words with quick replies and skip; a button assesses it", async () => {
    const chat = new Chat();
    const { sizes } = await skinPhoto();
    await chat.sendPhoto(sizes);
    expect(await chat.sent()).toEqual([en.askForWords]);
    const { messageId, buttons } = await chat.lastKeyboard();
    expect(buttons.map((b) => b.text)).toEqual([...en.quickWords.map((q) => q.label), en.skip]);
    // The photo was scored at once; the session keeps what the model said, not the photo or its file id.
    const session = (await chat.session()) ?? "";
    expect(JSON.parse(session).pendingImage.findings).toBeTypeOf("object");
    for (const size of sizes) expect(session).not.toContain(size.file_id);
    await chat.press(buttons[0].data, messageId);
    await chat.answerChecklist();
    const sent = await chat.sent({ questions: false, checklist: false });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain("<b>What you told me</b>");
    expect(sent[1]).toMatch(/itch/i);
    // Pressed again: the photo is no longer waiting.
    const before = (await chat.sent()).length;
    await chat.press(buttons[0].data, messageId);
    expect(await chat.sent()).toHaveLength(before);
    expect((await chat.calls()).at(-1)).toMatchObject({
      method: "answerCallbackQuery",
      payload: { text: en.expired },
    });
  });

  it("skip assesses the photo without words", async () => {
    const chat = new Chat();
    const { sizes } = await skinPhoto();
    await chat.sendPhoto(sizes);
    const { messageId } = await chat.lastKeyboard();
    await chat.press("w:skip", messageId);
    await chat.answerChecklist([], true);
    const sent = await chat.sent({ questions: false, checklist: false });
    // The answer, then the warning signs left unchecked by the skipped checklist.
    expect(sent).toHaveLength(3);
    expect(sent[1]).toContain("<b>Closest matches</b>");
    expect(sent[2]).toMatch(/^These warning signs were not checked[\s\S]*• A burn or scald/);
    expect(sent[1]).not.toContain("<b>What you told me</b>");
  });

  it("words first: asks for a photo, then assesses the photo with those words", async () => {
    const chat = new Chat();
    await chat.send("it has been itchy for two weeks");
    expect(await chat.sent()).toEqual([en.askForPhoto]);
    const { sizes } = await skinPhoto();
    await chat.sendPhoto(sizes);
    await chat.answerChecklist();
    const sent = await chat.sent({ questions: false, checklist: false });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain("for about 14 days");
  });

  it("a photo sent as a file (JPEG document) is taken the same way; other files are not", async () => {
    const chat = new Chat();
    const fileId = await putFile(skin);
    await deliver(
      chat.update({
        document: {
          file_id: fileId,
          file_unique_id: `u-${fileId}`,
          mime_type: "image/jpeg",
          file_size: skin.length,
        },
        caption: "painful bump",
      }),
    );
    expect(methods(await callsForFile(fileId))).toEqual(["getFile", "downloadFile"]);
    await chat.answerChecklist();
    expect((await chat.sent({ checklist: false }))[0]).toContain("<b>Closest matches</b>");

    await deliver(
      chat.update({
        document: { file_id: "pdf", file_unique_id: "updf", mime_type: "application/pdf", file_size: 10 },
      }),
    );
    expect((await chat.sent()).at(-1)).toBe(en.unsupportedFile);
  });

  it("an album: the first photo is assessed, and the bot says so", async () => {
    const chat = new Chat();
    const first = await skinPhoto();
    const second = await skinPhoto();
    await chat.sendPhoto(first.sizes, "itchy", { media_group_id: `album-${chat.id}` });
    await chat.sendPhoto(second.sizes, undefined, { media_group_id: `album-${chat.id}` });
    await chat.answerChecklist();
    const sent = await chat.sent({ questions: false, checklist: false });
    expect(sent[0]).toBe(en.albumFirstOnly);
    expect(sent[1]).toContain("<b>Closest matches</b>");
    expect(sent).toHaveLength(2);
    expect(await callsForFile(second.large)).toEqual([]);
  });

  it("a poor photo asks for a retake with the specific tip, and keeps the words for it", async () => {
    const chat = new Chat({ languageCode: "zh-CN" });
    const dark = await putFile(DARK);
    await chat.sendPhoto(photoSizes([dark], [256]), "很痒，三天了");
    const [answer] = await chat.sent({ questions: false });
    expect(answer).toContain("这张照片无法评估");
    expect(answer).toContain("照片太暗");
    expect(answer).not.toContain(zh.headings.findings);
    const { sizes } = await skinPhoto();
    await chat.sendPhoto(sizes);
    await chat.answerChecklist();
    const sent = await chat.sent({ questions: false, checklist: false });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain(zh.headings.findings);
    expect(sent[1]).toContain("约3天");
  });

  it("unsupported message types get a short note of what the bot takes", async () => {
    // Voice notes are words now (test/bot/voice.test.ts).
    const chat = new Chat();
    await deliver(
      chat.update({
        sticker: {
          file_id: "s",
          file_unique_id: "us",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      }),
    );
    await deliver(chat.update({ location: { latitude: 1, longitude: 2 } }));
    await deliver(
      chat.update({ video: { file_id: "vi", file_unique_id: "uvi", width: 1, height: 1, duration: 1 } }),
    );
    expect(await chat.sent()).toEqual(Array(3).fill(en.unsupportedMessage));
  });

  it("getFile failing: a clear apology, not silence", async () => {
    const chat = new Chat();
    const { sizes, large } = await skinPhoto();
    await failTelegram({ method: "getFile", fileId: large, status: 400, times: 2 });
    await chat.sendPhoto(sizes, "itchy");
    expect(methods(await callsForFile(large))).toEqual(["getFile", "getFile"]);
    expect(await chat.sent()).toEqual([en.downloadFailed]);
  });

  it("a failed download is retried once", async () => {
    const chat = new Chat();
    const { sizes, large } = await skinPhoto();
    await failDownloads(large, 1);
    await chat.sendPhoto(sizes, "itchy");
    await chat.answerChecklist();
    expect((await chat.sent({ checklist: false }))[0]).toContain("<b>Closest matches</b>");
  });

  it("an image we cannot read gets a clear answer", async () => {
    const chat = new Chat();
    const gif = await putFile(await fixture("gif"));
    await chat.sendPhoto(photoSizes([gif], [200]), "itchy");
    expect(await chat.sent()).toEqual([en.unsupportedImage]);
  });

  it("a photo whose every size is over a limit: says which limit, in MB or in megapixels", async () => {
    const { sizes } = await skinPhoto();
    // Every size over MAX_IMAGE_PIXELS (50 MP) but within the bytes: the pixels are named, not MB.
    const huge = sizes.map((s) => ({ ...s, width: 10_000 + s.width, height: 10_000 }));
    for (const [languageCode, m] of [
      ["en", en],
      ["zh-hans", zh],
    ] as const) {
      const chat = new Chat({ languageCode });
      await chat.sendPhoto(huge, "itchy");
      expect(await chat.sent()).toEqual([m.photoOverLimits({ maxMegapixels: "50" })]);
    }
    // Every size over the download limit: the bytes are named.
    const heavy = sizes.map((s) => ({ ...s, file_size: 25_000_000 }));
    const chat = new Chat();
    await chat.sendPhoto(heavy, "itchy");
    expect(await chat.sent()).toEqual([en.photoOverLimits({ maxMb: 10 })]); // min(20 MB, MAX_BODY_BYTES)
    expect(en.photoOverLimits({ maxMegapixels: "50" })).toContain("(the limit is 50 megapixels)");
    expect(en.photoOverLimits({ maxMb: 10 })).toContain("(the limit is 10 MB)");
    expect(zh.photoOverLimits({ maxMegapixels: "50" })).toContain("（上限为 50 百万像素）");
    for (const size of [...huge, ...heavy]) expect(methods(await callsForFile(size.file_id))).toEqual([]);
  });

  it("a 20000x20000 PNG sent as a file: too many pixels, with the limit, not 'too large'", async () => {
    // A PNG whose header says 20000x20000 (400 MP): refused from the header, before any pixel is decoded.
    const small = encodePng({ width: 1, height: 1, colorType: 0, bitDepth: 8, samples: new Uint8Array(1) });
    const ihdr = new Uint8Array(13);
    new DataView(ihdr.buffer).setUint32(0, 20000);
    new DataView(ihdr.buffer).setUint32(4, 20000);
    ihdr.set([8, 0, 0, 0, 0], 8);
    const bomb = new Uint8Array([...small.subarray(0, 8), ...pngChunk("IHDR", ihdr), ...small.subarray(33)]);
    for (const [languageCode, m] of [
      ["en", en],
      ["zh-hans", zh],
    ] as const) {
      const chat = new Chat({ languageCode });
      const fileId = await putFile(bomb);
      const document = { file_id: fileId, file_unique_id: `u-${fileId}`, mime_type: "image/png" };
      await deliver(chat.update({ document: { ...document, file_size: bomb.length }, caption: "itchy" }));
      // wrangler.toml's MAX_IMAGE_PIXELS: 50,000,000.
      expect(await chat.sent()).toEqual([m.tooManyPixels("50")]);
    }
    expect(en.tooManyPixels("50")).toContain(
      "too many pixels for me to look at (the limit is 50 megapixels)",
    );
    expect(zh.tooManyPixels("50")).toContain("像素太多，我无法查看（上限为 50 百万像素）");
  });

  it("a damaged photo is told apart from an unsupported format: please send it again", async () => {
    const chat = new Chat();
    const truncated = await putFile(await fixture("truncated"));
    await chat.sendPhoto(photoSizes([truncated], [200]), "itchy");
    expect(await chat.sent()).toEqual([en.damagedImage]);

    const zhChat = new Chat({ languageCode: "zh-CN" });
    const zhTruncated = await putFile(await fixture("truncated"));
    await zhChat.sendPhoto(photoSizes([zhTruncated], [200]), "很痒");
    expect(await zhChat.sent()).toEqual([zh.damagedImage]);
  });

  it("the model unavailable: an apology and what to do", async () => {
    const chat = new Chat();
    const { sizes } = await skinPhoto();
    await deliver(chat.update({ photo: sizes, caption: "itchy" }), {
      env: { MODEL_PREFIX: "models/missing" },
    });
    expect(await chat.sent()).toEqual([en.modelUnavailable]);
  });
});
