import { Hono } from "hono";
import { readConfig } from "../config/env";
import { memoryReport, resetPeak } from "../model/memory";

/**
 * GET /debug/memory: the isolate's memory accounting (see model/memory.ts), for tests and benchmarks.
 * POST /debug/memory/reset-peak starts a new peak measurement. Answers 404 unless DEBUG_MEMORY is "1":
 * it is off in production.
 */
export const debugRoutes = new Hono<{ Bindings: Pick<Env, "DEBUG_MEMORY"> }>();

debugRoutes.use("*", async (c, next) => {
  if (!readConfig(c.env).debugMemory) return c.notFound();
  await next();
});

debugRoutes.get("/memory", (c) => c.json(memoryReport()));

debugRoutes.post("/memory/reset-peak", (c) => {
  resetPeak();
  return c.json(memoryReport());
});
