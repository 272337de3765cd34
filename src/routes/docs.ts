/** GET /openapi.json (generated from the schemas that validate requests), /docs, /problems/{slug}. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./app-env";
import {
  PROBLEM_DESCRIPTIONS,
  PROBLEMS,
  ProblemError,
  type ProblemSlug,
  problemResponses,
  problemType,
  validationHook,
} from "./problems";
import { SCALAR_SCRIPT } from "./scalar";

export const OPENAPI_INFO = {
  title: "DermEdge API",
  version: "1.0.0",
  description:
    "Preliminary skin checks: send a photo of skin and a few words (or the words alone), get the possible matches from a " +
    "catalogue of skin conditions, a triage level and plain advice. Not a diagnosis. Errors are RFC 9457 " +
    "problem details (application/problem+json).",
  license: { name: "Apache-2.0", identifier: "Apache-2.0" },
};

/** The OpenAPI 3.1 document of everything mounted on `api`, with the API-key schemes. */
export function openApiDocument(api: OpenAPIHono<AppEnv>) {
  api.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An API key (when the server has API_KEYS configured; open otherwise).",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "apiKeyHeader", {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
  });
  // A relative server: clients and the docs page call the origin that served the document. Never the
  // request's Host header, which a caller chooses.
  const servers = [{ url: "/", description: "This deployment (the origin that served this document)" }];
  return api.getOpenAPI31Document({ openapi: "3.1.0", info: OPENAPI_INFO, servers });
}

const problemRoute = createRoute({
  method: "get",
  path: "/problems/{slug}",
  operationId: "getProblemType",
  tags: ["Problems"],
  security: [],
  summary: "What a problem type means",
  request: { params: z.object({ slug: z.string() }) },
  responses: {
    200: {
      description: "The problem type's status, title and description.",
      content: {
        "application/json": {
          schema: z
            .object({ type: z.string(), status: z.number(), title: z.string(), description: z.string() })
            .openapi("ProblemType"),
        },
      },
    },
    ...problemResponses("not-found"),
  },
});

// Scalar reads its configuration from data attributes (no inline script); no fonts from Scalar's servers.
const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>DermEdge API</title></head>
<body>
<script id="api-reference" type="application/json" data-url="/openapi.json" data-configuration='{"withDefaultFonts":false}'></script>
<script src="${SCALAR_SCRIPT.src}" integrity="${SCALAR_SCRIPT.integrity}"></script>
</body>
</html>`;

/**
 * /docs runs a third-party script, so it gets a policy of its own: that script from this origin, the styles
 * it injects, and requests to this origin only (the document, and "try it" calls).
 */
const docsHeaders = secureHeaders({
  xFrameOptions: "DENY",
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'", "data:"],
    imgSrc: ["'self'", "data:", "blob:"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

/** The docs routes for `api`; the document is generated once, on first request. */
export function docs(api: OpenAPIHono<AppEnv>) {
  let document: ReturnType<typeof openApiDocument> | undefined;
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.get("/openapi.json", (c) => {
    document ??= openApiDocument(api);
    return c.json(document);
  });
  // Its script, SCALAR_SCRIPT.src, is a static asset: served (with ETag revalidation) before this Worker runs.
  routes.get("/docs", docsHeaders, (c) => c.html(DOCS_PAGE));
  routes.openapi(problemRoute, (c) => {
    const { slug } = c.req.valid("param");
    if (!Object.hasOwn(PROBLEMS, slug)) throw new ProblemError("not-found", `No problem type ${slug}.`);
    const { status, title } = PROBLEMS[slug as ProblemSlug];
    const description = PROBLEM_DESCRIPTIONS[slug as ProblemSlug];
    return c.json({ type: problemType(slug as ProblemSlug), status, title: title.en, description }, 200);
  });
  return routes;
}
