import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env";
import { ProblemError } from "../problems";

/** 10 MiB: a phone photo is 2-6 MB, and base64 in JSON adds a third. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface BodyLimitOptions {
  /** Largest body, in bytes; by default the MAX_BODY_BYTES var, or 10 MiB. */
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
    const max = options.maxBytes ?? (Number(c.env.MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES);
    let limit = limits.get(max);
    if (!limit) {
      limit = honoBodyLimit({
        maxSize: max,
        onError: () => {
          throw new ProblemError("payload-too-large", `The request body is over the limit of ${max} bytes.`);
        },
      });
      limits.set(max, limit);
    }
    return limit(c, next);
  };
}
