import type { MiddlewareHandler } from "hono";
import { cors as honoCors } from "hono/cors";
import { readConfig } from "../../config/env";
import type { AppEnv } from "../app-env";

/**
 * CORS for browsers calling the API from other origins, configured by the CORS_ORIGINS var:
 * comma-separated origins ("https://app.example,https://admin.example"), or "*" for any. Empty or
 * unset: no CORS headers, so only same-origin pages (the demo page) can call the API from a browser.
 */
export function corsFromEnv(): MiddlewareHandler<AppEnv> {
  let cached: { source: string; handler: MiddlewareHandler | null } | undefined;
  return async function corsFromEnv(c, next) {
    const origins = readConfig(c.env).corsOrigins;
    const source = origins.join(",");
    if (cached?.source !== source) cached = { source, handler: corsFor(origins) };
    if (!cached.handler) return next();
    return cached.handler(c, next);
  };
}

function corsFor(origins: string[]): MiddlewareHandler | null {
  if (origins.length === 0) return null;
  return honoCors({
    origin: origins.includes("*") ? "*" : origins,
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["Authorization", "X-API-Key", "Content-Type", "X-Request-Id", "Accept-Language"],
    exposeHeaders: ["X-Request-Id", "Server-Timing", "Retry-After"],
    maxAge: 600,
  });
}
