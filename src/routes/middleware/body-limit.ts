import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { ProblemError } from "../problems";

/** 10 MiB: a phone photo is 2-6 MB, and base64 in JSON adds a third. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface BodyLimitOptions {
  /** Largest body, in bytes; by default the MAX_BODY_BYTES var, or 10 MiB. */
  maxBytes?: number;
}

const tooLarge = (max: number) =>
  new ProblemError("payload-too-large", `The request body is over the limit of ${max} bytes.`);

/**
 * Refuses bodies over the limit with a 413 without buffering them: a Content-Length over the limit is
 * refused before reading, and a body without one (chunked) is counted as it streams in and abandoned as
 * soon as it passes the limit. A body within the limit is buffered (at most `maxBytes`) for the parsers.
 */
export function bodyLimit(options: BodyLimitOptions = {}): MiddlewareHandler<AppEnv> {
  return async function bodyLimit(c, next) {
    const max = options.maxBytes ?? (Number(c.env.MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES);
    const declared = c.req.header("content-length");
    if (declared !== undefined && Number(declared) > max) throw tooLarge(max);
    const { body } = c.req.raw;
    if (body) {
      const bytes = await readAtMost(body, max);
      if (!bytes) throw tooLarge(max);
      c.req.raw = new Request(c.req.url, { method: c.req.method, headers: c.req.raw.headers, body: bytes });
    }
    await next();
  };
}

/** The stream's bytes, or null as soon as it passes `max` bytes (the rest is cancelled, never read). */
export async function readAtMost(
  stream: ReadableStream<Uint8Array>,
  max: number,
): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel("body over the limit").catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
