import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../../src/model/package/load";
import { r2Store } from "../../../src/model/package/store";
import { sessionKeys } from "../../../src/model/sessions";
import { call, expectProblem, installModel, multipart } from "../../routes/support";
import { testImage } from "../../support/host-files";

// A runtime of its own (vitest.config.ts OWN_RUNTIME): the isolates must be cold when the first photo
// arrives, so that its warm-up is still running when its answer has gone.

const labels = { labels: ["a photo of a keloid scar on the ear", "a photo of a tattoo on the arm"] };
const assess = (image: Uint8Array) =>
  call("/v1/assessments", { method: "POST", body: multipart(image, labels) });

describe("a cold start's warm-up", () => {
  it("a bad photo answered at once, while the isolates warm up, does not strand the next photo", async () => {
    await installModel();
    const { revision } = await readManifest(r2Store(env.MODELS, env.MODEL_PREFIX));
    expect(sessionKeys().filter((k) => k.startsWith(revision))).toEqual([]);

    // Not an image: refused before anything is decoded, long before the sessions exist.
    const bad = await assess(new TextEncoder().encode("not an image at all, just words"));
    await expectProblem(bad, 415, "unsupported-image-format");
    // The warm-up had begun (this isolate's vision session; the text Worker woken for the own labels).
    expect(sessionKeys().some((k) => k.startsWith(revision))).toBe(true);

    // It outlived that request (waitUntil): the next photo joins what it made and is answered.
    const good = await assess(await testImage("photo"));
    expect(good.status, await good.clone().text()).toBe(200);
    const body = (await good.json()) as { scores: { id: string }[] };
    expect(body.scores.map((s) => s.id).sort()).toEqual([...labels.labels].sort());
  });
});
