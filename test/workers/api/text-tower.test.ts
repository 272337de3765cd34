import { env } from "cloudflare:workers";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { beforeAll, describe, expect, it } from "vitest";
import webpWasm from "../../../src/image/webp/wasm-worker";
import { ClipEngine } from "../../../src/model/engine";
import { textEmbeddingKey } from "../../../src/model/kv-text-cache";
import { decodeEmbedding, type LabelEmbeddingsFile } from "../../../src/model/label-embeddings";
import { ModelUnavailableError, sha256Hex } from "../../../src/model/package/load";
import { r2Store } from "../../../src/model/package/store";
import type { TextEncoderRpc } from "../../../src/model/remote/text-encoder";
import { assessPhoto } from "../../../src/service/assess-photo";
import { defaultPrompts } from "../../../src/service/default-prompts";
import { workerTextTower } from "../../../src/workers/api/text-tower";
import { requireHostFile, testImage } from "../../support/host-files";
import { putPackageInR2 } from "../../support/model-package";

/** The real TEXT_ENCODER binding (the text Worker, wrangler.text.toml), counting the calls made through it. */
function countingEncoder() {
  const calls: string[][] = [];
  const scopes: (string | undefined)[] = [];
  const service: TextEncoderRpc = {
    embed(request) {
      calls.push(request.prompts);
      scopes.push(request.scope);
      return env.TEXT_ENCODER.embed(request);
    },
  };
  return { service, calls, scopes };
}

/** The text Worker down: its binding fails as a service binding to a dead Worker does. */
const downEncoder: TextEncoderRpc = {
  embed: () => Promise.reject(new Error("Network connection lost.")),
};

const embed = (service: TextEncoderRpc, revision: string, prompts: string[], scope?: string) =>
  workerTextTower({ TEXT_EMBEDDINGS: env.TEXT_EMBEDDINGS, TEXT_ENCODER: service })({
    store: r2Store(env.MODELS, "models/active"),
    manifest: { revision, files: [] } as never,
    ortWasm,
  }).encode(prompts, scope);

// Caller labels: not among the precomputed default prompts, so they go to KV and the text Worker.
const own = ["a photo of a keloid scar on the ear", "a photo of a tattoo on the arm", "a photo of a sunburn"];

describe("text tower across Workers: text Worker, KV cache, precomputed labels", () => {
  let revision: string;
  let table: LabelEmbeddingsFile;

  beforeAll(async () => {
    // The text Worker serves the active package; the precomputed table was made in Node at setup.
    revision = (await putPackageInR2(env.MODELS, "tiny-labelled", "models/active")).revision;
    const bytes = await requireHostFile("cache", "models/tiny-labelled/label-embeddings.json");
    table = JSON.parse(new TextDecoder().decode(bytes));
    expect(defaultPrompts()).not.toEqual(expect.arrayContaining([own[0]]));
  });

  it("the text Worker encodes with the same engine code as Node's precompute, and refuses another revision", async () => {
    const prompts = defaultPrompts().slice(0, 3);
    const answer = await env.TEXT_ENCODER.embed({ revision, prompts });
    if (!answer.ok) throw new Error(`the text Worker refused: ${answer.message}`);
    // Typed arrays cross RPC as they are: one Float32Array per prompt, in order.
    expect(answer.value).toHaveLength(prompts.length);
    prompts.forEach((p, i) => {
      const expected = decodeEmbedding(table.embeddings[p]);
      const got = answer.value[i];
      expect(got).toBeInstanceOf(Float32Array);
      expect(got).toHaveLength(expected.length);
      expect(Math.max(...got.map((v, j) => Math.abs(v - expected[j])))).toBeLessThan(1e-5);
    });
    const stale = await env.TEXT_ENCODER.embed({ revision: "some-other-revision", prompts });
    expect(stale).toMatchObject({ ok: false, code: "revision_mismatch" });
  });

  it("caches text embeddings in KV: a second use, from a fresh tower (another isolate), does not call the text Worker", async () => {
    const first = countingEncoder();
    const a = await embed(first.service, revision, own.slice(0, 2));
    expect(first.calls).toEqual([own.slice(0, 2)]);
    const stored = await env.TEXT_EMBEDDINGS.get(await textEmbeddingKey(revision, own[0]), "arrayBuffer");
    expect(Array.from(new Float32Array(stored!))).toEqual(Array.from(a[0]));

    const second = countingEncoder();
    const b = await embed(second.service, revision, own);
    expect(second.calls).toEqual([[own[2]]]); // only the prompt never seen before
    expect(b.slice(0, 2).map((e) => Array.from(e))).toEqual(a.map((e) => Array.from(e)));

    const third = countingEncoder();
    await embed(third.service, revision, [...own].reverse());
    expect(third.calls).toEqual([]);
  });

  it("keeps a client's own prompts in KV for that client alone, under a hashed scope", async () => {
    const label = `a photo of a private label ${crypto.randomUUID()}`;
    const alice = countingEncoder();
    const [mine] = await embed(alice.service, revision, [label], "ip:192.0.2.7");
    expect(alice.calls).toEqual([[label]]);
    // The text Worker caches per scope too; it is told the scope's hash, not the address.
    expect(alice.scopes).toEqual([await sha256Hex(new TextEncoder().encode("ip:192.0.2.7"))]);

    const again = countingEncoder();
    await embed(again.service, revision, [label], "ip:192.0.2.7");
    expect(again.calls).toEqual([]);

    // Another client, or the shared cache, has not seen it: encoded afresh, to the same vector.
    const bob = countingEncoder();
    const [theirs] = await embed(bob.service, revision, [label], "key:0123456789ab");
    expect(bob.calls).toEqual([[label]]);
    expect(Array.from(theirs)).toEqual(Array.from(mine));
    const shared = countingEncoder();
    await embed(shared.service, revision, [label]);
    expect(shared.calls).toEqual([[label]]);

    const { keys } = await env.TEXT_EMBEDDINGS.list({ prefix: `text-embedding/${revision}/scope/` });
    const scoped = await textEmbeddingKey(revision, label, "ip:192.0.2.7");
    expect(keys.map((k) => k.name)).toContain(scoped);
    expect(scoped).toMatch(/^text-embedding\/[^/]+\/scope\/[0-9a-f]{32}\/[0-9a-f]{64}$/);
    expect(keys.map((k) => k.name).join()).not.toMatch(/192\.0\.2\.7|key:/);
  });

  it("with the text Worker down, cached prompts still succeed and only an uncached one fails (503 reason)", async () => {
    await embed(countingEncoder().service, revision, [own[0]]);
    await expect(embed(downEncoder, revision, [own[0]])).resolves.toHaveLength(1);
    const failure = embed(downEncoder, revision, [own[0], "a photo of a wart on a finger"]);
    await expect(failure).rejects.toBeInstanceOf(ModelUnavailableError);
    await expect(failure).rejects.toMatchObject({ code: "text_encoder_unavailable" });
  });

  it("a stale revision is refused by the text Worker and nothing is cached for it", async () => {
    const failure = embed(countingEncoder().service, "stale-revision", ["a photo of a freckle"]);
    await expect(failure).rejects.toMatchObject({ code: "text_encoder_unavailable" });
    const key = await textEmbeddingKey("stale-revision", "a photo of a freckle");
    expect(await env.TEXT_EMBEDDINGS.get(key)).toBeNull();
  });

  it("a default assessment needs no text encoder at all: precomputed labels, text Worker down, no tokenizer", async () => {
    const store = r2Store(env.MODELS, "models/active");
    const read: string[] = [];
    const recording = {
      ...store,
      read(path: string) {
        read.push(path);
        return store.read(path);
      },
    };
    const engine = await ClipEngine.open(
      recording,
      { ortWasm, webpWasm: async () => webpWasm },
      { text: workerTextTower({ TEXT_EMBEDDINGS: env.TEXT_EMBEDDINGS, TEXT_ENCODER: downEncoder }) },
    );
    const photo = await testImage("photo");
    const result = await assessPhoto(engine, { image: photo });
    expect(result.model).toMatchObject({ revision, synthetic: true });
    expect(result.scores.length).toBeGreaterThan(1);
    // The main Worker's text tower is remote: 2 MB of tokenizer JSON would be memory and start-up for nothing.
    expect(read).toContain("preprocessor_config.json");
    expect(read.filter((p) => p.startsWith("tokenizer"))).toEqual([]);
  });
});
