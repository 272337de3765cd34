import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import { readConfig } from "../../config/env";
import type { AppEnv } from "../app-env";
import { ProblemError } from "../problems";

export interface BodyLimitOptions {
  /** Largest body, in bytes; by default the MAX_BODY_BYTES var (src/config/env.ts). */
  maxBytes?: number;
}

/**
 * Hono's body limit, answering 413 as a problem: a Content-Length over the limit is refused before reading,
 * and a body without one (chunked) is counted as it streams in and refused as soon as it passes the limit.
 * The limit is the MAX_BODY_BYTES var, read per request (one Hono middleware per distinct value).
 */
export function bodyLimit(options: BodyLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const limits = new Map<number, MiddlewareHandler>();
  return async function bodyLimit(c, next) {
    const max = options.maxBytes ?? readConfig(c.env).maxBodyBytes;
    let limit = limits.get(max);
    if (!limit) {
      limit = honoBodyLimit({
        maxSize: max,
        onError: () => {
          throw new ProblemError("payload-too-large", {
            en: `The request body is over the limit of ${max} bytes.`,
            zh: `请求内容超过了 ${max} 字节的上限。`,
          });
        },
      });
      limits.set(max, limit);
    }
    const body = c.req.raw.body;
    if (!body) return limit(c, next);
    const watched = endingEarlyWatched(body);
    c.req.raw = new Request(c.req.raw, { body: watched.body });
    try {
      await limit(c, next);
    } finally {
      watched.release();
      if (watched.endedEarly()) {
        // Whatever the parser made of the cut-off body (a 400, or a 500 with the runtime's error), it is
        // the client's doing: a 400, logged as a warning without a stack.
        const log = c.get("log");
        if (log) log.error = undefined;
        // biome-ignore lint/correctness/noUnsafeFinally: this answer replaces whatever came before
        throw new ProblemError("invalid-request", {
          en: "The request body ended early (connection lost?).",
          zh: "请求内容没有传送完整（连接可能中断了），请您重试。",
        });
      }
    }
  };
}

/**
 * The body, passed through unbuffered; whether reading it failed (the client dropped the connection); and
 * `release`, which hands the original body back once the request is answered, so that the runtime can
 * drain what nobody read (a 415 never reads it; workerd logs an error when it cannot).
 */
function endingEarlyWatched(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  let failed = false;
  const watched = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const chunk = await reader.read();
          if (chunk.done) controller.close();
          else controller.enqueue(chunk.value);
        } catch (err) {
          failed = true;
          controller.error(err);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  const release = () => {
    try {
      reader.releaseLock();
    } catch {
      // Already released, or the stream has ended: nothing to hand back.
    }
  };
  return { body: watched, endedEarly: () => failed, release };
}
