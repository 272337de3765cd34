import { debugRoutes } from "../../src/workers/debug";
import textWorker from "../../src/workers/text/index";

/** The text Worker as it is, plus the memory debug endpoint (its isolate's accounting). */
export default {
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname.startsWith("/debug/")) {
      return debugRoutes.fetch(new Request(request.url.replace("/debug/", "/"), request), env, ctx);
    }
    return textWorker.fetch(request, env);
  },
} satisfies ExportedHandler<Parameters<typeof textWorker.fetch>[1] & { DEBUG_MEMORY: string }>;
