import { beforeAll, describe, expect, it } from "vitest";
import { fuzzRequests } from "../fuzz/requests";
import { call, fixture, installModel, multipart } from "./support";

/**
 * Seeded fuzzing of POST /v1/assessments through the Worker, CI-sized: every request gets a 2xx or 4xx
 * within the time bound, never a 5xx, and a valid request succeeds afterwards. `npm run test:fuzz --
 * --n 10000` runs a big one against `wrangler dev` and prints the counts, latency and memory.
 */
const COUNT = Number(process.env.FUZZ_HTTP_N ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 1);

describe(`API fuzz (${COUNT} requests, seed ${SEED})`, () => {
  let photos: Uint8Array[];
  beforeAll(async () => {
    await installModel();
    photos = await Promise.all((["photo", "photoPng", "photoWebp", "portrait"] as const).map(fixture));
  });

  it("answers every fuzzed request with a 2xx or 4xx, and still works afterwards", async () => {
    const statuses: Record<number, number> = {};
    for (const request of fuzzRequests(photos, COUNT, SEED)) {
      const res = await call("/v1/assessments", {
        method: "POST",
        body: request.body as Uint8Array<ArrayBuffer>,
        headers: { "content-type": request.contentType },
      });
      const body = await res.text();
      expect(res.status, `${request.kind}: ${body.slice(0, 300)}`).toBeLessThan(500);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
    console.log(`API fuzz: ${JSON.stringify(statuses)}`);
    expect(Object.keys(statuses).length).toBeGreaterThan(2); // the fuzz reaches more than one code path
    const res = await call("/v1/assessments", { method: "POST", body: multipart(photos[0]) });
    expect(res.status).toBe(200);
  });
});
