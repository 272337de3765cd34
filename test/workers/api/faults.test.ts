import { env } from "cloudflare:workers";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ClipEngine } from "../../../src/model/engine";
import type { KvStore } from "../../../src/model/kv-text-cache";
import { splitImageTower } from "../../../src/model/onnx-towers";
import { ModelUnavailableError } from "../../../src/model/package/load";
import { type VisionTailRpc, visionTailClient } from "../../../src/model/remote/vision-tail";
import { call, callWith, expectProblem, multipart } from "../../routes/support";
import { testImage } from "../../support/host-files";
import { hostPackageStore, putPackageInR2, type TestPackage } from "../../support/model-package";

// Faults inside our system, injected by wrapping the real bindings. Each test opens the Worker's engine
// for a prefix of its own (the isolate keeps one engine per prefix, built from the bindings it was opened
// with) and installs the same package as the active one, which the text and vision-tail Workers serve.

async function install(pkg: TestPackage, prefix: string) {
  await putPackageInR2(env.MODELS, pkg, env.MODEL_PREFIX);
  return putPackageInR2(env.MODELS, pkg, prefix);
}

const assess = (overrides: Record<string, unknown>, fields: Record<string, string | string[]> = {}) =>
  testImage("photo").then((photo) =>
    callWith(overrides, "/v1/assessments", { method: "POST", body: multipart(photo, fields) }),
  );

/** KV whose every read and write throws, as a KV outage does. */
function downKv() {
  const calls: string[] = [];
  const kv: KvStore = {
    async get(key) {
      calls.push(`get ${key}`);
      throw new Error("KV GET failed: 503 Service Unavailable");
    },
    async put(key) {
      calls.push(`put ${key}`);
      throw new Error("KV PUT failed: 503 Service Unavailable");
    },
  };
  return { kv, calls };
}

async function scoresOf(res: Response) {
  const body = (await res.json()) as { scores: unknown; assessment: unknown };
  return { scores: body.scores, assessment: body.assessment };
}

describe("KV down: text embeddings are a cache", () => {
  it("catalogue and custom-label assessments still succeed, and give the same answers", async () => {
    const prefix = "models/kv-down";
    // With the catalogue's prompts precomputed, as `dermedge model install` leaves a package: encoding all
    // 575 of them in the text Worker at once is what left workerd spinning in V8's GC (test/routes/support.ts).
    await install("tiny-labelled", prefix);
    const down = downKv();
    const labels = { labels: ["a photo of a keloid scar on the ear", "a photo of a tattoo on the arm"] };

    const catalogue = await assess({ MODEL_PREFIX: prefix, TEXT_EMBEDDINGS: down.kv });
    expect(catalogue.status, await catalogue.clone().text()).toBe(200);
    const custom = await assess({ MODEL_PREFIX: prefix, TEXT_EMBEDDINGS: down.kv }, labels);
    expect(custom.status, await custom.clone().text()).toBe(200);
    // KV was asked (and failed) for the custom labels: the fault was on the path.
    expect(down.calls.some((c) => c.startsWith("get "))).toBe(true);
    expect(down.calls.some((c) => c.startsWith("put "))).toBe(true);

    expect(await scoresOf(catalogue)).toEqual(await scoresOf(await assess({})));
    expect(await scoresOf(custom)).toEqual(await scoresOf(await assess({}, labels)));
  });

  it("operators see it: logged once per kind with the error's class only, and counted in /readyz", async () => {
    const prefix = "models/kv-down-seen";
    await install("tiny-labelled", prefix);
    const degraded = async () =>
      ((await (await call("/readyz")).json()) as { degraded: Record<string, number> }).degraded;
    const before = await degraded();
    const warn = vi.spyOn(console, "warn");
    try {
      const labels = { labels: ["a photo of a freckle on the nose", "a photo of a scar on the knee"] };
      for (let i = 0; i < 2; i++) {
        const down = downKv();
        const res = await assess({ MODEL_PREFIX: prefix, TEXT_EMBEDDINGS: down.kv }, labels);
        expect(res.status).toBe(200);
      }
      const after = await degraded();
      // Two labels read and written per request, two requests: four of each kind.
      expect(after["text-embedding-read"] - (before["text-embedding-read"] ?? 0)).toBe(4);
      expect(after["text-embedding-write"] - (before["text-embedding-write"] ?? 0)).toBe(4);
      const lines = warn.mock.calls.map((args) => String(args[0])).filter((l) => l.includes('"degraded"'));
      // At most one line per kind for the isolate's life (an earlier test may already have logged it).
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) {
        expect(JSON.parse(line)).toEqual({ event: "degraded", kind: expect.any(String), error: "Error" });
        expect(line).not.toMatch(/text-embedding\/|freckle|503/);
      }
    } finally {
      warn.mockRestore();
    }
  });
});

describe("the vision-tail Worker down or slow: 503 within a bound, not a hang", () => {
  const never: VisionTailRpc = { run: () => new Promise(() => {}), warm: () => new Promise(() => {}) };
  const lost = () => Promise.reject(new Error("Network connection lost."));
  const dead: VisionTailRpc = { run: lost, warm: lost };
  /** The real tail (its RPC binding), answering `delayMs` late. */
  const late = (delayMs: number): VisionTailRpc => ({
    async run(revision, hidden) {
      await new Promise((r) => setTimeout(r, delayMs));
      return env.VISION_TAIL.run(revision, hidden);
    },
    warm: (revision) => env.VISION_TAIL.warm(revision),
  });

  let revision: string;
  beforeAll(async () => {
    revision = (await install("tiny-packed", "models/tail-fault")).revision;
    await install("tiny-packed", "models/tail-hung"); // its own engine, made with the hung tail
  });

  async function engineWith(tail: VisionTailRpc, timeoutMs: number) {
    const store = hostPackageStore("tiny-packed", { revision });
    return ClipEngine.open(
      store,
      { ortWasm },
      { image: (context) => splitImageTower(context, visionTailClient(tail, revision, timeoutMs)) },
    );
  }

  for (const [name, tail] of [
    ["never answers", never],
    ["answers after the bound", late(2_000)],
  ] as const) {
    it(`a tail that ${name}: vision_tail_unavailable at the bound`, async () => {
      const engine = await engineWith(tail, 300);
      const photo = await testImage("photo");
      const started = Date.now();
      const error = await engine.embedImage(photo).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelUnavailableError);
      expect((error as ModelUnavailableError).code).toBe("vision_tail_unavailable");
      expect((error as Error).message).toMatch(/within 300 ms/);
      expect(Date.now() - started).toBeLessThan(1_500);
    });
  }

  it("a tail that answers within the bound is used", async () => {
    const engine = await engineWith(late(50), 5_000);
    const { embedding } = await engine.embedImage(await testImage("photo"));
    expect(embedding.length).toBeGreaterThan(0);
  });

  it("through the Worker: a tail that never answers is a 503 with Retry-After at VISION_TAIL_TIMEOUT_MS", async () => {
    const started = Date.now();
    const res = await assess({
      MODEL_PREFIX: "models/tail-hung",
      VISION_TAIL: never,
      VISION_TAIL_TIMEOUT_MS: "400",
    });
    const problem = await expectProblem(res, 503, "model-unavailable");
    expect(problem.reason).toBe("vision_tail_unavailable");
    expect(res.headers.get("retry-after")).toBeTruthy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("through the Worker: a dead tail is a 503 with Retry-After at once", async () => {
    const started = Date.now();
    const res = await assess({ MODEL_PREFIX: "models/tail-fault", VISION_TAIL: dead });
    const problem = await expectProblem(res, 503, "model-unavailable");
    expect(problem.reason).toBe("vision_tail_unavailable");
    expect(res.headers.get("retry-after")).toBeTruthy();
    expect(Date.now() - started).toBeLessThan(20_000); // VISION_TAIL_TIMEOUT_MS in wrangler.toml
  });
});
