/** GET /healthz (the process is up) and GET /readyz (the model is loaded or loadable). HTTP only. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { degradedCounts } from "../lib/degraded";
import { ModelUnavailableError } from "../model/package/load";
import type { AppEnv } from "./app-env";
import { modelUnavailable, problemResponses } from "./problems";
import { ModelInfoBody } from "./schemas/assessment";

const healthz = createRoute({
  method: "get",
  path: "/healthz",
  operationId: "getHealth",
  tags: ["Health"],
  security: [],
  summary: "Liveness: the Worker answers",
  responses: {
    200: {
      description: "Up.",
      content: { "application/json": { schema: z.object({ status: z.literal("ok") }).openapi("Health") } },
    },
  },
});

const readyz = createRoute({
  method: "get",
  path: "/readyz",
  operationId: "getReadiness",
  tags: ["Health"],
  security: [],
  summary: "Readiness: the model package is loaded, or loads now",
  description: "Opens the model package (manifest, tokenizer, preprocessor; verified) if not open yet.",
  responses: {
    200: {
      description: "Ready to assess.",
      content: {
        "application/json": {
          schema: z
            .object({
              status: z.literal("ready"),
              model: ModelInfoBody,
              degraded: z
                .record(z.string(), z.number().int())
                .describe(
                  "Failures of the stores this isolate degrades without (chat sessions, update dedupe, the text-embedding cache), per kind, since the isolate started; empty when none failed.",
                )
                .openapi({ example: { "session-read": 3 } }),
            })
            .openapi("Ready"),
        },
      },
    },
    ...problemResponses("model-unavailable"),
  },
});

const noStore = { "Cache-Control": "no-store" };

export const health = new OpenAPIHono<AppEnv>()
  .openapi(healthz, (c) => c.json({ status: "ok" as const }, 200, noStore))
  .openapi(readyz, async (c) => {
    try {
      const engine = await c.var.engine();
      return c.json(
        { status: "ready" as const, model: engine.info, degraded: degradedCounts() },
        200,
        noStore,
      );
    } catch (err) {
      // For operators: the loader's own words (which file, which check).
      if (err instanceof ModelUnavailableError) throw modelUnavailable(err, err.message);
      throw err;
    }
  });
