/**
 * Every error the HTTP API returns, as RFC 9457 problem details (application/problem+json), made here and
 * nowhere else. Handlers and middleware throw; `onError` turns what was thrown into a response.
 * Details never echo the photo or the patient's words. `title` and `detail` are in the request's language
 * (problem-language.ts); `type`, `status` and the extension members are the same in every language.
 */
import { z } from "@hono/zod-openapi";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AudioError } from "../audio";
import { ImageNotAssessableError, type Lang } from "../clinical";
import { ConfigError } from "../config/env";
import { ImageError } from "../image/types";
import { MemoryBusyError } from "../lib/memory-budget";
import { ModelUnavailableError } from "../model/package/load";
import { VoiceError } from "../service/hear";
import type { AppEnv } from "./app-env";
import { problemLanguage } from "./problem-language";

/** Seconds a client should wait before retrying while the model is unavailable. */
export const MODEL_RETRY_AFTER_S = 30;

/** Human text in each language the API speaks. */
export type Localised = Readonly<Record<Lang, string>>;

/** The stable problem types: `type` is `/problems/<slug>`, resolvable on the API itself. */
export const PROBLEMS = {
  "invalid-request": { status: 400, title: { en: "Malformed request", zh: "请求格式有误" } },
  "empty-image": { status: 400, title: { en: "The image is empty", zh: "图片是空的" } },
  unauthorized: { status: 401, title: { en: "Missing or wrong API key", zh: "API 密钥缺失或错误" } },
  "not-found": { status: 404, title: { en: "Not found", zh: "未找到" } },
  "payload-too-large": { status: 413, title: { en: "Request body too large", zh: "请求内容过大" } },
  "image-too-large": { status: 413, title: { en: "Image too large", zh: "图片太大" } },
  "unsupported-media-type": {
    status: 415,
    title: { en: "Unsupported content type", zh: "不支持的内容类型" },
  },
  "unsupported-image-format": {
    status: 415,
    title: { en: "Unsupported image format", zh: "不支持的图片格式" },
  },
  "image-not-decodable": {
    status: 422,
    title: { en: "The image cannot be decoded", zh: "无法读取这张图片" },
  },
  "image-not-assessable": {
    status: 422,
    title: { en: "The image cannot be assessed", zh: "无法评估这张图片" },
  },
  "empty-audio": { status: 400, title: { en: "The audio is empty", zh: "语音是空的" } },
  "audio-too-long": { status: 413, title: { en: "Voice note too long", zh: "语音太长" } },
  "unsupported-audio-format": {
    status: 415,
    title: { en: "Unsupported audio format", zh: "不支持的语音格式" },
  },
  "audio-not-decodable": {
    status: 422,
    title: { en: "The audio cannot be decoded", zh: "无法读取这段语音" },
  },
  "rate-limited": { status: 429, title: { en: "Too many requests", zh: "请求过于频繁" } },
  "internal-error": { status: 500, title: { en: "Internal error", zh: "服务器内部错误" } },
  "model-unavailable": { status: 503, title: { en: "The model is unavailable", zh: "模型暂时不可用" } },
  "auth-not-configured": { status: 503, title: { en: "No API keys configured", zh: "未配置 API 密钥" } },
  busy: { status: 503, title: { en: "Too busy right now", zh: "服务器繁忙" } },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: Localised }>;

export type ProblemSlug = keyof typeof PROBLEMS;
export const problemType = (slug: ProblemSlug) => `/problems/${slug}`;

/** What each type means, for /problems/{slug} and the docs. */
export const PROBLEM_DESCRIPTIONS: Record<ProblemSlug, string> = {
  "invalid-request":
    "The request could not be understood: malformed JSON or multipart, a missing image, invalid base64, " +
    "an unknown language, or a field over its limit (text 1000 characters, 32 labels of 200 characters).",
  "empty-image": "The image part or field holds no bytes.",
  unauthorized:
    "API keys are configured and the request had none (Authorization: Bearer or X-API-Key) or a wrong one.",
  "not-found": "No such resource.",
  "payload-too-large": "The request body is over the limit (10 MiB by default), counted while it streams in.",
  "image-too-large":
    "The image's header declares more pixels than the configured limit; nothing was decoded.",
  "unsupported-media-type": "The body is neither multipart/form-data nor application/json.",
  "unsupported-image-format":
    "The image is not JPEG, PNG or WebP; the `format` member names what was found (gif, heic, unknown, ...).",
  "image-not-decodable": "The image claims to be JPEG, PNG or WebP but is damaged or truncated.",
  "image-not-assessable": "The image decodes but cannot be assessed at all (e.g. degenerate dimensions).",
  "empty-audio": "The audio part or field holds no bytes, or no samples.",
  "audio-too-long":
    "The voice note lasts longer than the limit (MAX_VOICE_SECONDS of the speech Worker, 90 s by default).",
  "unsupported-audio-format":
    "The audio is not Ogg/Opus, WAV or MP3 (or a kind of them the service cannot read).",
  "audio-not-decodable": "The audio claims to be Ogg/Opus, WAV or MP3 but is damaged or truncated.",
  "rate-limited": "Too many requests for this API key (or address); retry after Retry-After seconds.",
  "internal-error": "A fault on our side; the request id identifies it in the logs.",
  "model-unavailable":
    "The model package is missing, invalid or failed its integrity check; retry after Retry-After seconds.",
  "auth-not-configured":
    "The server has no API keys (API_KEYS) and was not opened on purpose (OPEN_ACCESS): /v1 refuses " +
    "every request rather than run without authentication.",
  busy:
    "The server is decoding as many photos as its memory allows and this one did not fit in time; " +
    "retry after Retry-After seconds.",
};

const slugs = Object.keys(PROBLEMS) as [ProblemSlug, ...ProblemSlug[]];

export const Problem = z
  .object({
    type: z.enum(slugs.map(problemType) as [string, ...string[]]).openapi({
      description: "Stable problem type; GET it for a description.",
    }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z.string().optional(),
    format: z.string().optional().openapi({ description: "unsupported-image-format: what was found." }),
    reason: z
      .string()
      .optional()
      .openapi({
        description:
          "model-unavailable: model_missing, model_invalid, model_integrity, runtime_unsupported, " +
          "text_encoder_unavailable, vision_tail_unavailable or speech_unavailable.",
      }),
  })
  .openapi("Problem");

export type ProblemBody = z.infer<typeof Problem>;

/** OpenAPI response entries for the given problem types. */
export function problemResponses<S extends ProblemSlug>(...list: S[]) {
  const byStatus: Record<number, S[]> = {};
  for (const slug of list) (byStatus[PROBLEMS[slug].status] ??= []).push(slug);
  return Object.fromEntries(
    Object.entries(byStatus).map(([status, group]) => [
      status,
      {
        description: group.map((slug) => `${problemType(slug)}: ${PROBLEMS[slug].title.en}`).join("; "),
        content: { "application/problem+json": { schema: Problem } },
        ...(Number(status) === 429 || Number(status) === 503
          ? {
              headers: {
                "Retry-After": { description: "Seconds to wait", schema: { type: "integer" as const } },
              },
            }
          : {}),
      },
    ]),
  );
}

/** Extension members some problem types carry. */
export interface ProblemMembers {
  format?: string;
  reason?: string;
}

/**
 * Thrown anywhere in the API; `onError` renders it. `detail` is localised where a patient may read it; a
 * plain string is a technical detail for the developer (a field name, a header) and is sent as it is.
 */
export class ProblemError extends Error {
  constructor(
    readonly slug: ProblemSlug,
    readonly detail: string | Localised,
    readonly members: ProblemMembers = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === "string" ? detail : detail.en);
    this.name = "ProblemError";
  }
}

/** The problem for anything thrown: ours, the image decoder's, the model loader's, Hono's, or a bug. */
export function toProblem(err: unknown): ProblemError {
  if (err instanceof ProblemError) return err;
  if (err instanceof ImageError) {
    switch (err.code) {
      case "unsupported_format": {
        const format = err.format ?? "unknown";
        const name = format.toUpperCase();
        const detail =
          format === "unknown"
            ? {
                en: "This file is not an image we recognise: send a JPEG, PNG or WebP photo.",
                zh: "这个文件不是我们能识别的图片。请您发送 JPEG、PNG 或 WebP 格式的照片。",
              }
            : {
                en: `${name} images are not supported: send a JPEG, PNG or WebP photo.`,
                zh: `不支持 ${name} 格式的图片。请您发送 JPEG、PNG 或 WebP 格式的照片。`,
              };
        return new ProblemError("unsupported-image-format", detail, { format });
      }
      case "image_too_large":
        return new ProblemError("image-too-large", {
          en: err.message,
          zh: "这张图片的像素太多，无法处理。请您发送一张较小的照片。",
        });
      case "empty_image":
        return new ProblemError("empty-image", {
          en: "The image has no bytes.",
          zh: "图片文件是空的。请您重新选择照片。",
        });
      case "corrupt_image":
        return new ProblemError("image-not-decodable", {
          en: `The ${err.format ?? "image"} file is damaged or truncated.`,
          zh: "这张照片似乎已损坏或不完整。请您重新发送一次。",
        });
    }
  }
  if (err instanceof AudioError) return audioProblem(err);
  // The photo decoded but its pixels cannot be measured. Any other RangeError (NaN from the model, a bad
  // setting) is ours, and falls through to a 500.
  if (err instanceof ImageNotAssessableError) {
    return new ProblemError("image-not-assessable", {
      en: "The image decodes but is too degenerate to assess.",
      zh: "图片可以打开，但无法评估（例如尺寸异常）。请您重新拍一张照片。",
    });
  }
  if (err instanceof ModelUnavailableError && err.code === "speech_unavailable") {
    return modelUnavailable(err, {
      en: "Voice notes cannot be transcribed right now; try again shortly, or send the words as text.",
      zh: "暂时无法识别语音，请您稍后再试，或者直接打字。",
    });
  }
  if (err instanceof ModelUnavailableError) {
    return modelUnavailable(err, {
      en: "The model cannot be loaded right now; try again shortly.",
      zh: "模型暂时无法加载，请您稍后再试。",
    });
  }
  if (err instanceof MemoryBusyError) {
    return new ProblemError(
      "busy",
      {
        en: "Too many photos are being assessed at once; try again in a moment.",
        zh: "同时评估的照片太多了，请您稍后再试。",
      },
      {},
      { "Retry-After": String(err.retryAfterSeconds) },
    );
  }
  // A var the Worker cannot use (src/config/env.ts): the operator must fix it, so the answer says which.
  if (err instanceof ConfigError) {
    return new ProblemError("internal-error", {
      en: `The server is misconfigured (${err.message}); its operator must fix it.`,
      zh: `服务器配置有误（${err.message}），需要运营方修正。`,
    });
  }
  if (err instanceof HTTPException) {
    if (err.status === 415)
      return new ProblemError("unsupported-media-type", {
        en: "Send multipart/form-data or application/json.",
        zh: "请以 multipart/form-data 或 application/json 格式发送。",
      });
    if (err.status === 413) return new ProblemError("payload-too-large", err.message);
    if (err.status === 401) return new ProblemError("unauthorized", err.message);
    if (err.status < 500)
      return new ProblemError("invalid-request", err.message || "The request is malformed.");
  }
  return new ProblemError("internal-error", {
    en: "Something went wrong on our side.",
    zh: "我们这边出了问题，与您的照片无关。请您稍后再试。",
  });
}

/** A voice note the speech Worker could not take. */
function audioProblem(err: AudioError): ProblemError {
  const limit = err instanceof VoiceError ? err.maxSeconds : undefined;
  switch (err.code) {
    case "empty":
      return new ProblemError("empty-audio", {
        en: "The audio has no sound in it.",
        zh: "这段语音是空的。请您重新录一次。",
      });
    case "too_long":
      return new ProblemError("audio-too-long", {
        en: `The voice note is longer than ${limit ?? "the limit of"} seconds: send a shorter one, or type the words.`,
        zh: `语音超过 ${limit ?? "规定的"} 秒。请您发一段短一些的语音，或者直接打字。`,
      });
    case "unsupported_format":
      return new ProblemError("unsupported-audio-format", {
        en: "This audio format is not supported: send Ogg/Opus (a voice note), WAV or MP3.",
        zh: "不支持这种语音格式。请您发送 Ogg/Opus（语音消息）、WAV 或 MP3。",
      });
    default:
      return new ProblemError("audio-not-decodable", {
        en: "The audio file is damaged or truncated.",
        zh: "这段语音似乎已损坏或不完整。请您重新发送一次。",
      });
  }
}

export function modelUnavailable(err: ModelUnavailableError, detail: string | Localised): ProblemError {
  return new ProblemError(
    "model-unavailable",
    detail,
    { reason: err.code },
    {
      "Retry-After": String(MODEL_RETRY_AFTER_S),
    },
  );
}

export function problemResponse(c: Context<AppEnv>, problem: ProblemError): Response {
  const { status, title } = PROBLEMS[problem.slug];
  const lang = problemLanguage(c);
  const body: ProblemBody = {
    type: problemType(problem.slug),
    title: title[lang],
    status,
    detail: typeof problem.detail === "string" ? problem.detail : problem.detail[lang],
    requestId: c.get("requestId"),
    ...problem.members,
  };
  return c.body(JSON.stringify(body), status, {
    ...problem.headers,
    "Content-Type": "application/problem+json",
    "Cache-Control": "no-store",
  });
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const problem = toProblem(err);
  const log = c.get("log");
  if (log) {
    log.fields = { ...log.fields, problem: problem.slug };
    if (problem.slug === "internal-error") log.error = err;
  }
  return problemResponse(c, problem);
};

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(
    c,
    new ProblemError("not-found", {
      en: `No resource at ${c.req.method} ${new URL(c.req.url).pathname}.`,
      zh: `${c.req.method} ${new URL(c.req.url).pathname} 没有对应的资源。`,
    }),
  );

/** zod-openapi's hook: a request that fails its schema is a 400 naming each field and what is wrong. */
export function validationHook(result: { success: boolean; error?: z.ZodError }): void {
  if (result.success || !result.error) return;
  const detail = result.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
  throw new ProblemError("invalid-request", detail);
}
