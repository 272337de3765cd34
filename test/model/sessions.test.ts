import type { InferenceSession, Tensor } from "onnxruntime-web/wasm";
import { describe, expect, it } from "vitest";
import { cachedSession, SerialSession, sessionKeys } from "../../src/model/sessions";

/** A stand-in ORT session whose runs take `ticks` macrotasks and log when they start and end. */
function fakeSession(log: string[], fail = new Set<string>()) {
  let running = 0;
  return {
    maxConcurrent: 0,
    async run(feeds: Record<string, Tensor>) {
      const name = Object.keys(feeds)[0];
      running++;
      this.maxConcurrent = Math.max(this.maxConcurrent, running);
      log.push(`start ${name}`);
      for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
      log.push(`end ${name}`);
      running--;
      if (fail.has(name)) throw new Error(`${name} failed`);
      return { out: name } as unknown as InferenceSession.OnnxValueMapType;
    },
  };
}

const feeds = (name: string) => ({ [name]: {} as Tensor });

describe("SerialSession", () => {
  it("runs one at a time, in the order called, each caller getting its own result", async () => {
    const log: string[] = [];
    const fake = fakeSession(log);
    const session = new SerialSession(fake as unknown as InferenceSession);
    const results = await Promise.all(["a", "b", "c"].map((n) => session.run(feeds(n))));
    expect(results).toEqual([{ out: "a" }, { out: "b" }, { out: "c" }]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(fake.maxConcurrent).toBe(1);
  });

  it("a failed run rejects its caller only; the queue goes on", async () => {
    const log: string[] = [];
    const session = new SerialSession(fakeSession(log, new Set(["b"])) as unknown as InferenceSession);
    const [a, b, c] = ["a", "b", "c"].map((n) => session.run(feeds(n)));
    await expect(a).resolves.toEqual({ out: "a" });
    await expect(b).rejects.toThrow("b failed");
    await expect(c).resolves.toEqual({ out: "c" });
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });
});

describe("cachedSession", () => {
  it("creates a key's session once for concurrent callers, and tries again after a failed creation", async () => {
    let created = 0;
    const create = async () => {
      created++;
      return fakeSession([]) as unknown as InferenceSession;
    };
    const [a, b] = await Promise.all([
      cachedSession("rev-a/x.onnx", create),
      cachedSession("rev-a/x.onnx", create),
    ]);
    expect(b).toBe(a);
    expect(created).toBe(1);
    expect(sessionKeys()).toContain("rev-a/x.onnx");

    const broken = cachedSession("rev-b/x.onnx", async () => {
      throw new Error("bad model bytes");
    });
    await expect(broken).rejects.toThrow("bad model bytes");
    expect(sessionKeys()).not.toContain("rev-b/x.onnx");
    await expect(cachedSession("rev-b/x.onnx", create)).resolves.toBeInstanceOf(SerialSession);
    expect(created).toBe(2);
  });
});
