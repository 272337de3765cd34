import { describe, expect, it } from "vitest";
import type { TextEncoderRpc } from "../../src/model/remote/text-encoder";
import { installFreshPackage } from "../support/fresh-package";
import { callWith, expectProblem, fixture, multipart } from "./support";

/**
 * The text Worker down, through the Worker: a catalogue assessment needs no text encoder (the package's
 * precomputed prompts), so it still succeeds, in both languages; only labels never seen before need the
 * text Worker, and they get a 503 with Retry-After, not a 500 and not a hang. The package has a revision
 * of its own, so no text embedding the isolate already holds can stand in for the precomputed ones.
 */
describe("the text Worker down", () => {
  it("catalogue assessments still succeed; new custom labels are 503 text_encoder_unavailable", async () => {
    const prefix = "models/text-worker-down";
    const revision = `text-down-${crypto.randomUUID()}`;
    await installFreshPackage(prefix, revision);
    const calls: string[] = [];
    const down: TextEncoderRpc = {
      embed: (request) => {
        calls.push(request.prompts.join());
        return Promise.reject(new Error("Network connection lost."));
      },
    };
    const photo = await fixture("photo");
    const send = (fields: Record<string, string | string[]>) =>
      callWith({ TEXT_ENCODER: down, MODEL_PREFIX: prefix }, "/v1/assessments", {
        method: "POST",
        body: multipart(photo, fields),
      });

    const words: Record<string, string>[] = [
      {},
      { text: "itchy red patch for 3 days" },
      { text: "很痒，三天了", lang: "zh" },
    ];
    for (const fields of words) {
      const res = await send(fields);
      const text = await res.text();
      expect(res.status, text).toBe(200);
      const body = JSON.parse(text) as { model: { revision: string }; scores: { id: string }[] };
      expect(body.model.revision).toBe(revision);
      expect(body.scores.length).toBeGreaterThan(10);
    }
    expect(calls).toEqual([]);

    const started = Date.now();
    const custom = await send({ labels: [`a photo of a rash ${revision}`, "a photo of normal skin"] });
    const problem = await expectProblem(custom, 503, "model-unavailable");
    expect(problem.reason).toBe("text_encoder_unavailable");
    expect(Number(custom.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The text Worker was asked, and its failure was the answer (it is not a fault on the path by chance).
    expect(calls.length).toBeGreaterThan(0);

    // A catalogue assessment after the failure still succeeds: nothing from it stuck to the engine.
    expect((await send({})).status).toBe(200);
  });
});
