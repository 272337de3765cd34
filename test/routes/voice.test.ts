import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { assessWords } from "../../src/service/assess-words";
import type { Heard } from "../../src/service/hear";
import { requireHostFile } from "../support/host-files";
import { putPackageInR2 } from "../support/model-package";
import { corruptNote, note, silence } from "../support/voice-notes";
import { base64, call, expectProblem, fixture, installModel, json, multipart } from "./support";

const SPEECH_PREFIX = "models/speech/active";

interface Answer {
  assessment: { status: string; triage: { level: string } };
  model: unknown;
  transcript?: {
    text: string;
    language: string;
    confidence: { avgLogprob: number; noSpeechProb: number; low: boolean };
  };
  timings: { speechMs?: number };
}

function voiceForm(audio: Uint8Array, fields: Record<string, string> = {}, image?: Uint8Array): FormData {
  const form = multipart(image ?? null, fields);
  form.append("audio", new File([audio as Uint8Array<ArrayBuffer>], "note.wav"));
  return form;
}

const post = (body: FormData | RequestInit) =>
  call("/v1/assessments", body instanceof FormData ? { method: "POST", body } : body);

describe("POST /v1/assessments with audio (the speech Worker, by RPC)", () => {
  beforeAll(async () => {
    await putPackageInR2(env.MODELS, "whisper-test", SPEECH_PREFIX);
  });

  it("a voice note alone: the words heard are triaged, and the transcript comes back", async () => {
    const res = await post(voiceForm(note(3), { lang: "en" }));
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as Answer;
    expect(body.assessment.status).toBe("no_photo");
    expect(body.model).toBeNull();
    expect(body.transcript?.language).toBe("en");
    // The same words Node hears in one process (global setup): two isolates, every tensor freed after use.
    const reference = JSON.parse(
      new TextDecoder().decode(await requireHostFile("cache", "speech-reference.json")),
    );
    expect(reference.note3en.tokenIds.length).toBeGreaterThan(3);
    expect(body.transcript?.text).toBe(reference.note3en.text);
    expect(body.transcript?.confidence.avgLogprob).toBeLessThanOrEqual(0);
    expect(body.transcript?.confidence.noSpeechProb).toBeGreaterThanOrEqual(0);
    expect(body.timings.speechMs).toBeGreaterThanOrEqual(0);
  });

  it("JSON with base64 audio, in Chinese; without `lang` the language is detected (en or zh)", async () => {
    const zh = (await (await post(json({ audio: base64(note(2, 7)), lang: "zh" }))).json()) as Answer;
    expect(zh.transcript?.language).toBe("zh");
    const detected = (await (await post(json({ audio: base64(note(2, 9)) }))).json()) as Answer;
    expect(["en", "zh"]).toContain(detected.transcript?.language);
  });

  it("a photo with a voice note: the photo is scored and the words heard are read with it", async () => {
    await installModel();
    const res = await post(voiceForm(note(2), { lang: "en", text: "itchy" }, await fixture("photo")));
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as Answer;
    expect(body.model).not.toBeNull();
    expect(body.transcript?.language).toBe("en");
  });

  it("audio it cannot take is a clear problem, in the request's language", async () => {
    await expectProblem(await post(voiceForm(new Uint8Array(0))), 400, "empty-audio");
    const gif = new TextEncoder().encode("GIF89a not audio at all");
    const unsupported = await expectProblem(
      await post(voiceForm(gif, { lang: "zh" })),
      415,
      "unsupported-audio-format",
    );
    expect(unsupported.detail).toContain("不支持");
    await expectProblem(await post(voiceForm(corruptNote())), 422, "audio-not-decodable");
    const long = await expectProblem(await post(voiceForm(silence(95))), 413, "audio-too-long");
    expect(long.detail).toContain("90");
    await expectProblem(await post(json({ audio: "***" })), 400, "invalid-request");
  });
});

describe("a doubtful transcript never lowers a level", () => {
  const heard = (text: string, lowConfidence: boolean): Heard => ({
    text,
    language: "en",
    confidence: { avgLogprob: lowConfidence ? -2 : -0.2, noSpeechProb: 0.01 },
    lowConfidence,
    model: { id: "synthetic/whisper-test", revision: "r", synthetic: true },
  });

  it("emergency words heard raise the level even when doubtful; doubtful words cannot lower it", () => {
    const typed = { text: "a rash", lang: "en" as const };
    const plain = assessWords(typed).triage.level;
    const emergency = assessWords({
      ...typed,
      heard: heard("my tongue is swelling and I cannot breathe", true),
    });
    expect(emergency.triage.level).toBe("emergency");
    for (const said of ["it is nothing, no pain at all", "no swelling, no fever", ""]) {
      const doubtful = assessWords({ ...typed, text: "my throat feels tight", heard: heard(said, true) });
      expect(doubtful.triage.level).toBe(
        assessWords({ ...typed, text: "my throat feels tight" }).triage.level,
      );
    }
    expect(plain).not.toBe("emergency");
  });
});
