import { describe, expect, it } from "vitest";
import { PromiseCache } from "../../src/lib/promise-cache";

/** A promise settled from outside, to order events by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("PromiseCache", () => {
  it("makes a key's promise once and shares it with concurrent and later callers", async () => {
    const cache = new PromiseCache<string, number>();
    const pending = deferred<number>();
    let made = 0;
    const make = () => {
      made++;
      return pending.promise;
    };
    const [a, b] = [cache.get("k", make), cache.get("k", make)];
    expect(b).toBe(a);
    pending.resolve(7);
    expect(await Promise.all([a, b, cache.get("k", make)])).toEqual([7, 7, 7]);
    expect(made).toBe(1);
    expect(await cache.get("other", async () => 8)).toBe(8);
    expect(cache.keys()).toEqual(["k", "other"]);
  });

  it("forgets a rejected promise: callers that shared it see the error, the next call makes it anew", async () => {
    const cache = new PromiseCache<string, string>();
    const failing = deferred<string>();
    const first = cache.get("k", () => failing.promise);
    const shared = cache.get("k", async () => "never made");
    failing.reject(new Error("R2 down"));
    await expect(first).rejects.toThrow("R2 down");
    await expect(shared).rejects.toThrow("R2 down");
    expect(cache.keys()).toEqual([]);
    expect(await cache.get("k", async () => "recovered")).toBe("recovered");
    expect(cache.keys()).toEqual(["k"]);
  });

  it("keeps at most `capacity` keys, dropping the oldest first", async () => {
    const cache = new PromiseCache<string, string>(2);
    for (const k of ["a", "b", "c"]) await cache.get(k, async () => k);
    expect(cache.keys()).toEqual(["b", "c"]);
    let made = 0;
    await cache.get("a", async () => `a${++made}`);
    expect(made).toBe(1); // "a" was dropped, so it is made again
    expect(cache.keys()).toEqual(["c", "a"]);
  });

  it("a dropped promise that rejects later does not remove the key's newer promise", async () => {
    const cache = new PromiseCache<string, string>(1);
    const old = deferred<string>();
    const stale = cache.get("model", () => old.promise);
    await cache.get("other", async () => "evicts model");
    const fresh = cache.get("model", async () => "new");
    old.reject(new Error("old failure"));
    await expect(stale).rejects.toThrow("old failure");
    expect(cache.keys()).toEqual(["model"]);
    expect(cache.get("model", async () => "made again")).toBe(fresh);
  });

  it("a caller that joined a failed warm-up tries once more on its own; warm-up callers see the failure", async () => {
    const cache = new PromiseCache<string, string>();
    const warmUp = deferred<string>();
    const warming = cache.get("session", () => warmUp.promise, { warmUp: true });
    const alsoWarming = cache.get("session", async () => "never made", { warmUp: true });
    let made = 0;
    const needed = cache.get("session", async () => `made by the request ${++made}`);
    warmUp.reject(new Error("R2 down during the warm-up"));
    await expect(warming).rejects.toThrow("R2 down");
    await expect(alsoWarming).rejects.toThrow("R2 down");
    expect(await needed).toBe("made by the request 1");
    expect(await cache.get("session", async () => "not made again")).toBe("made by the request 1");
  });
});
