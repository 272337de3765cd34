import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../../src/routes/app-env";
import { requestIds } from "../../../src/routes/middleware/request-id";
import { requestLog, serverTiming } from "../../../src/routes/middleware/request-log";

function app(lines: string[]) {
  const log = requestLog({ write: (line) => lines.push(line) });
  return new Hono<AppEnv>().use(requestIds(), log).get("/", (c) => {
    c.get("log").timings = { decode: 12.34, encode: 5 };
    return c.text("ok");
  });
}

describe("requestLog", () => {
  it("gives each request an id, or keeps a plain one from the client", async () => {
    const lines: string[] = [];
    const fresh = await app(lines).request("/");
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app(lines).request("/", { headers: { "X-Request-Id": "abc-123" } });
    expect(kept.headers.get("x-request-id")).toBe("abc-123");
    const replaced = await app(lines).request("/", { headers: { "X-Request-Id": "<script>" } });
    expect(replaced.headers.get("x-request-id")).not.toBe("<script>");
    expect(lines.map((l) => JSON.parse(l).requestId)).toEqual(
      [fresh, kept, replaced].map((r) => r.headers.get("x-request-id")),
    );
  });

  it("adds Server-Timing with the handler's timings and the total", async () => {
    const res = await app([]).request("/");
    expect(res.headers.get("server-timing")).toMatch(
      /^decode;dur=12\.3;desc="decode and preprocess \(one streamed pass\)", encode;dur=5;desc="image encoder", total;dur=\d+$/,
    );
  });

  it("formats Server-Timing entries", () => {
    expect(serverTiming({ total: 7, custom: 1.25 })).toBe("total;dur=7, custom;dur=1.3");
  });
});
