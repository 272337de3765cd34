import type { ClipEngine } from "../model/engine";
import type { SpeechService } from "../model/remote/speech-protocol";

/**
 * The Hono environment of the HTTP API: the Worker's bindings, typed by the generated `Env`
 * (`npm run types`; their vars parsed by src/config/env.ts), and what middleware hands to handlers.
 */

/** Filled in by the middleware and the handlers; the request log reads it. Never holds a photo or text. */
export interface RequestLog {
  /** Server-Timing entries, in milliseconds. */
  timings?: Record<string, number>;
  /** Extra fields for the request's log line (sizes, model revision, problem type). */
  fields?: Record<string, string | number | boolean>;
  /** Strings that must never reach a log line (the patient's text, custom labels). */
  secrets?: string[];
  /** An unexpected error, logged (redacted) with the request. */
  error?: unknown;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** Who is calling, for rate limiting and logs: "key:<sha-256 prefix>" or "ip:<HMAC of the network>". */
    client: string;
    log: RequestLog;
    /** The isolate's engine, opened on first use; the Worker entry (src/workers/api) provides it. */
    engine: () => Promise<ClipEngine>;
    /** The speech Worker (SPEECH binding, Workers RPC); undefined where it is not bound. */
    speech: SpeechService | undefined;
  };
}
