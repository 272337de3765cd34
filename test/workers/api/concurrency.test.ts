import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { base64, call, json, multipart } from "../../routes/support";
import { testImage } from "../../support/host-files";
import { putPackageInR2 } from "../../support/model-package";
import type { TestImage } from "../../support/test-images";

/**
 * 50 concurrent assessments against one isolate (the Worker's default export, in the isolate this file
 * runs in): every one succeeds and gives exactly the answer it gave alone. The package is tiny-labelled,
 * the default prompts' embeddings precomputed as `dermedge model install` leaves them, so the burst
 * measures the request path (parse, decode budget, vision tower, scoring, clinical) and not the text
 * Worker encoding the catalogue once per request.
 */

const PHOTOS: { name: TestImage; file: string }[] = [
  { name: "photo", file: "photo.jpg" },
  { name: "photoPng", file: "photo.png" },
  { name: "photoWebp", file: "photo.webp" },
  { name: "portrait", file: "portrait.jpg" },
  { name: "exif6", file: "exif6.jpg" },
  { name: "scene", file: "scene.png" },
  { name: "tiny", file: "tiny.png" },
];

const WORDS: { text?: string; lang?: string }[] = [
  {},
  { text: "itchy red patch for 3 days", lang: "en" },
  { text: "a mole that has grown and bleeds sometimes" },
  { text: "很痒，三天了", lang: "zh" },
  { text: "腿上红肿疼痛两天了" },
  { text: "painful blisters around my mouth, no fever" },
  { text: "rash after a new medicine, my lips are fine", lang: "en" },
];

const ANSWERS: Record<string, string>[] = [
  { fever: "yes" },
  { glass_test: "no", fever: "no" },
  { airway: "unknown" },
];
const LABELS = [
  ["a photo of a keloid scar on the ear", "a photo of a tattoo on the arm", "a photo of a sunburn"],
  ["a photo of a wart on a finger", "a photo of normal skin"],
];

interface Case {
  photo: (typeof PHOTOS)[number];
  fields: { text?: string; lang?: string; answers?: Record<string, string>; labels?: string[] };
  asJson: boolean;
}

/** 50 distinct requests: every photo with several words, some with answers, some with custom labels. */
function cases(): Case[] {
  return Array.from({ length: 50 }, (_, i) => ({
    photo: PHOTOS[i % PHOTOS.length],
    fields: {
      ...WORDS[Math.floor(i / PHOTOS.length) % WORDS.length],
      ...(i % 4 === 1 ? { answers: ANSWERS[i % ANSWERS.length] } : {}),
      ...(i % 5 === 2 ? { labels: LABELS[i % LABELS.length] } : {}),
    },
    asJson: i % 6 === 5,
  }));
}

function request(c: Case, image: Uint8Array): RequestInit {
  if (c.asJson) return json({ image: base64(image), ...c.fields });
  const { answers, labels, ...rest } = c.fields;
  return {
    method: "POST",
    body: multipart(
      image,
      {
        ...rest,
        ...(labels ? { labels } : {}),
        ...(answers ? { answers: JSON.stringify(answers) } : {}),
      },
      c.photo.file,
    ),
  };
}

/** The answer without what differs between two runs of the same request: its id and timings. */
interface Answer {
  status: number;
  body: unknown;
  totalMs: number;
}

async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  if (res.status !== 200) return { status: res.status, body: text, totalMs: 0 };
  const { requestId, timings, ...body } = JSON.parse(text) as {
    requestId: unknown;
    timings: { totalMs: number };
  };
  expect(requestId).toBeTypeOf("string");
  return { status: res.status, body, totalMs: timings.totalMs };
}

const strip = ({ status, body }: { status: number; body: unknown }) => ({ status, body });

describe("50 concurrent assessments against one isolate", () => {
  const all = cases();
  const images = new Map<TestImage, Uint8Array>();

  beforeAll(async () => {
    await putPackageInR2(env.MODELS, "tiny-labelled", env.MODEL_PREFIX);
    for (const { name } of PHOTOS) images.set(name, await testImage(name));
  });

  const send = (c: Case) =>
    call("/v1/assessments", request(c, images.get(c.photo.name) as Uint8Array)).then(answerOf);

  it("all succeed and equal the sequential answers", async () => {
    const sequentialStarted = Date.now();
    const sequential: Answer[] = [];
    for (const c of all) sequential.push(await send(c));
    const sequentialMs = Date.now() - sequentialStarted;
    for (const [i, answer] of sequential.entries()) {
      expect(answer.status, `request ${i} alone: ${JSON.stringify(answer.body)}`).toBe(200);
    }
    // Different answers (an answer of "no" may change nothing), covering every status the gates give.
    expect(new Set(sequential.map((a) => JSON.stringify(a.body))).size).toBeGreaterThanOrEqual(45);
    const statuses = new Set(
      sequential.map((a) => (a.body as { assessment: { status: string } }).assessment.status),
    );
    expect(statuses.size).toBeGreaterThan(1);

    const concurrentStarted = Date.now();
    const concurrent = await Promise.all(all.map(send));
    const concurrentMs = Date.now() - concurrentStarted;
    console.log(
      `50 assessments: sequential ${sequentialMs} ms, concurrent ${concurrentMs} ms ` +
        `(their own times summed: ${concurrent.reduce((sum, a) => sum + a.totalMs, 0)} ms; ` +
        `statuses ${[...statuses].join(", ")})`,
    );
    expect(concurrent.map((a) => a.status)).toEqual(all.map(() => 200));
    // They did run at once: their own times add up to more than the burst's wall time, which requests
    // taken one after another cannot do (how much more depends on the machine's load, so no factor).
    const summedMs = concurrent.reduce((sum, a) => sum + a.totalMs, 0);
    expect(summedMs).toBeGreaterThan(concurrentMs);
    concurrent.forEach((answer, i) => {
      expect(strip(answer), `request ${i} in the burst`).toEqual(strip(sequential[i]));
    });
  });
});
