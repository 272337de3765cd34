import { failure } from "../../src/model/remote/rpc";
import type { VisionTailRpc } from "../../src/model/remote/vision-tail";
import api from "../../src/workers/api/index";

/**
 * The main Worker as it was before the vision tail was woken up on arrival of a photo: its warm call
 * fails at once (and is ignored), so bench section 4 can measure what the wake-up changes.
 */
type ApiEnv = Parameters<typeof api.fetch>[1] & { VISION_TAIL: VisionTailRpc };

export default {
  fetch(request: Request, env: ApiEnv, ctx: ExecutionContext) {
    const tail = env.VISION_TAIL;
    const noWarm: VisionTailRpc = {
      run: (revision, hidden) => tail.run(revision, hidden),
      warm: async () => failure("bad_request", "not woken in this measurement"),
    };
    return api.fetch(request, { ...env, VISION_TAIL: noWarm }, ctx);
  },
};
