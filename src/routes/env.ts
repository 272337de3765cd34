import type { ClipEngine } from "../model/engine";
import type { SpeechService } from "../model/remote/speech-protocol";

/** The Hono environment of the HTTP API: the Worker's bindings and what middleware hands to handlers. */

/** wrangler.toml's bindings, with the tunable vars widened to string and the API_KEYS secret (optional). */
export type Bindings = Omit<
  Env,
  "CORS_ORIGINS" | "MAX_BODY_BYTES" | "MAX_IMAGE_PIXELS" | "RATE_LIMITER" | "OPEN_ACCESS" | "AUTH_FAILURES"
> & {
  /** Comma- or whitespace-separated API keys; unset or empty = /v1 answers 503 unless OPEN_ACCESS. */
  API_KEYS?: string;
  /** "true" = with no API_KEYS, /v1 is open to anyone (npm run dev, tests); anything else = closed. */
  OPEN_ACCESS?: string;
  /** Workers rate-limiting binding counting failed authentications per address. */
  AUTH_FAILURES?: RateLimit;
  /** Origins allowed to call /v1 from a browser, comma-separated, or "*"; empty = no CORS headers. */
  CORS_ORIGINS?: string;
  /** Largest request body, in bytes; default 10 MiB. */
  MAX_BODY_BYTES?: string;
  /** Largest image, in pixels (read from the header before decoding). */
  MAX_IMAGE_PIXELS?: string;
  /** Workers rate-limiting binding; without it nothing is rate limited. */
  RATE_LIMITER?: RateLimit;
};

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
  Bindings: Bindings;
  Variables: {
    requestId: string;
    /** Who is calling, for rate limiting and logs: "key:<sha-256 prefix>" or "ip:<address>". */
    client: string;
    log: RequestLog;
    /** The isolate's engine, opened on first use; the Worker entry (src/workers/api) provides it. */
    engine: () => Promise<ClipEngine>;
    /** The speech Worker (SPEECH binding, Workers RPC); undefined where it is not bound. */
    speech: SpeechService | undefined;
  };
}
