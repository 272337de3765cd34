import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/model/package/load";
import { TEXT_EMBEDDING_TTL_S } from "../../src/workers/api/text-tower";
import { call, callWith, fixture, installModel, multipart } from "./support";

/**
 * A caller's own labels must not tell another caller they were used before (caches are per client and
 * their text timing is left out), nor stay in KV for good.
 */
describe("custom labels and privacy", () => {
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

  it("are cached per API key: another key's first use of the same label is not a cache hit", async () => {
    const label = `a photo of a label only two clients use ${crypto.randomUUID()}`;
    const promptHash = await sha256Hex(new TextEncoder().encode(label));
    const entries = async () => {
      const { keys } = await env.TEXT_EMBEDDINGS.list({ prefix: "text-embedding/" });
      return keys.map((k) => k.name).filter((name) => name.endsWith(`/${promptHash}`));
    };
    const asKey = async (key: string) => {
      const res = await callWith({ API_KEYS: "alpha-key-0001, beta-key-0002" }, "/v1/assessments", {
        method: "POST",
        headers: { authorization: `Bearer ${key}` },
        body: multipart(photo, { labels: [label, "a photo of normal skin"] }),
      });
      expect(res.status).toBe(200);
    };
    await asKey("alpha-key-0001");
    const [alpha] = await entries();
    expect(alpha).toMatch(/\/scope\/[0-9a-f]{32}\//);
    await asKey("alpha-key-0001");
    expect(await entries()).toEqual([alpha]);
    await asKey("beta-key-0002");
    const both = await entries();
    expect(both).toHaveLength(2); // beta's use missed alpha's entry and wrote its own
    expect(both.join()).not.toMatch(/alpha|beta/);
  });

  it("are written to KV with an expiration (7 days)", async () => {
    const label = `a photo of something new ${crypto.randomUUID()}`;
    const promptHash = await sha256Hex(new TextEncoder().encode(label));
    const before = Date.now() / 1000;
    await assess([label]);
    // This label's entry (the bucket is shared with the other files of the run).
    const { keys: all } = await env.TEXT_EMBEDDINGS.list({ prefix: "text-embedding/" });
    const keys = all.filter((key) => key.name.endsWith(`/${promptHash}`));
    expect(keys).toHaveLength(1);
    for (const key of keys) {
      expect(key.expiration, key.name).toBeDefined();
      expect(key.expiration!).toBeGreaterThan(before + TEXT_EMBEDDING_TTL_S - 120);
      expect(key.expiration!).toBeLessThan(before + TEXT_EMBEDDING_TTL_S + 120);
    }
  });
});
