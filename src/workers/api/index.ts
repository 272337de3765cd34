/** The DermEdge API Worker: mounts the HTTP API's middleware and routes (src/routes) and the Telegram bot. */
import { OpenAPIHono } from "@hono/zod-openapi";
import { secureHeaders } from "hono/secure-headers";
import { telegramBot } from "../../bot";
import { readConfig } from "../../config/env";
import type { SpeechService } from "../../model/remote/speech-protocol";
import type { AppEnv } from "../../routes/app-env";
import { assessments } from "../../routes/assessments";
import { conditions } from "../../routes/conditions";
import { demo } from "../../routes/demo";
import { docs } from "../../routes/docs";
import { health } from "../../routes/health";
import { apiKeyAuth } from "../../routes/middleware/auth";
import { corsFromEnv } from "../../routes/middleware/cors";
import { rateLimit } from "../../routes/middleware/rate-limit";
import { requestIds } from "../../routes/middleware/request-id";
import { requestLog } from "../../routes/middleware/request-log";
import { notFound, onError, validationHook } from "../../routes/problems";
import { telegramWebhook } from "../../routes/telegram";
import { debugRoutes } from "../debug";
import { getEngine } from "./engine";

const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

// nosniff, no framing, no referrer and the rest of Hono's defaults on every answer, errors included; the
// HTML pages add their own Content-Security-Policy (routes/demo.ts, routes/docs.ts).
app.use(secureHeaders({ xFrameOptions: "DENY", overwrite: false }));
app.use(requestIds(), requestLog());
app.use(async (c, next) => {
  // Every var parsed (once per env) before anything else: a bad value answers 500 naming the var.
  readConfig(c.env);
  c.set("engine", () => getEngine(c.env));
  // A service binding to a WorkerEntrypoint: its methods are RPC calls (wrangler types it as a Fetcher).
  c.set("speech", c.env.SPEECH as unknown as SpeechService | undefined);
  await next();
});
app.use("/v1/*", corsFromEnv(), apiKeyAuth(), rateLimit());

app.route("/", health);
app.route("/", conditions);
app.route("/", assessments);
app.route("/", docs(app));
app.route("/", demo);
app.route("/", telegramWebhook(telegramBot)); // 404 without TELEGRAM_BOT_TOKEN
app.route("/debug", debugRoutes); // 404 unless DEBUG_MEMORY is "1"

app.onError(onError);
app.notFound(notFound);

export default app;
// The bot's per-chat Durable Object (wrangler.toml BOT_CHATS) lives in this Worker.
export { ChatState } from "../../bot/chat-state";
