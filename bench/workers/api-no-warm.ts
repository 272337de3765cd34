import { WARM_PATH } from "../../src/model/remote/vision-tail-protocol";
import api from "../../src/workers/api/index";

/**
 * The main Worker as it was before the vision tail was woken up on arrival of a photo: its /warm call
 * answers 404 at once (and is ignored), so bench section 4 can measure what the wake-up changes.
 */
type ApiEnv = Parameters<typeof api.fetch>[1] & { VISION_TAIL: Fetcher };

export default {
  fetch(request: Request, env: ApiEnv, ctx: ExecutionContext) {
    const tail = env.VISION_TAIL;
    const noWarm = {
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        new URL(input instanceof Request ? input.url : input).pathname === WARM_PATH
          ? Promise.resolve(new Response(null, { status: 404 }))
          : tail.fetch(input, init),
    } as Fetcher;
    return api.fetch(request, { ...env, VISION_TAIL: noWarm }, ctx);
  },
};
