import { failure } from "../../src/model/remote/rpc";
import type { VisionTailRpc } from "../../src/model/remote/vision-tail";
import api from "../../src/workers/api/index";

/**
 * The main Worker without a photo's warm-up, so bench section 4 can measure what the warm-up changes:
 * handed no execution context, the route starts none (nothing could keep it alive), and the tail's wake-up
 * fails at once. Each isolate then loads what it needs when the request first uses it, one after another.
 */
type ApiEnv = Parameters<typeof api.fetch>[1] & { VISION_TAIL: VisionTailRpc };

export default {
  fetch(request: Request, env: ApiEnv) {
    const tail = env.VISION_TAIL;
    const noWarm: VisionTailRpc = {
      run: (revision, hidden) => tail.run(revision, hidden),
      warm: async () => failure("bad_request", "not woken in this measurement"),
    };
    return api.fetch(request, { ...env, VISION_TAIL: noWarm });
  },
};
