import { Hono } from "hono";
import { describe, expect, it, vi } from "vitest";
import { readConfig } from "../../../src/config/env";
import type { AppEnv } from "../../../src/routes/app-env";
import { bodyLimit } from "../../../src/routes/middleware/body-limit";
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

/** wrangler.toml's MAX_BODY_BYTES, and the default where it is unset: 10 MiB. */
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

describe("body limit on POST /v1/assessments (413)", () => {
  it("is 10 MiB by default", () => {
    expect(readConfig({}).maxBodyBytes).toBe(DEFAULT_MAX_BODY_BYTES);
    expect(readConfig({ MAX_BODY_BYTES: "" }).maxBodyBytes).toBe(DEFAULT_MAX_BODY_BYTES);
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

  it("hands an unread body back once answered, so the runtime can drain it (a 415 never reads it)", async () => {
    const unread = new Hono<AppEnv>()
      .post("/", bodyLimit({ maxBytes: 100_000 }), (c) => c.text("not read", 415))
      .onError(onError);
    const request = new Request("http://dermedge.test/", { method: "POST", body: "plain text" });
    expect((await unread.request(request)).status).toBe(415);
    expect(request.body?.locked).toBe(false);
  });
});

describe("a body that ends early (the client dropped the connection mid-upload)", () => {
  /** `prefix`, then the stream errors as a dropped connection does. */
  const breaking = (prefix: Uint8Array) => {
    let sent = false;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new TypeError("Network connection lost."));
        sent = true;
        controller.enqueue(prefix);
      },
    });
  };
  const multipartStart = new TextEncoder().encode(
    '--b0undary\r\nContent-Disposition: form-data; name="image"; filename="p.jpg"\r\n\r\n\xff\xd8\xff\xe0',
  );
  const cases: [string, Record<string, string>, Uint8Array][] = [
    ["multipart, chunked", { "Content-Type": "multipart/form-data; boundary=b0undary" }, multipartStart],
    [
      "multipart with a Content-Length",
      { "Content-Type": "multipart/form-data; boundary=b0undary", "Content-Length": "100000" },
      multipartStart,
    ],
    [
      "JSON, chunked",
      { "Content-Type": "application/json" },
      new TextEncoder().encode('{"image": "/9j/4AAQ'),
    ],
    [
      "JSON with a Content-Length",
      { "Content-Type": "application/json", "Content-Length": "100000" },
      new TextEncoder().encode('{"image": "/9j/4AAQ'),
    ],
  ];

  // The Worker's app called in-process (callWith), so its body stream errors as workerd's does when the
  // client goes away; across exports.default.fetch a sender's error arrives as a plain end of the body.
  for (const [name, headers, prefix] of cases) {
    it(`is a 400 logged as a warning without a stack: ${name}`, async () => {
      const lines: string[] = [];
      const spies = (["log", "info", "warn", "error"] as const).map((level) =>
        vi
          .spyOn(console, level)
          .mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))),
      );
      try {
        const res = await callWith({}, "/v1/assessments", {
          method: "POST",
          headers,
          body: breaking(prefix),
        });
        const problem = await expectProblem(res, 400, "invalid-request");
        expect(problem.detail).toMatch(/ended early/);
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      const request = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "request");
      expect(request).toMatchObject({ level: "warn", status: 400, problem: "invalid-request" });
      expect(lines.join("\n")).not.toMatch(/stack|Network connection lost|\bat /);
    });
  }
});
