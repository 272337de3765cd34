import type { Context, MiddlewareHandler } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { timingSafeEqual } from "hono/utils/buffer";
import { readConfig } from "../../config/env";
import type { AppEnv } from "../app-env";
import { ProblemError } from "../problems";
import { clientNetwork, networkId } from "./client-address";

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="dermedge"' };

// Thrown from hono/bearer-auth's message hooks, so its refusals are problem+json like every other error.
const missing = (): never => {
  throw new ProblemError(
    "unauthorized",
    {
      en: "This API needs a key: send Authorization: Bearer <key> or X-API-Key: <key>.",
      zh: "此接口需要 API 密钥：请用 Authorization: Bearer <key> 或 X-API-Key: <key> 发送。",
    },
    {},
    CHALLENGE,
  );
};
const invalid = (): never => {
  throw new ProblemError(
    "unauthorized",
    { en: "The API key is not valid.", zh: "API 密钥无效。" },
    {},
    CHALLENGE,
  );
};

/** What hono/bearer-auth accepts as a token (RFC 6750's b64token). */
const BEARER_TOKEN = /^[A-Za-z0-9._~+/-]+=*$/;

const sentBearer = (c: Context) => /^Bearer\s/i.test(c.req.header("authorization") ?? "");

/** hono/bearer-auth over the given keys, reading `Authorization: Bearer <key>`, or `X-API-Key: <key>`. */
function keyChecks(keys: string[]): Record<"bearer" | "apiKeyHeader", MiddlewareHandler<AppEnv>> {
  // Every key compared in constant time (hono's timingSafeEqual, as bearerAuth's `token` option does), and
  // without stopping at the first match, so the time taken says nothing about which key (or none) matched.
  const verifyToken = async (token: string) => {
    let ok = false;
    for (const key of keys) ok = (await timingSafeEqual(key, token)) || ok;
    return ok;
  };
  return {
    bearer: bearerAuth({
      verifyToken,
      noAuthenticationHeader: { message: missing },
      // Another scheme (Basic ...) is no key; a Bearer value that cannot be a key is a wrong one.
      invalidAuthenticationHeader: { message: (c: Context) => (sentBearer(c) ? invalid() : missing()) },
      invalidToken: { message: invalid },
    }),
    // One bearerAuth reads one header: a second one reads X-API-Key, which has no "Bearer " prefix.
    apiKeyHeader: bearerAuth({
      verifyToken,
      headerName: "X-API-Key",
      prefix: "",
      invalidAuthenticationHeader: { message: invalid },
      invalidToken: { message: invalid },
    }),
  };
}

let cached: { source: string; keys: string[]; checks: ReturnType<typeof keyChecks> } | undefined;

/** Seconds a client waits after too many failed authentications (the AUTH_FAILURES period). */
const AUTH_FAILURE_RETRY_AFTER_S = 60;

/**
 * API keys from the API_KEYS secret (comma- or whitespace-separated), checked by hono/bearer-auth. Several
 * keys are accepted at once, so a key is rotated by adding the new one, moving clients over, then removing
 * the old one. A key is sent as `Authorization: Bearer <key>` or `X-API-Key: <key>`.
 *
 * With no keys, /v1 answers 503 (auth-not-configured) unless OPEN_ACCESS is "true" (`npm run dev`, tests):
 * then every request is let through and identified by its network (CF-Connecting-IP, which Cloudflare's edge
 * sets itself, normalised; IPv6 by /64) under an HMAC (CLIENT_KEY_SECRET), never the address itself. Failed
 * authentications count per network in AUTH_FAILURES; once over, they answer 429 instead of 401, so keys
 * cannot be guessed at speed.
 */
export function apiKeyAuth(): MiddlewareHandler<AppEnv> {
  return async function apiKeyAuth(c, next) {
    const { apiKeys: keys, openAccess, clientKeySecret } = readConfig(c.env);
    // By value, not by array: each env object is parsed apart (tests make their own), the keys are not.
    const source = keys.join(",");
    if (cached?.source !== source) {
      const unusable = keys.filter((k) => !BEARER_TOKEN.test(k)).length;
      if (unusable > 0) {
        // A bad setting, said once per value; never the keys themselves.
        const msg = `API_KEYS: ${unusable} key(s) hold characters a Bearer token cannot and will never match`;
        console.warn(JSON.stringify({ level: "warn", msg }));
      }
      cached = { source, keys, checks: keyChecks(keys) };
    }
    const network = clientNetwork(c.req.header("cf-connecting-ip"));
    if (cached.keys.length === 0) {
      if (!openAccess) {
        throw new ProblemError("auth-not-configured", {
          en: "The server has no API keys configured; its operator must set API_KEYS (or OPEN_ACCESS for local use).",
          zh: "服务器没有配置 API 密钥：运营方需要设置 API_KEYS（本地使用可设置 OPEN_ACCESS）。",
        });
      }
      c.set("client", `ip:${await networkId(network, clientKeySecret)}`);
      return next();
    }
    const { bearer, apiKeyHeader } = cached.checks;
    const check = !sentBearer(c) && c.req.header("x-api-key")?.trim() ? apiKeyHeader : bearer;
    let authenticated = false;
    try {
      await check(c, async () => {
        authenticated = true;
        c.set("client", `key:${await keyId(c)}`);
        await next();
      });
    } catch (err) {
      if (!authenticated && err instanceof ProblemError && err.slug === "unauthorized")
        await countFailure(c, network);
      throw err;
    }
  };
}

/** Counts a failed authentication for the network; 429 once it is over AUTH_FAILURES' limit. */
async function countFailure(c: Context<AppEnv>, network: string): Promise<void> {
  let allowed = true;
  try {
    ({ success: allowed } = (await c.env.AUTH_FAILURES?.limit({ key: network })) ?? { success: true });
  } catch (err) {
    console.warn(JSON.stringify({ level: "warn", msg: "auth failure limiter failed", error: String(err) }));
  }
  if (!allowed) {
    throw new ProblemError(
      "rate-limited",
      {
        en: `Too many failed authentications; try again in ${AUTH_FAILURE_RETRY_AFTER_S} seconds.`,
        zh: `身份验证失败次数过多，请 ${AUTH_FAILURE_RETRY_AFTER_S} 秒后再试。`,
      },
      {},
      { "Retry-After": String(AUTH_FAILURE_RETRY_AFTER_S) },
    );
  }
}

/** A short, non-reversible name for the key that was accepted: for rate limiting and logs. */
async function keyId(c: Context<AppEnv>): Promise<string> {
  const bearer = c.req.header("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  const key = bearer ?? c.req.header("x-api-key")?.trim() ?? "";
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  return Array.from(digest.subarray(0, 6), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The OpenAPI security requirement of routes behind this middleware (either scheme will do). */
export const API_KEY_SECURITY: Record<string, string[]>[] = [{ bearerAuth: [] }, { apiKeyHeader: [] }];
