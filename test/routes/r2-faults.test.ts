import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sessionKeys } from "../../src/model/sessions";
import { installFreshPackage } from "../support/fresh-package";
import { callWith, expectProblem, fixture, multipart } from "./support";

/**
 * R2 failing while the model loads (not a damaged model: integrity.test.ts): the read throws, as it does
 * when R2 is unavailable, or the object's body fails mid-read. Each is a 503 model-unavailable
 * (model_storage_unavailable) with Retry-After; nothing is cached from the failure (PromiseCache forgets
 * the engine or session whose creation failed), so once R2 answers again the next request succeeds.
 *
 * The same wrapped binding serves every request of a case, as the isolate's one MODELS binding does in
 * production, and R2 comes back by switching the fault off. Each case installs the package under its own
 * prefix and with its own revision, so no engine or session from another case (or test file) is reused.
 */

const VISION = "onnx/vision_model_quantized.onnx";
type Fault = "get" | "body";

/** The real MODELS bucket, whose reads of keys matching `failing` fail while `down` is true. */
function flakyBucket(fault: Fault, failing: (key: string) => boolean) {
  const state = { down: true, failed: [] as string[], reads: [] as string[] };
  const bucket = {
    async get(key: string, options?: R2GetOptions) {
      state.reads.push(key);
      const fails = state.down && failing(key);
      if (fails && fault === "get") {
        state.failed.push(key);
        throw new Error("get: We encountered an internal error. Please try again. (10001)");
      }
      const object = await env.MODELS.get(key, options);
      if (!fails || !object) return object;
      state.failed.push(key);
      // The object was found but its body broke off mid-read (a dropped connection).
      return Object.assign(object, {
        arrayBuffer: () => Promise.reject(new Error("Network connection lost.")),
      });
    },
  } as unknown as R2Bucket;
  return { bucket, state };
}

describe("R2 reads that fail while the model loads", () => {
  const cases: { name: string; fault: Fault; failing: (key: string) => boolean }[] = [
    { name: "R2 down: every read throws", fault: "get", failing: () => true },
    {
      name: "the vision model's read throws (manifest read, engine opened)",
      fault: "get",
      failing: (key) => key.endsWith(VISION),
    },
    { name: "the vision model's body fails mid-read", fault: "body", failing: (key) => key.endsWith(VISION) },
  ];

  cases.forEach(({ name, fault, failing }, i) => {
    it(`${name}: 503 model_storage_unavailable with Retry-After, nothing cached, then recovery`, async () => {
      const prefix = `models/r2-fault-${i}`;
      const revision = `r2-fault-${i}-${crypto.randomUUID()}`;
      await installFreshPackage(prefix, revision);
      const flaky = flakyBucket(fault, failing);
      const photo = await fixture("photo");
      const send = () =>
        callWith({ MODELS: flaky.bucket, MODEL_PREFIX: prefix }, "/v1/assessments", {
          method: "POST",
          body: multipart(photo, { text: "itchy red patch for 3 days" }),
        });
      const visionSession = `${revision}/${VISION}`;

      for (let attempt = 0; attempt < 2; attempt++) {
        const failedBefore = flaky.state.failed.length;
        const res = await send();
        const problem = await expectProblem(res, 503, "model-unavailable");
        expect(problem.reason).toBe("model_storage_unavailable");
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
        // Never the storage's own message or a key: the detail is for the client.
        expect(problem.detail).not.toContain(prefix);
        // R2 was asked again: the failure was not served from a cache.
        expect(flaky.state.failed.length).toBeGreaterThan(failedBefore);
        expect(sessionKeys()).not.toContain(visionSession);
      }

      flaky.state.down = false;
      const readsBefore = flaky.state.reads.length;
      const recovered = await send();
      const text = await recovered.text();
      expect(recovered.status, text).toBe(200);
      const body = JSON.parse(text) as { model: { revision: string }; scores: unknown[] };
      expect(body.model.revision).toBe(revision);
      expect(body.scores.length).toBeGreaterThan(1);
      expect(flaky.state.reads.slice(readsBefore)).toContain(`${prefix}/${VISION}`);
      expect(sessionKeys()).toContain(visionSession);
    });
  });
});
