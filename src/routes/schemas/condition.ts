import { z } from "@hono/zod-openapi";
import { TriageLevel } from "./assessment";

export const Condition = z
  .object({
    id: z.string().openapi({ description: "Stable id; findings carry it." }),
    name: z.object({ en: z.string(), zh: z.string() }).openapi({ description: "Localised names." }),
    urgency: TriageLevel.openapi({ description: "What to do when this is the most likely finding." }),
    needsInPersonReview: z.boolean().openapi({
      description: "Must be seen in person whenever it is among the top findings, however low its score.",
    }),
  })
  .openapi("Condition");

export const ConditionList = z
  .object({
    catalogueVersion: z.string(),
    conditions: z.array(Condition),
  })
  .openapi("ConditionList");
