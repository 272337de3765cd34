import type { MiddlewareHandler } from "hono";
import { requestId } from "hono/request-id";
import type { AppEnv } from "../app-env";

/** A client's X-Request-Id is kept when it is short and plain; otherwise a fresh UUID is used. */
const CLIENT_ID = /^[\w.:-]{1,64}$/;

/**
 * Hono's request id (set as `requestId`, echoed in X-Request-Id). Hono keeps only ids made of [A-Za-z0-9_=-];
 * its generator, called for every other id, also keeps ids with dots and colons, which apps' trace ids
 * often have ("app-1234.abc"), and makes a UUID for anything else.
 */
export function requestIds(): MiddlewareHandler<AppEnv> {
  return requestId({
    limitLength: 64,
    generator: (c) => {
      const incoming = c.req.header("x-request-id");
      return incoming && CLIENT_ID.test(incoming) ? incoming : crypto.randomUUID();
    },
  });
}
