import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { PROBLEMS } from "../../src/routes/problems";
import { SCALAR_SCRIPT } from "../../src/routes/scalar";
import { base64, call, callWith, fixture, installModel, json, multipart } from "./support";

/** The Node-side validator (test/support/openapi-validator.node.ts): workerd cannot compile JSON schemas. */
const validator = (env as unknown as { OPENAPI: Fetcher }).OPENAPI;

interface Document {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { required?: boolean; content: Record<string, unknown> };
        responses: Record<string, unknown>;
      }
    >
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

let document: Document;

async function check(path: string, method: string, res: Response): Promise<void> {
  const body = await res.json();
  const result = (await (
    await validator.fetch("http://validator/response", {
      method: "POST",
      body: JSON.stringify({
        document,
        path,
        method,
        status: res.status,
        contentType: res.headers.get("content-type") ?? "",
        body,
      }),
    })
  ).json()) as { valid: boolean; errors: string[] };
  expect(result.errors, `${method} ${path} ${res.status}`).toEqual([]);
  expect(result.valid).toBe(true);
}

beforeAll(async () => {
  const res = await call("/openapi.json");
  expect(res.status).toBe(200);
  document = (await res.json()) as Document;
});

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document that validates against the official schema", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = (await (
      await validator.fetch("http://validator/document", { method: "POST", body: JSON.stringify(document) })
    ).json()) as { valid: boolean; errors: unknown };
    expect(result.errors).toBeNull();
    expect(result.valid).toBe(true);
  });

  it("describes every endpoint, both request formats and the API-key schemes", () => {
    expect(Object.keys(document.paths).sort()).toEqual(
      ["/healthz", "/problems/{slug}", "/readyz", "/v1/assessments", "/v1/conditions"].sort(),
    );
    const post = document.paths["/v1/assessments"].post;
    expect(post.requestBody?.required).toBe(true);
    expect(Object.keys(post.requestBody?.content ?? {}).sort()).toEqual([
      "application/json",
      "multipart/form-data",
    ]);
    expect(Object.keys(post.responses).sort()).toEqual([
      "200",
      "400",
      "401",
      "413",
      "415",
      "422",
      "429",
      "503",
    ]);
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(["apiKeyHeader", "bearerAuth"]);
  });

  it("enumerates every problem type", () => {
    const problem = document.components.schemas.Problem as { properties: { type: { enum: string[] } } };
    expect(problem.properties.type.enum).toEqual(Object.keys(PROBLEMS).map((slug) => `/problems/${slug}`));
  });
});

describe("real responses match the document", () => {
  it("health, readiness (503), conditions, problem types, 404", async () => {
    await check("/healthz", "get", await call("/healthz"));
    await check("/readyz", "get", await callWith({ MODEL_PREFIX: "models/not-installed" }, "/readyz"));
    await check("/v1/conditions", "get", await call("/v1/conditions"));
    await check("/problems/{slug}", "get", await call("/problems/image-too-large"));
    await check("/problems/{slug}", "get", await call("/problems/no-such-problem"));
  });

  it("401 and 429", async () => {
    const keys = { API_KEYS: "k-1" };
    await check("/v1/conditions", "get", await callWith(keys, "/v1/conditions"));
    await check("/v1/assessments", "post", await callWith(keys, "/v1/assessments", { method: "POST" }));
    const address = { "cf-connecting-ip": "203.0.113.77" };
    let res: Response;
    do res = await call("/v1/conditions", { headers: address });
    while (res.status === 200);
    await check("/v1/conditions", "get", res);
  });

  it("every status of POST /v1/assessments", async () => {
    await installModel();
    const photo = await fixture("photo");
    const path = "/v1/assessments";
    const post = (body: FormData) => call(path, { method: "POST", body });
    const responses = [
      await post(multipart(photo, { text: "itchy for a week, bleeding", lang: "en" })),
      await post(multipart(photo, { labels: ["a photo of a rash", "a photo of a mole"] })),
      await call(path, json({ image: base64(photo), text: "很痒", lang: "zh" })),
      await post(multipart(await fixture("scene"))),
      await post(multipart(await fixture("tiny"))),
      await call(path, json({ text: "no image" })),
      await call(path, json({ lang: "en" })),
      await post(multipart(new Uint8Array(0))),
      await callWith({ MAX_BODY_BYTES: "1000" }, path, { method: "POST", body: multipart(photo) }),
      await callWith({ MAX_IMAGE_PIXELS: "1000" }, path, { method: "POST", body: multipart(photo) }),
      await post(multipart(await fixture("gif"))),
      await call(path, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "hello" }),
      await post(multipart(await fixture("truncated"))),
      await callWith({ MODEL_PREFIX: "models/not-installed" }, path, {
        method: "POST",
        body: multipart(photo),
      }),
    ];
    expect(responses.map((r) => r.status)).toEqual([
      200, 200, 200, 200, 200, 200, 400, 400, 413, 413, 415, 415, 422, 503,
    ]);
    for (const res of responses) await check(path, "post", res);
  });
});

describe("GET /docs", () => {
  it("is an interactive docs page for /openapi.json", async () => {
    const res = await call("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("/openapi.json");
    expect(html).toMatch(/<title>DermEdge API<\/title>/);
    // Scalar's bundle comes from this Worker, pinned to its sha384 (SRI): nothing from another origin.
    expect(html).toContain(`<script src="/docs/scalar.js" integrity="${SCALAR_SCRIPT.integrity}">`);
    expect(html).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(html).not.toMatch(/<script>[^<]/); // no inline script
  });
  // Its script is a static asset, served before the Worker runs: test/node/docs-asset.test.ts.
});

describe("GET /problems/{slug}", () => {
  it("describes a problem type", async () => {
    const res = await call("/problems/unsupported-image-format");
    expect(await res.json()).toMatchObject({
      type: "/problems/unsupported-image-format",
      status: 415,
      title: "Unsupported image format",
    });
  });
});
