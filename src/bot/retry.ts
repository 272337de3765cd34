/**
 * Retries of Telegram API calls, as a grammY API transformer: a 429 waits out its `retry_after`, a 5xx or a
 * network failure backs off (1 s, 2 s, 4 s), at most `maxRetryAttempts` times. The same policy as
 * @grammyjs/auto-retry, which we cannot use: it is CommonJS and require()s grammY's Node build, which
 * crashes workerd in the tests (segmentation fault on import).
 */
import { HttpError, type Transformer } from "grammy";

export interface RetryOptions {
  maxRetryAttempts: number;
  /** A longer retry_after is not waited for: the call fails (the update runs in waitUntil). */
  maxDelaySeconds: number;
  /** The first backoff after a 5xx or a network failure, doubled each time. */
  initialBackoffSeconds: number;
}

/** `sleep`: how a wait is waited (the bot's runtime: real time in the Worker, a recorder in tests). */
export function retryTelegram(options: RetryOptions, sleep: (ms: number) => Promise<void>): Transformer {
  const pause = (seconds: number) => sleep(seconds * 1000);
  return async (prev, method, payload, signal) => {
    let backoff = options.initialBackoffSeconds;
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= options.maxRetryAttempts;
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, signal);
      } catch (err) {
        if (last || !(err instanceof HttpError) || signal?.aborted) throw err;
        await pause(backoff);
        backoff *= 2;
        continue;
      }
      if (result.ok || last) return result;
      const retryAfter = result.parameters?.retry_after;
      if (typeof retryAfter === "number" && retryAfter <= options.maxDelaySeconds) {
        await pause(retryAfter);
      } else if (result.error_code >= 500) {
        await pause(backoff);
        backoff *= 2;
      } else {
        return result;
      }
    }
  };
}
