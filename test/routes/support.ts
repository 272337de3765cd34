import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import app from "../../src/workers/api/index";
import { readHostFile, testImage } from "../support/host-files";
import { putPackageInR2 } from "../support/model-package";

/** The tiny model the global setup generates (from the repository alone) is there: model tests can run. */
export const modelAvailable = (await readHostFile("cache", "models/tiny/manifest.json")) !== null;
export const SKIP_MESSAGE = "needs the tiny model made by the global setup";

let installed: Promise<unknown> | undefined;
/**
 * The tiny synthetic package as the active model, once per test file, with its catalogue prompts
 * precomputed as `dermedge model install` leaves a real one: the text Worker encodes only custom labels.
 * (Encoding all 575 catalogue prompts there at a file's first assessment sometimes left workerd spinning
 * in V8's garbage collector, never answering; test/workers/api/text-tower.test.ts covers the text Worker.)
 */
export function installModel(): Promise<unknown> {
  installed ??= putPackageInR2(env.MODELS, "tiny-labelled", env.MODEL_PREFIX);
  return installed;
}

/** A photo or bad input the global setup made (test/support/test-images.ts), so routes run on a bare clone. */
export const fixture = testImage;

let address = 0;
/**
 * A request to the real Worker (its default export, as workerd runs it). Each call comes from its own
 * address, so the rate limiter (60 a minute per address) never interferes with tests about other things.
 */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("cf-connecting-ip")) headers.set("cf-connecting-ip", `198.51.100.${++address % 250}`);
  return exports.default.fetch(new Request(`http://dermedge.test${path}`, { ...init, headers }));
}

/** The same app with other bindings (API keys, CORS origins, another model prefix). */
export async function callWith(
  overrides: Partial<Record<keyof Env, unknown>>,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const bindings = { ...env, ...overrides } as unknown as Env;
  // Its own address too, so failed-authentication limits (10 a minute per address) stay per test.
  const headers = new Headers(init.headers);
  if (!headers.has("cf-connecting-ip")) headers.set("cf-connecting-ip", `203.0.113.${++address % 250}`);
  return app.request(`http://dermedge.test${path}`, { ...init, headers }, bindings);
}

export function multipart(
  image: Uint8Array | null,
  fields: Record<string, string | string[]> = {},
  name = "photo.jpg",
): FormData {
  const form = new FormData();
  if (image) form.append("image", new File([image as Uint8Array<ArrayBuffer>], name));
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  return form;
}

export function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId?: string;
  format?: string;
  reason?: string;
}

/** Asserts an RFC 9457 problem with the given status and type slug, and returns its body. */
export async function expectProblem(res: Response, status: number, slug: string): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.headers.get("cache-control")).toBe("no-store");
  const body = JSON.parse(text) as Problem;
  expect(body).toMatchObject({ type: `/problems/${slug}`, status });
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail.length).toBeGreaterThan(0);
  expect(body.requestId).toBe(res.headers.get("x-request-id"));
  return body;
}
