import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../../src/routes/env";
import { bodyLimit, DEFAULT_MAX_BODY_BYTES } from "../../../src/routes/middleware/body-limit";
import { onError } from "../../../src/routes/problems";
import { call, callWith, expectProblem, fixture, installModel, modelAvailable, multipart } from "../support";

const CHUNK = 64 * 1024;

/** A body of `total` bytes (endless by default), made on demand; `pulled` says how much was read. */
function countingStream(total = Number.POSITIVE_INFINITY) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= total) return controller.close();
        const size = Math.min(CHUNK, total - state.pulled);
        state.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x41));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

describe("body limit on POST /v1/assessments (413)", () => {
  it("is 10 MiB by default", () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(10 * 1024 * 1024);
  });

  it("refuses a Content-Length over the limit before reading the body", async () => {
    const { stream, state } = countingStream(DEFAULT_MAX_BODY_BYTES + 1);
    const res = await call("/v1/assessments", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(DEFAULT_MAX_BODY_BYTES + 1) },
      body: stream,
    });
    const problem = await expectProblem(res, 413, "payload-too-large");
    expect(problem.detail).toContain(String(DEFAULT_MAX_BODY_BYTES));
    expect(state.pulled).toBeLessThanOrEqual(2 * CHUNK);
  });

  it("counts a body without Content-Length as it streams, and stops reading at the limit", async () => {
    const { stream, state } = countingStream();
    const res = await call("/v1/assessments", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      body: stream,
    });
    await expectProblem(res, 413, "payload-too-large");
    expect(state.pulled).toBeGreaterThan(DEFAULT_MAX_BODY_BYTES);
    expect(state.pulled).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES + 4 * CHUNK);
  });

  it("refuses a real 11 MB multipart upload", async () => {
    const res = await call("/v1/assessments", {
      method: "POST",
      body: multipart(new Uint8Array(11_000_000)),
    });
    await expectProblem(res, 413, "payload-too-large");
  });

  it.skipIf(!modelAvailable)("follows MAX_BODY_BYTES", async () => {
    await installModel();
    const photo = await fixture("photo");
    const send = (limit: number) =>
      callWith({ MAX_BODY_BYTES: String(limit) }, "/v1/assessments", {
        method: "POST",
        body: multipart(photo),
      });
    await expectProblem(await send(photo.length), 413, "payload-too-large");
    expect((await send(photo.length + 1000)).status).toBe(200);
  });
});

describe("the body limit middleware (hono/body-limit, answering problem+json)", () => {
  const app = new Hono<AppEnv>()
    .post("/", bodyLimit({ maxBytes: 100_000 }), async (c) =>
      c.text(String((await c.req.arrayBuffer()).byteLength)),
    )
    .onError(onError);

  it("passes a streamed body within the limit on whole, and stops reading one past it", async () => {
    const within = await app.request("/", { method: "POST", body: countingStream(100_000).stream });
    expect(await within.text()).toBe("100000");
    const { stream, state } = countingStream();
    const over = await app.request("/", { method: "POST", body: stream });
    expect(over.status).toBe(413);
    expect(over.headers.get("content-type")).toBe("application/problem+json");
    expect(state.pulled).toBeLessThanOrEqual(100_000 + CHUNK);
  });
});
