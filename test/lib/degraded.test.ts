import { describe, expect, it, vi } from "vitest";
import { degradedCounts, noteDegraded, orDegraded } from "../../src/lib/degraded";

describe("degradation seen by operators", () => {
  it("logs the first failure of a kind once per isolate, with the error's class only, and counts every one", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      class KvError extends Error {
        override name = "KvError";
      }
      const failing = () => Promise.reject(new KvError("KV GET session:12345 failed: 503"));
      expect(await orDegraded(failing(), "session-read", "fallback")).toBe("fallback");
      expect(await orDegraded(failing(), "session-read", "fallback")).toBe("fallback");
      noteDegraded("dedupe-write", "a string thrown");
      expect(await orDegraded(Promise.resolve("value"), "session-read", "fallback")).toBe("value");

      expect(degradedCounts()).toEqual({ "session-read": 2, "dedupe-write": 1 });
      expect(warn.mock.calls.map((args) => JSON.parse(String(args[0])))).toEqual([
        { event: "degraded", kind: "session-read", error: "KvError" },
        { event: "degraded", kind: "dedupe-write", error: "string" },
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});
