import { type ModelErrorCode, ModelUnavailableError } from "../package/load";

/**
 * Worker-to-Worker calls over service bindings, shared by both internal Workers' clients and servers:
 * one fetcher type, one error body, one mapping of every failure to ModelUnavailableError.
 */

/** The part of a service binding a client needs (structural, so model code has no Worker types). */
export interface ServiceFetcher {
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

/** The JSON body both internal Workers answer every error with. */
export interface ServiceErrorBody {
  code: ModelErrorCode | "bad_request" | "revision_mismatch" | "not_found";
  message: string;
}

export function serviceError(status: number, body: ServiceErrorBody): Response {
  return Response.json(body, { status });
}

const MODEL_CODES: readonly string[] = [
  "model_missing",
  "model_invalid",
  "model_integrity",
  "runtime_unsupported",
];

/**
 * Calls an internal Worker and parses its answer. A network error, a non-2xx answer or a body `parse`
 * rejects becomes ModelUnavailableError: the upstream's own model code when it sent one (its package is
 * missing or corrupt), `unavailable` otherwise. With `timeoutMs`, an answer (body included) that takes
 * longer is `unavailable` too: the request is aborted and the caller is not kept waiting on a hung Worker.
 */
export async function callService<T>(
  service: ServiceFetcher,
  url: string,
  init: RequestInit,
  unavailable: ModelErrorCode,
  parse: (response: Response) => Promise<T>,
  timeoutMs?: number,
): Promise<T> {
  const name = new URL(url).hostname;
  if (!timeoutMs) return exchange(service, url, init, unavailable, parse, name);
  const signal = AbortSignal.timeout(timeoutMs);
  // Raced as well as passed on: an upstream that ignores the abort still cannot hold the caller.
  const late = new Promise<never>((_, reject) =>
    signal.addEventListener("abort", () =>
      reject(new ModelUnavailableError(unavailable, `${name} did not answer within ${timeoutMs} ms`)),
    ),
  );
  return Promise.race([exchange(service, url, { ...init, signal }, unavailable, parse, name), late]);
}

async function exchange<T>(
  service: ServiceFetcher,
  url: string,
  init: RequestInit,
  unavailable: ModelErrorCode,
  parse: (response: Response) => Promise<T>,
  name: string,
): Promise<T> {
  let response: Response;
  try {
    response = await service.fetch(url, init);
  } catch (error) {
    throw new ModelUnavailableError(unavailable, `cannot reach ${name}: ${(error as Error).message}`);
  }
  if (!response.ok) {
    const body = await errorBody(response);
    const code = MODEL_CODES.includes(body.code ?? "") ? (body.code as ModelErrorCode) : unavailable;
    throw new ModelUnavailableError(code, `${name} answered ${response.status}: ${body.message}`);
  }
  try {
    return await parse(response);
  } catch (error) {
    throw new ModelUnavailableError(unavailable, `${name} sent a bad answer: ${(error as Error).message}`);
  }
}

/** The error body, or the first 200 characters of whatever else came (a platform error page). */
async function errorBody(response: Response): Promise<{ code?: string; message: string }> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as Partial<ServiceErrorBody>;
    if (typeof body.code === "string" && typeof body.message === "string") return body as ServiceErrorBody;
  } catch {}
  return { message: text.slice(0, 200) };
}
