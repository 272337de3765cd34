import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeJsonAscii } from "../../src/model/package/load";
import { BPE_FILE, CLIP_ASSETS_DIR, clipTokenizerJson } from "../../src/synthetic";

const utf8 = (text: string) => new TextEncoder().encode(text);
const parsedAsUtf8 = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));
const isAscii = (text: string) => [...text].every((c) => c.charCodeAt(0) < 0x80);

describe("decodeJsonAscii: JSON text with every non-ASCII character escaped (one byte a character in V8)", () => {
  it("parses to exactly what the UTF-8 text parses to: CLIP's tokenizer.json, 9,918 characters above U+00FF", async () => {
    const json = JSON.stringify(clipTokenizerJson(await readFile(join(CLIP_ASSETS_DIR, BPE_FILE))));
    expect([...json].filter((c) => c.charCodeAt(0) > 0xff)).toHaveLength(9918);
    const bytes = utf8(json);
    const text = decodeJsonAscii(bytes);
    expect(isAscii(text)).toBe(true);
    expect(JSON.parse(text)).toEqual(parsedAsUtf8(bytes));
  });

  it("keeps Chinese, Latin-1, emoji (surrogate pairs) and characters split across its 64 KiB chunks", () => {
    const value = { zh: "这个痣最近变大了", latin: "café ñ ü ÿ", emoji: "itchy 😣 spreading", eol: "\u2028" };
    for (const pad of [0, 1, 2, 3]) {
      // A 4-byte emoji and a 3-byte character right at the chunk boundary, whatever the padding.
      const filler = "x".repeat(65536 - 12 + pad);
      const bytes = utf8(JSON.stringify({ filler, ...value, tail: "痣😣" }));
      const text = decodeJsonAscii(bytes);
      expect(isAscii(text)).toBe(true);
      expect(JSON.parse(text)).toEqual(parsedAsUtf8(bytes));
    }
  });

  it("reads invalid UTF-8 as TextDecoder does (U+FFFD), and an empty file as an empty text", () => {
    const bytes = Uint8Array.from([
      ...utf8('{"a":"'),
      0xff,
      0x80,
      0xe4,
      0xb8,
      ...utf8('","b":"'),
      0xc3,
      ...utf8('"}'),
    ]);
    expect(JSON.parse(decodeJsonAscii(bytes))).toEqual(parsedAsUtf8(bytes));
    expect(decodeJsonAscii(new Uint8Array(0))).toBe("");
  });

  it("leaves the caller's bytes as they were (an all-ASCII file is read from them directly)", () => {
    const bytes = utf8('{"a":"plain ASCII"}');
    expect(decodeJsonAscii(bytes)).toBe('{"a":"plain ASCII"}');
    expect(new TextDecoder().decode(bytes)).toBe('{"a":"plain ASCII"}');
  });
});
