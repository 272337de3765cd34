/**
 * POST /telegram/webhook: Telegram's updates for the bot. HTTP only: checks the secret token, answers 200
 * at once and leaves the work to waitUntil, so slow inference never makes Telegram redeliver. Without a
 * bot token the route does not exist (404). The bot itself (src/bot) is handed in by the Worker entry.
 */
import { Hono } from "hono";
import type { ClipEngine } from "../model/engine";
import type { AppEnv } from "./app-env";
import { ProblemError } from "./problems";

/** What the route needs from the bot (src/bot/index.ts). */
export interface WebhookBot {
  webhookSecret(env: Env): string | null;
  handleUpdate(env: Env, update: { update_id: number }, engine: () => Promise<ClipEngine>): Promise<void>;
}

export function telegramWebhook(bot: WebhookBot): Hono<AppEnv> {
  const route = new Hono<AppEnv>();
  route.post("/telegram/webhook", async (c) => {
    const secret = bot.webhookSecret(c.env);
    if (secret === null) return c.notFound();
    const given = c.req.header("x-telegram-bot-api-secret-token") ?? "";
    // An unset secret refuses everything: without one, anyone could post updates in a patient's name.
    if (!secret || !(await sameSecret(given, secret))) {
      throw new ProblemError("unauthorized", "Missing or wrong X-Telegram-Bot-Api-Secret-Token.");
    }
    let update: { update_id?: unknown };
    try {
      update = await c.req.json();
    } catch {
      throw new ProblemError("invalid-request", "The body is not a JSON Telegram update.");
    }
    if (typeof update?.update_id !== "number") {
      throw new ProblemError("invalid-request", "The body is not a Telegram update (no update_id).");
    }
    const log = c.get("log");
    log.fields = { ...log.fields, updateId: update.update_id };
    c.executionCtx.waitUntil(bot.handleUpdate(c.env, update as { update_id: number }, c.var.engine));
    return c.body(null, 200);
  });
  return route;
}

/** Constant time whatever the inputs: both are hashed first, so their lengths leak nothing either. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [a, b] = await Promise.all(
    [given, expected].map((s) => crypto.subtle.digest("SHA-256", encoder.encode(s))),
  );
  return crypto.subtle.timingSafeEqual(a, b);
}
