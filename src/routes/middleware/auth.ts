import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { ProblemError } from "../problems";

/**
 * API keys from the API_KEYS secret (comma- or whitespace-separated). Several keys are accepted at once,
 * so a key is rotated by adding the new one, moving clients over, then removing the old one. With no
 * keys configured (local dev) every request is let through and identified by its address.
 * A key is sent as `Authorization: Bearer <key>` or `X-API-Key: <key>`.
 */
export function apiKeyAuth(): MiddlewareHandler<AppEnv> {
  return async function apiKeyAuth(c, next) {
    const keys = await keyDigests(c.env.API_KEYS ?? "");
    if (keys.length === 0) {
      c.set("client", `ip:${c.req.header("cf-connecting-ip") ?? "unknown"}`);
      return next();
    }
    const presented = bearerToken(c.req.header("authorization")) ?? c.req.header("x-api-key");
    const challenge = { "WWW-Authenticate": 'Bearer realm="dermedge"' };
    if (!presented) {
      throw new ProblemError(
        "unauthorized",
        "This API needs a key: send Authorization: Bearer <key> or X-API-Key: <key>.",
        {},
        challenge,
      );
    }
    const digest = await sha256(presented);
    // Compare with every key, in constant time each, so the timing says nothing about which matched.
    let matched = false;
    for (const key of keys) matched = crypto.subtle.timingSafeEqual(digest, key) || matched;
    if (!matched) throw new ProblemError("unauthorized", "The API key is not valid.", {}, challenge);
    c.set("client", `key:${hex(digest.subarray(0, 6))}`);
    await next();
  };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

let cached: { source: string; digests: Promise<Uint8Array[]> } | undefined;

function keyDigests(source: string): Promise<Uint8Array[]> {
  if (cached?.source !== source) {
    const keys = source.split(/[\s,]+/).filter((k) => k.length > 0);
    cached = { source, digests: Promise.all(keys.map(sha256)) };
  }
  return cached.digests;
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** The OpenAPI security requirement of routes behind this middleware (either scheme will do). */
export const API_KEY_SECURITY: Record<string, string[]>[] = [{ bearerAuth: [] }, { apiKeyHeader: [] }];
