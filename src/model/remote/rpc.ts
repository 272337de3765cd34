import { type ModelErrorCode, ModelUnavailableError } from "../package/errors";

/**
 * Workers RPC between the API Worker and the internal Workers (text, vision tail): what every method
 * answers, and the one place where a failure on either side becomes ModelUnavailableError.
 *
 * A thrown error crosses RPC as a plain Error (its class and `code` are lost), so the internal Workers
 * answer every expected failure as a value instead: `{ ok: false, code, message }`.
 */
export type RemoteErrorCode = ModelErrorCode | "bad_request" | "revision_mismatch";

export type RemoteResult<T> = { ok: true; value: T } | { ok: false; code: RemoteErrorCode; message: string };

export const failure = (code: RemoteErrorCode, message: string): RemoteResult<never> => ({
  ok: false,
  code,
  message,
});

export const success = <T>(value: T): RemoteResult<T> => ({ ok: true, value });

/** Server side: runs a method's work, answering a ModelUnavailableError as a failure with its code. */
export async function served<T>(work: () => Promise<RemoteResult<T>>): Promise<RemoteResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ModelUnavailableError) return failure(error.code, error.message);
    throw error;
  }
}

/** Codes the caller keeps as they are: the internal Worker's model package itself is at fault. */
const PACKAGE_CODES: ReadonlySet<RemoteErrorCode> = new Set<ModelErrorCode>([
  "model_missing",
  "model_invalid",
  "model_integrity",
  "runtime_unsupported",
]);

export interface RemoteCall {
  /** The Worker's name, for messages. */
  worker: string;
  /** The code of every failure that is not the upstream's package (unreachable, refused, bad answer). */
  unavailable: ModelErrorCode;
  /** With it, an answer that takes longer is `unavailable`: the caller is not kept on a hung Worker. */
  timeoutMs?: number;
}

/**
 * Client side: makes one RPC call and unwraps its result. A thrown error (the Worker unreachable or
 * crashed), a failure result or a late answer becomes ModelUnavailableError: the upstream's own package
 * code when it sent one, `unavailable` otherwise.
 */
export async function callRemote<T>(
  { worker, unavailable, timeoutMs }: RemoteCall,
  call: () => Promise<RemoteResult<T>>,
): Promise<T> {
  const answer = (async () => {
    let result: RemoteResult<T>;
    try {
      result = await call();
    } catch (error) {
      throw new ModelUnavailableError(unavailable, `cannot reach ${worker}: ${(error as Error).message}`);
    }
    if (result.ok) return result.value;
    const code = PACKAGE_CODES.has(result.code) ? (result.code as ModelErrorCode) : unavailable;
    throw new ModelUnavailableError(code, `${worker} refused (${result.code}): ${result.message}`);
  })();
  if (!timeoutMs) return answer;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ModelUnavailableError(unavailable, `${worker} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
