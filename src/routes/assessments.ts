/** POST /v1/assessments: a photo and the patient's words in, an assessment out. HTTP only. */
import { createRoute, OpenAPIHono, type RouteConfig, type z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { Answers, Lang } from "../clinical";
import { readConfig } from "../config/env";
import { freeNow } from "../lib/bytes";
import { assessPhoto } from "../service/assess-photo";
import { assessWords } from "../service/assess-words";
import { type Heard, hear } from "../service/hear";
import type { AppEnv } from "./app-env";
import { API_KEY_SECURITY } from "./middleware/auth";
import { bodyLimit } from "./middleware/body-limit";
import { ProblemError, problemResponses, validationHook } from "./problems";
import { AssessmentForm, AssessmentJson, AssessmentResponse } from "./schemas/assessment";

const requestBody = {
  description:
    "The photo with optional words, or the words alone, as multipart/form-data (field `image`, a file) or " +
    "JSON (`image` in base64). The words may be typed (`text`), spoken (`audio`, a voice note), or both. " +
    "Image URLs are not accepted. The body limit (10 MiB by default) is checked " +
    "while it streams in.",
  content: {
    "multipart/form-data": { schema: AssessmentForm },
    "application/json": { schema: AssessmentJson },
  },
};

const routeConfig = {
  method: "post",
  path: "/v1/assessments",
  operationId: "createAssessment",
  tags: ["Assessments"],
  summary: "Assess a photo of skin, with the patient's words",
  description:
    "Ranks the catalogue's conditions (or your own labels) for the photo, combines them with the symptoms " +
    "found in `text` and the `answers` to red-flag questions, and returns a triage level (always, from the " +
    "words alone when the photo cannot be used), advice, and the red-flag `questions` still worth asking. " +
    "Not a diagnosis. A photo that is too dark, blurry or small, or that does not show skin, still gets a 200 " +
    "with `status` poor_photo or not_skin. Words without a photo (`text`, with `answers`) are triaged too: " +
    "`status` no_photo, no findings, `scores` empty and `model` null, and no model is loaded. A voice note " +
    "(`audio`) is transcribed inside the service and read with `text`; the answer's `transcript` says what " +
    "was heard. Neither the photo, the text, the audio nor the transcript is stored or logged; responses are " +
    "never cached.",
  security: API_KEY_SECURITY,
  middleware: [bodyLimit(), multipartBoundary()] as const,
  request: { body: requestBody },
  responses: {
    200: {
      description: "The assessment, the model that made it, and timings.",
      headers: {
        "X-Request-Id": { schema: { type: "string" } },
        "Server-Timing": { schema: { type: "string" }, description: "decode, encode, text, total (ms)." },
        "Cache-Control": { schema: { type: "string", enum: ["no-store"] } },
      },
      content: { "application/json": { schema: AssessmentResponse } },
    },
    ...problemResponses(
      "invalid-request",
      "empty-image",
      "unauthorized",
      "payload-too-large",
      "image-too-large",
      "unsupported-media-type",
      "unsupported-image-format",
      "image-not-decodable",
      "image-not-assessable",
      "empty-audio",
      "audio-too-long",
      "unsupported-audio-format",
      "audio-not-decodable",
      "rate-limited",
      "model-unavailable",
      "busy",
    ),
  },
} satisfies RouteConfig;
// The validators see the body as optional (each runs only for its own content type: with `required`
// both would run on every request); the document registered below says it is required.
const route = createRoute({ ...routeConfig, hide: true });

interface Input {
  /** Absent: the words alone are triaged. */
  image?: Uint8Array;
  text?: string;
  /** A voice note with the patient's words. Never stored or logged. */
  audio?: Uint8Array;
  lang?: Lang;
  labels?: string[];
  answers?: Answers;
  exact?: boolean;
}

export const assessments = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/**
 * A photo has arrived: the model's warm-up starts now (ClipEngine.warm), overlapping the transcription of a
 * voice note and the decoding, and wakes the other Workers the photo will need (the vision tail; the text
 * Worker for a caller's own labels). waitUntil keeps it alive past the answer: a request that ends first
 * (a bad photo) must not strand work that the next one waits on. Without an execution context (a test
 * calling app.request) nothing could keep it alive, so none is started.
 */
function warmForPhoto(c: Context<AppEnv>, ownLabels: boolean): void {
  let ctx: Context["executionCtx"];
  try {
    ctx = c.executionCtx;
  } catch {
    return;
  }
  ctx.waitUntil(
    c.var
      .engine()
      .then((engine) => engine.warm({ photo: true, encoder: ownLabels }))
      .catch(() => undefined), // the request opens the engine itself and reports what failed
  );
}

assessments.openapi(route, async (c) => {
  const input = await readInput(c.req.header("content-type") ?? "", {
    // Each is what its own validator passed (zod-openapi types both as the union of the two).
    json: () => c.req.valid("json") as AssessmentJsonInput,
    form: () => c.req.valid("form") as AssessmentFormInput,
  });
  const log = c.get("log");
  log.secrets = [input.text ?? "", ...(input.labels ?? [])];
  if (input.image) warmForPhoto(c, (input.labels?.length ?? 0) > 0);
  let heard: Heard | undefined;
  let speechMs: number | undefined;
  if (input.audio) {
    const started = Date.now();
    log.fields = { ...log.fields, audioBytes: input.audio.length };
    // VoiceError and ModelUnavailableError are mapped by onError: 400/413/415/422, or 503.
    heard = await hear(c.var.speech, input.audio, input.lang);
    speechMs = Date.now() - started;
    log.secrets.push(heard.text);
    log.timings = { ...log.timings, speech: speechMs };
  }
  const transcript = heard && {
    text: heard.text,
    language: heard.language,
    confidence: { ...heard.confidence, low: heard.lowConfidence },
  };
  const speechTiming = speechMs === undefined ? {} : { speechMs };
  if (!input.image) {
    // Words alone: the triage, questions and advice from them; no model is needed.
    const started = Date.now();
    const assessment = assessWords({
      text: input.text ?? "",
      lang: input.lang ?? heard?.language,
      locale: c.req.header("accept-language"),
      answers: input.answers,
      heard,
    });
    log.fields = { ...log.fields, status: assessment.status };
    return c.json(
      {
        requestId: c.get("requestId"),
        assessment,
        scores: [],
        model: null,
        ...(transcript ? { transcript } : {}),
        timings: { ...speechTiming, totalMs: Date.now() - started },
      },
      200,
      { "Cache-Control": "no-store" },
    );
  }
  const image = input.image;
  log.fields = { ...log.fields, imageBytes: image.length };

  const loading = Date.now();
  const engine = await c.var.engine();
  const modelMs = Date.now() - loading;
  // Errors are mapped by onError (problems.ts): only the photo's own faults are 4xx. The photo's bytes are
  // ours (a copy of the body) and freed once read: 4 concurrent photos' dead copies pushed the isolate over
  // 100 MB as counted (bench section 7).
  const result = await assessPhoto(
    engine,
    {
      ...input,
      lang: input.lang ?? heard?.language,
      image,
      heard,
      locale: c.req.header("accept-language"),
      client: c.var.client,
    },
    { maxPixels: readConfig(c.env).maxImagePixels, exact: input.exact },
  ).finally(() => freeNow(image));
  const { decodeMs, encodeMs, textMs, ...rest } = result.timings;
  // The caller's own labels are cached per client (see PhotoRequest.client); their text timing is left
  // out of Server-Timing and of `timings` as well, so no timing ever says whether a label was seen before.
  const custom = (input.labels?.length ?? 0) > 0;
  log.timings = { model: modelMs, decode: decodeMs, encode: encodeMs, ...(custom ? {} : { text: textMs }) };
  log.fields = { ...log.fields, model: result.model.revision };
  return c.json(
    {
      requestId: c.get("requestId"),
      assessment: result.assessment,
      scores: result.scores,
      model: result.model,
      ...(transcript ? { transcript } : {}),
      timings: { ...speechTiming, ...(custom ? { decodeMs, encodeMs, ...rest } : result.timings) },
    },
    200,
    { "Cache-Control": "no-store" },
  );
});
const { middleware: _, ...documented } = routeConfig;
assessments.openAPIRegistry.registerPath({
  ...documented,
  request: { body: { ...requestBody, required: true } },
});

/**
 * RFC 2046: a boundary is 1 to 70 characters; without one a multipart body cannot be read at all. Other
 * parameters (`charset=utf-8`, which some clients add and RFC 7578 gives no meaning) are dropped: the
 * OpenAPI validator accepts only `multipart/form-data; boundary=...` and would answer 415.
 */
function multipartBoundary(): MiddlewareHandler<AppEnv> {
  return async function multipartBoundary(c, next) {
    const type = c.req.header("content-type") ?? "";
    if (/^\s*multipart\/form-data\s*(;|$)/i.test(type)) {
      const boundary = /;\s*boundary=("?)([^";]*)\1/i.exec(type)?.[2] ?? "";
      if (!/^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/.test(boundary)) {
        throw new ProblemError("invalid-request", {
          en: "multipart/form-data needs a boundary parameter of 1 to 70 characters in its Content-Type.",
          zh: "multipart/form-data 的 Content-Type 需要 1 到 70 个字符的 boundary 参数。",
        });
      }
      const canonical = `multipart/form-data; boundary=${/[ ]/.test(boundary) ? `"${boundary}"` : boundary}`;
      if (type !== canonical) {
        const headers = new Headers(c.req.raw.headers);
        headers.set("content-type", canonical);
        c.req.raw = new Request(c.req.raw, { headers });
      }
    }
    await next();
  };
}

async function readInput(
  contentType: string,
  valid: { json: () => AssessmentJsonInput; form: () => AssessmentFormInput },
): Promise<Input> {
  const essence = contentType.split(";")[0].trim().toLowerCase();
  let input: Input | undefined;
  if (essence === "multipart/form-data" || essence === "application/x-www-form-urlencoded") {
    const { image, audio, text, lang, labels, answers, exact } = valid.form();
    input = {
      image: image && new Uint8Array(await image.arrayBuffer()),
      audio: audio && new Uint8Array(await audio.arrayBuffer()),
      text,
      lang,
      labels,
      answers,
      exact,
    };
  } else if (/^application\/([\w.-]+\+)?json$/.test(essence)) {
    const { image, audio, text, lang, labels, answers, exact } = valid.json();
    input = {
      image: image === undefined ? undefined : decodeBase64(image),
      audio: audio === undefined ? undefined : decodeBase64(audio, "audio"),
      text,
      lang,
      labels,
      answers,
      exact,
    };
  }
  if (input && !input.image) {
    if (!input.text?.trim() && !input.audio)
      throw new ProblemError("invalid-request", {
        en: "Send a photo (`image`), the patient's words (`text` or `audio`), or both.",
        zh: "请发送照片（image）、您的描述（text 或语音 audio），或两者都发送。",
      });
    if (input.labels?.length)
      throw new ProblemError("invalid-request", {
        en: "`labels` rank a photo: send `image` too.",
        zh: "labels 用于给照片排序：请同时发送 image。",
      });
  }
  if (input) return input;
  throw new ProblemError("invalid-request", {
    en: "Send the photo as multipart/form-data (a file in the field `image`) or as JSON with `image` in base64.",
    zh: "请以 multipart/form-data（image 字段为文件）或 JSON（image 为 base64）发送照片。",
  });
}

type AssessmentJsonInput = z.infer<typeof AssessmentJson>;
type AssessmentFormInput = z.infer<typeof AssessmentForm>;

/** Base64 (standard or URL-safe, padding optional, whitespace ignored), or a `data:...;base64,` URL. */
export function decodeBase64(value: string, field = "image"): Uint8Array {
  const payload = value
    .replace(/^data:[\w.+-]+\/[\w.+-]+(;[\w.+-]+=[\w.+-]+)*;base64,/i, "")
    .replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/\-_]*={0,2}$/.test(payload) || payload.length % 4 === 1) {
    throw new ProblemError("invalid-request", {
      en: `${field}: not valid base64.`,
      zh: `${field}：不是有效的 base64。`,
    });
  }
  const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, ""));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
