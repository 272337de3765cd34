import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TEXT_EMBEDDING_TTL_S } from "../../src/workers/api/text-tower";
import { call, fixture, installModel, modelAvailable, multipart, SKIP_MESSAGE } from "./support";

/** A caller's own labels must not tell another caller they were used before, nor stay in KV for good. */
describe.skipIf(!modelAvailable)(`custom labels and privacy (${modelAvailable ? "" : SKIP_MESSAGE})`, () => {
  let photo: Uint8Array;
  beforeAll(async () => {
    await installModel();
    photo = (await fixture("photo"))!;
  });

  const assess = async (labels?: string[]) => {
    const res = await call("/v1/assessments", {
      method: "POST",
      body: multipart(photo, labels ? { labels } : {}),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { timings: Record<string, number> };
    return { timing: res.headers.get("server-timing") ?? "", timings: body.timings };
  };

  it("leave the text timing out of Server-Timing and `timings`; the catalogue keeps it", async () => {
    const labels = [`a photo of a rare thing ${crypto.randomUUID()}`, "a photo of normal skin"];
    for (const round of [1, 2]) {
      const { timing, timings } = await assess(labels);
      expect(timing, `round ${round}`).not.toMatch(/\btext;/);
      expect(timing).toMatch(/\bdecode;dur=.*\bencode;dur=/);
      expect(timings).not.toHaveProperty("textMs");
      expect(timings).toHaveProperty("encodeMs");
    }
    const catalogue = await assess();
    expect(catalogue.timing).toMatch(/\btext;dur=\d/);
    expect(catalogue.timings).toHaveProperty("textMs");
  });

  it("are written to KV with an expiration (7 days)", async () => {
    const before = Date.now() / 1000;
    await assess([`a photo of something new ${crypto.randomUUID()}`]);
    const { keys } = await env.TEXT_EMBEDDINGS.list({ prefix: "text-embedding/" });
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key.expiration, key.name).toBeDefined();
      expect(key.expiration!).toBeGreaterThan(before + TEXT_EMBEDDING_TTL_S - 120);
      expect(key.expiration!).toBeLessThan(before + TEXT_EMBEDDING_TTL_S + 120);
    }
  });
});
