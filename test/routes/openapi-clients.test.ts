import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "./support";

/**
 * /openapi.json as the tools of a mobile developer read it. The tools run in Node behind the OPENAPI
 * service binding (test/support/openapi-tools.node.ts): Redocly's linter, openapi-typescript and tsc.
 */
const tools = (env as unknown as { OPENAPI: Fetcher }).OPENAPI;

async function tool<T>(path: string, body: unknown): Promise<T> {
  const res = await tools.fetch(`http://validator${path}`, { method: "POST", body: JSON.stringify(body) });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as T;
}

let document: { paths: Record<string, Record<string, { operationId?: string }>> };

beforeAll(async () => {
  document = await (await call("/openapi.json")).json();
});

interface LintProblem {
  ruleId: string;
  message: string;
  location: string[];
}

describe("/openapi.json for client generators", () => {
  it("passes `redocly lint` with the recommended rules: no errors (warnings are reported)", async () => {
    const { errors, warnings } = await tool<{ errors: LintProblem[]; warnings: LintProblem[] }>(
      "/lint",
      document,
    );
    const show = (p: LintProblem) => `${p.ruleId} at ${p.location.join(", ")}: ${p.message}`;
    if (warnings.length > 0)
      console.warn(`redocly lint: ${warnings.length} warnings\n${warnings.map(show).join("\n")}`);
    expect(errors.map(show)).toEqual([]);
  });

  it("names every operation with a stable operationId", () => {
    const ids = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(ids.sort()).toEqual([
      "GET /healthz getHealth",
      "GET /problems/{slug} getProblemType",
      "GET /readyz getReadiness",
      "GET /v1/conditions listConditions",
      "POST /v1/assessments createAssessment",
    ]);
  });

  it("declares this deployment as its server, a licence, and which operations need no key", () => {
    const doc = document as unknown as {
      servers: { url: string }[];
      info: { license?: { name: string } };
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(doc.servers).toEqual([{ url: "/", description: expect.stringContaining("This deployment") }]);
    expect(doc.info.license?.name).toBeTruthy();
    for (const path of ["/healthz", "/readyz", "/problems/{slug}"])
      expect(doc.paths[path].get.security).toEqual([]);
    expect(doc.paths["/v1/assessments"].post.security).toEqual([{ bearerAuth: [] }, { apiKeyHeader: [] }]);
  });

  // A client as openapi-typescript users write one: types from the document, fetch for the call.
  const client = `import type { operations } from "./schema";

type CreateAssessment = operations["createAssessment"];
type Body = CreateAssessment["requestBody"]["content"]["application/json"];
type Answer = CreateAssessment["responses"][200]["content"]["application/json"];
type Problem = CreateAssessment["responses"][422]["content"]["application/problem+json"];

export async function createAssessment(body: Body, key: string): Promise<Answer> {
  const res = await fetch("https://api.dermedge.example/v1/assessments", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: \`Bearer \${key}\` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(((await res.json()) as Problem).detail);
  return (await res.json()) as Answer;
}
`;
  const right = `import { createAssessment } from "./client";

const answer = await createAssessment(
  { image: "iVBORw0KGgo=", text: "itchy for 3 days", lang: "zh", labels: ["a photo of a skin rash"] },
  "key",
);
const score: { id: string; probability: number } | undefined = answer.scores[0];
// Words alone are a valid request.
await createAssessment({ text: "my lips are swelling", answers: { fever: "unknown" } }, "key");
const status: string = answer.assessment.status;
const top: string | undefined = answer.assessment.findings[0]?.name;
export { score, status, top };
`;
  const wrong = `import { createAssessment } from "./client";

await createAssessment({ image: "iVBORw0KGgo=", lang: "fr" }, "key");
await createAssessment({ text: "no photo needed", answers: { fever: "maybe" } }, "key");
`;

  it("generates a typed client (openapi-typescript) that type-checks a call to POST /v1/assessments", async () => {
    const diagnostics = await tool<Record<string, string[]>>("/client", {
      document,
      files: { "client.ts": client, "right.ts": right, "wrong.ts": wrong },
    });
    expect(diagnostics["schema.ts"]).toEqual([]);
    expect(diagnostics["client.ts"]).toEqual([]);
    expect(diagnostics["right.ts"]).toEqual([]);
    // The wrong calls fail to compile: a language the API does not speak, and an answer it does not take.
    expect(diagnostics["wrong.ts"]).toHaveLength(2);
    expect(diagnostics["wrong.ts"][0]).toMatch(/^3: TS2322 .*"fr"/);
    expect(diagnostics["wrong.ts"][1]).toMatch(/^4: TS2322 .*"maybe"/);
  });
});
