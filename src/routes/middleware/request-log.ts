import type { MiddlewareHandler } from "hono";
import type { AppEnv, RequestLog } from "../app-env";

export interface RequestLogOptions {
  /** Where each JSON line goes; console.log by default (Workers Logs / `wrangler tail`). */
  write?: (line: string) => void;
}

/**
 * Adds a Server-Timing header and writes one structured JSON line per request: its id (requestIds runs
 * first), method, path, status, duration, the timings and fields the handler recorded. Never the photo,
 * the text, the query string, an API key or an IP address; an unexpected error's message and stack are
 * logged with the request's secrets (text, labels) redacted. Hand-written rather than hono/timing, which
 * keeps only formatted header strings: the log line needs the numbers.
 */
export function requestLog(options: RequestLogOptions = {}): MiddlewareHandler<AppEnv> {
  const write = options.write ?? ((line: string) => console.log(line));
  return async function requestLog(c, next) {
    const started = Date.now();
    const log: RequestLog = {};
    c.set("log", log);
    await next();
    const totalMs = Date.now() - started;
    const timings = { ...log.timings, total: totalMs };
    c.res.headers.set("Server-Timing", serverTiming(timings));
    const status = c.res.status;
    write(
      JSON.stringify({
        level: status >= 500 ? "error" : status >= 400 ? "warn" : "info",
        msg: "request",
        requestId: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        status,
        durationMs: totalMs,
        ...log.fields,
        timings,
        ...(log.error === undefined ? {} : { error: describeError(log.error, log.secrets ?? []) }),
      }),
    );
  };
}

const DESCRIPTIONS: Record<string, string> = {
  decode: "decode and preprocess (one streamed pass)",
  encode: "image encoder",
  text: "text embeddings",
  model: "model load or wait",
};

/** `name;dur=12;desc="..."`, per https://www.w3.org/TR/server-timing/. */
export function serverTiming(timings: Record<string, number>): string {
  return Object.entries(timings)
    .map(([name, ms]) => {
      const desc = DESCRIPTIONS[name];
      return `${name};dur=${Math.round(ms * 10) / 10}${desc ? `;desc="${desc}"` : ""}`;
    })
    .join(", ");
}

function describeError(
  err: unknown,
  secrets: readonly string[],
): { name: string; message: string; stack?: string } {
  const redact = (s: string) =>
    secrets.filter((x) => x.length > 0).reduce((out, secret) => out.split(secret).join("[redacted]"), s);
  if (err instanceof Error) {
    return { name: err.name, message: redact(err.message), stack: err.stack ? redact(err.stack) : undefined };
  }
  return { name: typeof err, message: "(not an Error)" };
}
