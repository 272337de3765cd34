/** GET /v1/conditions: the catalogue, for apps to render names and urgency. HTTP only. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { CATALOGUE_VERSION, catalogue } from "../clinical";
import type { AppEnv } from "./app-env";
import { API_KEY_SECURITY } from "./middleware/auth";
import { problemResponses, validationHook } from "./problems";
import { ConditionList } from "./schemas/condition";

const route = createRoute({
  method: "get",
  path: "/v1/conditions",
  operationId: "listConditions",
  tags: ["Conditions"],
  summary: "The catalogue of conditions",
  description: "Every condition an assessment can name: its id, names in every language, and urgency.",
  security: API_KEY_SECURITY,
  responses: {
    200: {
      description: "The catalogue; its version is also in every assessment.",
      content: { "application/json": { schema: ConditionList } },
    },
    ...problemResponses("unauthorized", "rate-limited"),
  },
});

const body = {
  catalogueVersion: CATALOGUE_VERSION,
  conditions: catalogue.map(({ id, name, urgency, needsInPersonReview }) => ({
    id,
    name: { en: name.en, zh: name.zh },
    urgency,
    needsInPersonReview,
  })),
};

export const conditions = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, (c) =>
  c.json(body, 200, { "Cache-Control": "private, max-age=3600" }),
);
