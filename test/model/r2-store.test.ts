import { describe, expect, it } from "vitest";
import { decodeJsonAscii, readJson, sha256Hex } from "../../src/model/package/load";
import { type ModelStore, type R2Reader, r2Store } from "../../src/model/package/store";

/** An in-memory bucket of one object that records each ranged read as it is asked for. */
function bucket(bytes: Uint8Array) {
  const asked: number[] = [];
  const reader: R2Reader = {
    async get(_key, options) {
      const { offset, length } = options?.range ?? { offset: 0, length: bytes.length };
      asked.push(offset);
      const slice = bytes.slice(offset, offset + length);
      return { size: bytes.length, arrayBuffer: async () => slice.buffer };
    },
  };
  return { reader, asked };
}

describe("r2Store's stream", () => {
  it("has the next range on its way while the reader works on the one before, and yields the object whole", async () => {
    const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);
    const { reader, asked } = bucket(bytes);
    const object = await r2Store(reader, "p", 4).stream?.("model.ort");
    const chunks = object!.body.getReader();
    const first = await chunks.read();
    expect(first.value).toEqual(bytes.subarray(0, 4));
    expect(asked).toEqual([0, 4]); // the second range is on its way before it is asked for
    const rest: number[] = [];
    for (let next = await chunks.read(); !next.done; next = await chunks.read()) rest.push(...next.value);
    expect(rest).toEqual([...bytes.subarray(4)]);
    expect(asked).toEqual([0, 4, 8]);
  });

  it("a range that fails is reported by the read that needs it", async () => {
    const { reader } = bucket(new Uint8Array(10));
    const failing: R2Reader = {
      get: (key, options) =>
        options?.range.offset === 4
          ? Promise.reject(new Error("connection reset"))
          : reader.get(key, options),
    };
    const chunks = (await r2Store(failing, "p", 4).stream?.("model.ort"))!.body.getReader();
    await chunks.read();
    await expect(chunks.read()).rejects.toMatchObject({ code: "model_storage_unavailable" });
  });
});

describe("readJson", () => {
  it("frees the bytes it read once decoded (a dead copy of tokenizer.json would count until collected)", async () => {
    const json = new TextEncoder().encode(JSON.stringify({ hello: "世界" }));
    const read: Uint8Array[] = [];
    const store: ModelStore = {
      location: "memory",
      async read() {
        const bytes = json.slice();
        read.push(bytes);
        return bytes;
      },
    };
    const manifest = { files: [{ path: "x.json", size: json.length, sha256: await sha256Hex(json) }] };
    expect(await readJson(store, manifest, "x.json")).toEqual({ hello: "世界" });
    expect(read.map((bytes) => bytes.buffer.byteLength)).toEqual([0]);
  });

  it("decodes without touching the caller's bytes: only readJson, which owns them, frees them", () => {
    const bytes = Uint8Array.from(new TextEncoder().encode('{"a":"plain ASCII, one chunk"}'));
    expect(decodeJsonAscii(bytes)).toBe('{"a":"plain ASCII, one chunk"}');
    expect(new TextDecoder().decode(bytes)).toBe('{"a":"plain ASCII, one chunk"}');
  });
});
