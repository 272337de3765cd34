import { Validator } from "@seriousme/openapi-schema-validator";
import type { ErrorObject } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { redoclyLint, typecheckClient } from "./openapi-tools.node.js";

/**
 * Runs in Node, behind the OPENAPI service binding of the workerd tests (workerd may not compile code from
 * strings, which every JSON Schema validator with compiled schemas needs).
 *   POST /document  body: an OpenAPI document -> {valid, errors}: against the official OpenAPI JSON schema
 *   POST /response  body: {document, path, method, status, contentType, body} -> {valid, errors}: a real
 *                   response's body against the schema the document declares for it
 *   POST /lint      body: an OpenAPI document -> {errors, warnings}: `redocly lint`, recommended rules
 *   POST /client    body: {document, files} -> {file: diagnostics}: openapi-typescript, then tsc on files
 */
export async function openApiValidator(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const input = await request.json();
  if (pathname === "/document") {
    const result = await new Validator().validate(input as Record<string, unknown>);
    return Response.json({ valid: result.valid, errors: result.errors ?? null });
  }
  if (pathname === "/response") return Response.json(validateResponse(input as ResponseCheck));
  try {
    if (pathname === "/lint") return Response.json(await redoclyLint(input));
    if (pathname === "/client") {
      const { document, files } = input as { document: unknown; files: Record<string, string> };
      return Response.json(await typecheckClient(document, files));
    }
  } catch (err) {
    // The tool itself failed (not the document): its output, for the test's failure message.
    return new Response(String((err as { stderr?: string }).stderr || err), { status: 500 });
  }
  return new Response("unknown check", { status: 404 });
}

interface ResponseCheck {
  document: { paths: Record<string, Record<string, { responses: Record<string, Operation> }>> };
  path: string;
  method: string;
  status: number;
  contentType: string;
  body: unknown;
}

interface Operation {
  content?: Record<string, { schema?: unknown }>;
}

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

function validateResponse(check: ResponseCheck): { valid: boolean; errors: string[] } {
  const operation = check.document.paths[check.path]?.[check.method.toLowerCase()];
  if (!operation) return { valid: false, errors: [`no operation ${check.method} ${check.path}`] };
  const response = operation.responses[String(check.status)];
  if (!response)
    return { valid: false, errors: [`${check.method} ${check.path}: status ${check.status} undeclared`] };
  const mediaType = check.contentType.split(";")[0].trim();
  if (!response.content?.[mediaType]) {
    return { valid: false, errors: [`${check.path} ${check.status}: content type ${mediaType} undeclared`] };
  }
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(check.document, "urn:dermedge:openapi");
  const ref = `urn:dermedge:openapi#/${pointer("paths", check.path, check.method.toLowerCase(), "responses", String(check.status), "content", mediaType, "schema")}`;
  const validate = ajv.compile({ $ref: ref });
  const valid = validate(check.body);
  return {
    valid,
    errors: (validate.errors ?? []).map(
      (e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`,
    ),
  };
}
