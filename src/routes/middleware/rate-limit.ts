import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { ProblemError } from "../problems";

export interface RateLimitOptions {
  /** Retry-After on a 429; the period of the RATE_LIMITER binding in wrangler.toml (60 s). */
  retryAfterSeconds?: number;
}

/**
 * Counts requests per API key (or per address when no keys are configured) with the Workers
 * rate-limiting binding RATE_LIMITER, and answers 429 with Retry-After once a client is over its limit.
 * Runs after authentication. Without the binding, or if it fails, requests are let through.
 */
export function rateLimit(options: RateLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const retryAfter = options.retryAfterSeconds ?? 60;
  return async function rateLimit(c, next) {
    const limiter = c.env.RATE_LIMITER;
    if (limiter) {
      let allowed = true;
      try {
        ({ success: allowed } = await limiter.limit({ key: c.get("client") ?? "unknown" }));
      } catch (err) {
        console.warn(JSON.stringify({ level: "warn", msg: "rate limiter failed", error: String(err) }));
      }
      if (!allowed) {
        throw new ProblemError(
          "rate-limited",
          {
            en: `Too many requests; try again in ${retryAfter} seconds.`,
            zh: `请求过于频繁，请 ${retryAfter} 秒后再试。`,
          },
          {},
          { "Retry-After": String(retryAfter) },
        );
      }
    }
    await next();
  };
}
