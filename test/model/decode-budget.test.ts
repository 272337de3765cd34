import { env } from "cloudflare:workers";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { ImageError } from "../../src/image";
import webpWasm from "../../src/image/webp/wasm-worker";
import { MemoryBudget, MemoryBusyError } from "../../src/lib/memory-budget";
import { ClipEngine } from "../../src/model/engine";
import { r2Store } from "../../src/model/package/store";
import { testImage } from "../support/host-files";
import { putPackageInR2 } from "../support/model-package";

const MiB = 2 ** 20;
const PREFIX = "models/decode-budget";

/** The engine as the API Worker opens it: one decode budget shared by all concurrent requests. */
async function engineWith(budget: MemoryBudget): Promise<ClipEngine> {
  return ClipEngine.open(r2Store(env.MODELS, PREFIX), {
    ortWasm,
    webpWasm: async () => webpWasm,
    decodeBudget: budget,
  });
}

describe("the isolate's decode memory budget", () => {
  let worst: Uint8Array[];

  beforeAll(async () => {
    await putPackageInR2(env.MODELS, "tiny", PREFIX);
    worst = await Promise.all(
      (["worstProgressive", "worstWebp", "worstPng"] as const).map((name) => testImage(name)),
    );
  });

  it("8 concurrent worst-case photos: each is decoded or refused as busy, never beyond the budget", async () => {
    const budget = new MemoryBudget(40 * MiB, { maxWaiting: 8, maxWaitMs: 3_000 });
    const engine = await engineWith(budget);
    const photos = Array.from({ length: 8 }, (_, i) => worst[i % worst.length]);
    const results = await Promise.allSettled(photos.map((photo) => engine.embedImage(photo)));
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(MemoryBusyError);
      else expect(result.value.embedding.length).toBe(512);
    }
    const reserved = results.map((r) => (r.status === "fulfilled" ? r.value.reservedBytes : undefined));
    expect(reserved.some((bytes) => bytes !== undefined)).toBe(true);
    // The progressive JPEG (21 MB of coefficients at 1/4 scale) and the lossless WebP (all its pixels)
    // need half the budget or more, so they ran one at a time; the interlaced PNG, reduced as its passes
    // arrive, holds box sums instead of the whole 27 MB image.
    reserved.forEach((bytes, i) => {
      if (bytes === undefined) return;
      if (i % worst.length === 2) expect(bytes).toBeLessThan(10 * MiB);
      else expect(bytes).toBeGreaterThan(20 * MiB);
    });
    expect(budget.usage.peak).toBeGreaterThan(20 * MiB); // the engine did reserve through the budget
    expect(budget.usage.peak).toBeLessThanOrEqual(40 * MiB);
    expect(budget.usage).toMatchObject({ used: 0, waiting: 0 });
    // Nothing is lost: the next photo is decoded.
    expect((await engine.embedImage(worst[0])).embedding.length).toBe(512);
  });

  it("a photo that could never fit, even alone, is refused at once as too large, before decoding", async () => {
    const budget = new MemoryBudget(40 * MiB);
    const engine = await engineWith(budget);
    // The 3000x2000 lossless WebP with its VP8L header saying 4000x3000: even scaled, libwebp would hold
    // 48 MB of ARGB pixels. The header's 32 bits after the 0x2f signature (byte 20): 14 bits width - 1,
    // 14 bits height - 1, then alpha and version.
    const big = worst[1].slice();
    const view = new DataView(big.buffer);
    const bits = view.getUint32(21, true);
    view.setUint32(21, ((bits & 0xf0000000) | (2999 << 14) | 3999) >>> 0, true);
    const error = await engine.embedImage(big).catch((e) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect(error.code).toBe("image_too_large");
    expect(error.message).toMatch(/4000x3000 webp image needs about \d+ MiB, more than the 40 MiB/);
    expect(budget.usage).toMatchObject({ used: 0, peak: 0, waiting: 0 });
  });
});
