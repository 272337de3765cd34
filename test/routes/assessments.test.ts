import { beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../src/clinical";
import { base64, call, callWith, expectProblem, fixture, installModel, json, multipart } from "./support";

const SKIN = "photo";
const post = (body: FormData) => call("/v1/assessments", { method: "POST", body });

interface AssessmentResponse {
  requestId: string;
  assessment: {
    lang: string;
    status: string;
    findings: { id: string; inCatalogue: boolean; probability: number; imageProbability: number }[];
    symptoms: { recognised: { id: string; negated: boolean }[]; durationDays: number | null };
    triage: { level: string; wordsLevel: string; action: string; reasons: { triggers: string[] }[] };
    questions: { id: string; kind: string; text: string; raisesTo: string }[];
    advice: string[];
    disclaimer: string;
  };
  scores: { id: string; probability: number }[];
  model: { id: string; revision: string; synthetic: boolean; variant: string } | null;
  timings: { decodeMs: number; encodeMs: number; textMs: number; totalMs: number };
}

describe("POST /v1/assessments", () => {
  let photo: Uint8Array;
  beforeAll(async () => {
    await installModel();
    photo = await fixture(SKIN);
  });

  describe("answers", () => {
    it("words alone are enough: no_photo from the words and answers, in JSON and multipart, no model loaded", async () => {
      const words = "my lips and tongue are swelling and I can't breathe well";
      const res = await call("/v1/assessments", json({ text: words }));
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = (await res.json()) as AssessmentResponse;
      expect(body.assessment.status).toBe("no_photo");
      expect(body.assessment.triage.level).toBe("emergency");
      expect(body.assessment.findings).toEqual([]);
      expect(body.scores).toEqual([]);
      expect(body.model).toBeNull();
      expect(Object.keys(body.timings)).toEqual(["totalMs"]);
      // Chinese, multipart, with an answer that raises the level.
      const zh = await post(
        multipart(null, { text: "孩子手上起了红疹子", answers: JSON.stringify({ fever: "yes" }) }),
      );
      const zhBody = (await zh.json()) as AssessmentResponse;
      expect(zhBody.assessment.lang).toBe("zh");
      expect(zhBody.assessment.triage.reasons.flatMap((r) => r.triggers)).toContain("发烧（回答：是）");
      // Nothing recognised as benign: not self-care, and the core checklist is asked.
      const vague = (await (
        await call("/v1/assessments", json({ text: "something weird on my back" }))
      ).json()) as AssessmentResponse;
      expect(vague.assessment.triage.level).toBe("doctor");
      expect(vague.assessment.questions.filter((q) => q.kind === "core").map((q) => q.id)).toContain(
        "airway",
      );
    });

    it("a multipart photo with words: the assessment, the model, timings; no caching", async () => {
      const res = await post(
        multipart(photo, { text: "itchy red patch for 3 days, not painful", lang: "en" }),
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = (await res.json()) as AssessmentResponse;
      expect(body.requestId).toBe(res.headers.get("x-request-id"));
      expect(body.model).toMatchObject({ id: "synthetic/clip-tiny", synthetic: true });
      expect(body.model?.revision).toMatch(/^synthetic-/);
      expect(body.assessment.lang).toBe("en");
      expect(body.assessment.status).toBe("ok");
      expect(body.assessment.findings.length).toBe(catalogue.length);
      expect(body.assessment.findings.reduce((s, f) => s + f.probability, 0)).toBeCloseTo(1, 6);
      const recognised = body.assessment.symptoms.recognised;
      expect(recognised.map((s) => s.id)).toEqual(expect.arrayContaining(["itch", "redness", "pain"]));
      expect(recognised.find((s) => s.id === "pain")?.negated).toBe(true);
      expect(body.assessment.symptoms.durationDays).toBe(3);
      expect(body.assessment.disclaimer.length).toBeGreaterThan(20);
      for (const ms of Object.values(body.timings)) expect(ms).toBeGreaterThanOrEqual(0);
    });

    it("Server-Timing names decode, encode, text and total", async () => {
      const res = await post(multipart(photo));
      const timing = res.headers.get("server-timing") ?? "";
      for (const name of ["decode", "encode", "text", "total"])
        expect(timing).toMatch(new RegExp(`\\b${name};dur=\\d`));
    });

    it("the same photo as base64 JSON gives the same assessment as multipart", async () => {
      const [a, b] = await Promise.all([
        post(multipart(photo, { text: "it bleeds sometimes" })),
        call("/v1/assessments", json({ image: base64(photo), text: "it bleeds sometimes" })),
      ]);
      expect(b.status).toBe(200);
      const [ja, jb] = (await Promise.all([a.json(), b.json()])) as AssessmentResponse[];
      expect(jb.assessment).toEqual(ja.assessment);
      expect(jb.assessment.triage).not.toBeNull();
    });

    it("exact (multipart text field or JSON boolean) decodes a large JPEG at full size; by default it is scaled", async () => {
      const phone = await fixture("phone"); // 4032x3024: decoded at 1/4 by default
      const scores = async (init: RequestInit) => {
        const res = await call("/v1/assessments", init);
        expect(res.status).toBe(200);
        return ((await res.json()) as AssessmentResponse).scores;
      };
      const [scaled, exactForm, exactJson, notExact] = await Promise.all([
        scores({ method: "POST", body: multipart(phone) }),
        scores({ method: "POST", body: multipart(phone, { exact: "true" }) }),
        scores(json({ image: base64(phone), exact: true })),
        scores(json({ image: base64(phone), exact: false })),
      ]);
      expect(exactJson).toEqual(exactForm);
      expect(notExact).toEqual(scaled);
      // The two decodes give crops a fraction of a level apart: close scores, not the same ones.
      expect(exactForm).not.toEqual(scaled);
      for (const [i, s] of scaled.entries()) expect(s.probability).toBeCloseTo(exactForm[i].probability, 2);
      await expectProblem(
        await call("/v1/assessments", { method: "POST", body: multipart(phone, { exact: "yes" }) }),
        400,
        "invalid-request",
      );
      await expectProblem(
        await call("/v1/assessments", json({ image: base64(phone), exact: "true" })),
        400,
        "invalid-request",
      );
    });

    it("JSON accepts a data: URL and URL-safe base64", async () => {
      const dataUrl = await call(
        "/v1/assessments",
        json({ image: `data:image/jpeg;base64,${base64(photo)}` }),
      );
      expect(dataUrl.status).toBe(200);
      const urlSafe = base64(photo).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      expect((await call("/v1/assessments", json({ image: urlSafe }))).status).toBe(200);
    });

    it("answers in Chinese for lang=zh, and from Chinese words or Accept-Language without one", async () => {
      const byLang = (await (await post(multipart(photo, { lang: "zh" }))).json()) as AssessmentResponse;
      expect(byLang.assessment.lang).toBe("zh");
      const byText = (await (
        await post(multipart(photo, { text: "很痒，三天了" }))
      ).json()) as AssessmentResponse;
      expect(byText.assessment.lang).toBe("zh");
      const res = await call("/v1/assessments", {
        method: "POST",
        body: multipart(photo),
        headers: { "Accept-Language": "zh-CN,zh;q=0.9" },
      });
      expect(((await res.json()) as AssessmentResponse).assessment.lang).toBe("zh");
    });

    it("ranks the caller's own labels instead of the catalogue (multipart repeated field, and JSON)", async () => {
      const labels = ["a photo of a skin rash", "a photo of normal skin", "a photo of a mole"];
      for (const res of [
        await post(multipart(photo, { labels })),
        await call("/v1/assessments", json({ image: base64(photo), labels })),
      ]) {
        expect(res.status).toBe(200);
        const { assessment } = (await res.json()) as AssessmentResponse;
        expect(assessment.findings.map((f) => f.id).sort()).toEqual([...labels].sort());
        expect(assessment.findings.every((f) => !f.inCatalogue)).toBe(true);
      }
      const one = (await (
        await post(multipart(photo, { labels: "a photo of a mole" }))
      ).json()) as AssessmentResponse;
      expect(one.assessment.findings.map((f) => f.id)).toEqual(["a photo of a mole"]);
    });

    it("a photo that is too small or not skin is still a 200, with the status saying so", async () => {
      const small = (await (
        await post(multipart(await fixture("tiny"), {}, "t.png"))
      ).json()) as AssessmentResponse;
      expect(small.assessment.status).toBe("poor_photo");
      expect(small.assessment.findings).toEqual([]);
    });

    it("returns the image-only scores of every label asked for, whatever the gates decide", async () => {
      const labels = ["a photo of a skin rash", "a photo of normal skin", "a photo of a tumor"];
      const scoresOf = (body: AssessmentResponse) =>
        body.scores.map((s) => s.id).sort((a, b) => a.localeCompare(b));
      const sum = (body: AssessmentResponse) => body.scores.reduce((t, s) => t + s.probability, 0);
      // A photo the gates reject (too small) ranks nothing, but the caller still sees its labels' scores.
      const small = (await (
        await post(multipart(await fixture("tiny"), { labels }, "t.png"))
      ).json()) as AssessmentResponse;
      expect(small.assessment.status).toBe("poor_photo");
      expect(small.assessment.findings).toEqual([]);
      expect(scoresOf(small)).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
      expect(sum(small)).toBeCloseTo(1, 5);
      for (const s of small.scores) expect(s.probability).toBeGreaterThanOrEqual(0);
      // A photo of a cat, whatever the synthetic model's gate makes of it.
      const cat = (await (
        await call("/v1/assessments", json({ image: base64(await fixture("scene")), labels }))
      ).json()) as AssessmentResponse;
      expect(scoresOf(cat)).toEqual(scoresOf(small));
      expect(sum(cat)).toBeCloseTo(1, 5);
      // The catalogue: one score per condition, by id; the findings are the gated, word-shifted view.
      const skin = (await (await post(multipart(photo, { text: "itchy" }))).json()) as AssessmentResponse;
      expect(scoresOf(skin)).toEqual(catalogue.map((c) => c.id).sort((a, b) => a.localeCompare(b)));
      expect(sum(skin)).toBeCloseTo(1, 5);
      for (const f of skin.assessment.findings) {
        expect(f.imageProbability).toBeCloseTo(skin.scores.find((s) => s.id === f.id)!.probability, 6);
      }
    });

    it("takes answers to red-flag questions (multipart JSON field, or JSON) and lists the open ones", async () => {
      const text = "my child has a fever and a rash";
      const first = (await (await post(multipart(photo, { text, lang: "en" }))).json()) as AssessmentResponse;
      expect(first.assessment.triage.wordsLevel).toBe("doctor_soon");
      expect(first.assessment.questions.map((q) => q.id)).toContain("glass_test");
      expect(first.assessment.questions.find((q) => q.id === "glass_test")?.raisesTo).toBe("emergency");
      const answers = { glass_test: "yes", drowsy: "no" };
      for (const res of [
        await post(multipart(photo, { text, lang: "en", answers: JSON.stringify(answers) })),
        await call("/v1/assessments", json({ image: base64(photo), text, lang: "en", answers })),
      ]) {
        expect(res.status).toBe(200);
        const { assessment } = (await res.json()) as AssessmentResponse;
        expect(assessment.triage.level).toBe("emergency");
        expect(assessment.triage.wordsLevel).toBe("emergency");
        expect(assessment.questions.map((q) => q.id)).not.toEqual(expect.arrayContaining(["glass_test"]));
        expect(assessment.questions.map((q) => q.id)).not.toContain("drowsy");
      }
    });

    it("triages the words even when the photo cannot be used", async () => {
      const small = (await (
        await post(multipart(await fixture("tiny"), { text: "my lips are swelling" }, "t.png"))
      ).json()) as AssessmentResponse;
      expect(small.assessment.status).toBe("poor_photo");
      expect(small.assessment.triage.level).toBe("emergency");
    });

    it("keeps a client's X-Request-Id", async () => {
      const res = await call("/v1/assessments", {
        method: "POST",
        body: multipart(photo),
        headers: { "X-Request-Id": "app-1234.abc" },
      });
      expect(res.headers.get("x-request-id")).toBe("app-1234.abc");
      expect(((await res.json()) as AssessmentResponse).requestId).toBe("app-1234.abc");
    });
  });

  describe("400 for malformed requests", () => {
    const cases: [string, () => Promise<Response>, RegExp][] = [
      [
        "malformed JSON",
        () =>
          call("/v1/assessments", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: "{ image: ",
          }),
        /JSON/,
      ],
      [
        "JSON with neither a photo nor words",
        () => call("/v1/assessments", json({ lang: "en" })),
        /image.*text/,
      ],
      [
        "JSON words with labels but no photo",
        () => call("/v1/assessments", json({ text: "itchy", labels: ["a rash"] })),
        /labels/,
      ],
      [
        "JSON image that is not base64",
        () => call("/v1/assessments", json({ image: "not base64!!" })),
        /base64/,
      ],
      ["JSON image empty", () => call("/v1/assessments", json({ image: "" })), /image/],
      [
        "multipart with neither a photo nor words",
        () => post(multipart(null, { lang: "en" })),
        /image.*text/,
      ],
      [
        "multipart image as a text field",
        () => {
          const form = new FormData();
          form.append("image", "aGVsbG8=");
          return post(form);
        },
        /image/,
      ],
      [
        "text over 1000 characters",
        async () => post(multipart(await fixture(SKIN), { text: "a".repeat(1001) })),
        /text: at most 1000/,
      ],
      [
        "33 labels",
        async () =>
          post(
            multipart(await fixture(SKIN), { labels: Array.from({ length: 33 }, (_, i) => `label ${i}`) }),
          ),
        /labels: at most 32/,
      ],
      [
        "a label of 201 characters",
        async () =>
          call("/v1/assessments", json({ image: base64(await fixture(SKIN)), labels: ["x".repeat(201)] })),
        /labels\.0: each label at most 200/,
      ],
      [
        "duplicate labels",
        async () => post(multipart(await fixture(SKIN), { labels: ["a", "a"] })),
        /distinct/,
      ],
      ["an unknown language", async () => post(multipart(await fixture(SKIN), { lang: "fr" })), /lang/],
      [
        "answers that are not JSON",
        async () => post(multipart(await fixture(SKIN), { answers: "{glass_test: yes" })),
        /answers must be a JSON object/,
      ],
      [
        "an answer to an unknown question",
        async () =>
          call("/v1/assessments", json({ image: base64(await fixture(SKIN)), answers: { nonsense: "yes" } })),
        /answers/,
      ],
      [
        "an answer that is not yes, no or unknown",
        async () =>
          call(
            "/v1/assessments",
            json({ image: base64(await fixture(SKIN)), answers: { glass_test: "maybe" } }),
          ),
        /answers/,
      ],
      ["no body at all", () => call("/v1/assessments", { method: "POST" }), /multipart\/form-data/],
      [
        "url-encoded form",
        () => call("/v1/assessments", { method: "POST", body: new URLSearchParams({ image: "x" }) }),
        /image/,
      ],
    ];
    for (const [name, send, detail] of cases) {
      it(name, async () => {
        const problem = await expectProblem(await send(), 400, "invalid-request");
        expect(problem.detail).toMatch(detail);
      });
    }

    it("an empty image file", async () => {
      await expectProblem(await post(multipart(new Uint8Array(0))), 400, "empty-image");
      await expectProblem(await post(multipart(await fixture("empty"))), 400, "empty-image");
    });
  });

  describe("415 for formats we do not read, naming them", () => {
    for (const [file, format] of [
      ["gif", "gif"],
      ["heic", "heic"],
      ["random", "unknown"],
      ["text", "unknown"],
    ] as const) {
      it(`${file} -> ${format}`, async () => {
        const problem = await expectProblem(
          await post(multipart(await fixture(file))),
          415,
          "unsupported-image-format",
        );
        expect(problem.format).toBe(format);
        if (format !== "unknown") expect(problem.detail).toContain(format.toUpperCase());
      });
    }

    it("a body that is neither multipart nor JSON", async () => {
      const res = await call("/v1/assessments", {
        method: "POST",
        headers: { "Content-Type": "image/jpeg" },
        body: await fixture(SKIN),
      });
      await expectProblem(res, 415, "unsupported-media-type");
    });
  });

  it("422 for a truncated JPEG (it claims to be a JPEG but cannot be decoded)", async () => {
    const problem = await expectProblem(
      await post(multipart(await fixture("truncated"))),
      422,
      "image-not-decodable",
    );
    expect(problem.detail).toMatch(/jpeg/i);
  });

  it("413 for an image over the pixel limit, read from its header", async () => {
    const res = await callWith({ MAX_IMAGE_PIXELS: "10000" }, "/v1/assessments", {
      method: "POST",
      body: multipart(photo),
    });
    const problem = await expectProblem(res, 413, "image-too-large");
    expect(problem.detail).toMatch(/10000 pixels/);
  });

  it("503 with Retry-After when the model is missing", async () => {
    const res = await callWith({ MODEL_PREFIX: "models/not-installed" }, "/v1/assessments", {
      method: "POST",
      body: multipart(photo),
    });
    const problem = await expectProblem(res, 503, "model-unavailable");
    expect(res.headers.get("retry-after")).toBe("30");
    expect(problem.reason).toBe("model_missing");
    expect(problem.detail).not.toContain("models/not-installed");
  });

  it("never answers 500 to anything a client sends", async () => {
    const files = ["gif", "empty", "heic", "random", "text", "truncated"] as const;
    const garbage = [
      new Uint8Array([0xff, 0xd8, 0xff]),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "),
    ];
    const images = [...(await Promise.all(files.map(fixture))), ...garbage];
    for (const image of images) {
      for (const res of [
        await post(multipart(image)),
        await call("/v1/assessments", json({ image: base64(image) })),
      ]) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
      }
    }
    for (const body of [
      '{"image": 42}',
      "[]",
      "null",
      '{"image":"AAAA","labels":"x"}',
      '{"image":"AAAA","text":7}',
    ]) {
      const res = await call("/v1/assessments", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
      expect(res.status, body).toBe(400);
    }
  });
});
