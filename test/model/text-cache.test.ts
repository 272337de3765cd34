import { describe, expect, it } from "vitest";
import { TextEmbeddingCache } from "../../src/model/text-cache";

const v = (x: number) => Float32Array.of(x);

describe("TextEmbeddingCache", () => {
  it("keys by revision and exact prompt", () => {
    const cache = new TextEmbeddingCache();
    cache.set("r1", "a rash", v(1));
    expect(cache.get("r1", "a rash")).toEqual(v(1));
    expect(cache.get("r2", "a rash")).toBeUndefined();
    expect(cache.get("r1", "a rash ")).toBeUndefined();
    expect(cache.get("r1", "A rash")).toBeUndefined();
    // The separator keeps (revision, prompt) pairs apart even when their concatenations agree.
    cache.set("r1a", "b", v(2));
    cache.set("r1", "ab", v(3));
    expect([cache.get("r1a", "b"), cache.get("r1", "ab")]).toEqual([v(2), v(3)]);
  });

  it("keeps each scope's entries apart from every other's and from the shared ones", () => {
    const cache = new TextEmbeddingCache();
    cache.set("r", "my label", v(1), "key:a");
    expect(cache.get("r", "my label", "key:a")).toEqual(v(1));
    expect(cache.get("r", "my label", "key:b")).toBeUndefined();
    expect(cache.get("r", "my label")).toBeUndefined();
    cache.set("r", "a rash", v(2));
    expect(cache.get("r", "a rash", "key:a")).toBeUndefined();
    // The separators keep (scope, prompt) pairs apart even when their concatenations agree.
    cache.set("r", "b", v(3), "key:a\u0000");
    expect(cache.get("r", "\u0000b", "key:a")).toBeUndefined();
  });

  it("drops the least recently used entry over capacity; a read counts as a use", () => {
    const cache = new TextEmbeddingCache(2);
    cache.set("r", "a", v(1));
    cache.set("r", "b", v(2));
    expect(cache.get("r", "a")).toEqual(v(1)); // a is now the most recent
    cache.set("r", "c", v(3));
    expect(cache.size).toBe(2);
    expect(cache.get("r", "b")).toBeUndefined();
    expect([cache.get("r", "a"), cache.get("r", "c")]).toEqual([v(1), v(3)]);
  });

  it("replaces an entry without growing, and the replacement counts as a use", () => {
    const cache = new TextEmbeddingCache(2);
    cache.set("r", "a", v(1));
    cache.set("r", "b", v(2));
    cache.set("r", "a", v(9));
    expect(cache.size).toBe(2);
    cache.set("r", "c", v(3));
    expect(cache.get("r", "b")).toBeUndefined();
    expect(cache.get("r", "a")).toEqual(v(9));
  });
});
