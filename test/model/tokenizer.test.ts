import { describe, expect, it } from "vitest";
import { ClipTokenizer, CONTEXT_LENGTH } from "../../src/model/tokenizer";
import { readHostFile } from "../support/host-files";

const tokenizerJson = await readHostFile("shared", "clip-vit-base-patch32/tokenizer.json");
const tokenizerConfig = await readHostFile("shared", "clip-vit-base-patch32/tokenizer_config.json");
const reference = await readHostFile("shared", "fixtures/reference/tokens.json");
const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));

describe.skipIf(!tokenizerJson || !tokenizerConfig || !reference)("CLIP tokenizer (needs ../shared)", () => {
  const tokenizer = new ClipTokenizer(json(tokenizerJson!), json(tokenizerConfig!));
  const cases: { text: string; ids: number[] }[] = json(reference!);

  it("has the 20 reference cases of OpenAI's SimpleTokenizer", () => {
    expect(cases.length).toBe(20);
  });

  for (const { text, ids } of cases) {
    it(`matches OpenAI's tokenizer on ${JSON.stringify(text.slice(0, 40))}`, () => {
      expect(tokenizer.encode(text)).toEqual(ids);
    });
  }

  it("cuts to 77 tokens and keeps the end token (the text model pools there)", () => {
    const ids = tokenizer.encode("an itchy red rash ".repeat(40));
    expect(ids).toHaveLength(CONTEXT_LENGTH);
    expect(ids[0]).toBe(49406);
    expect(ids[76]).toBe(49407);
    expect(ids.slice(1, 76)).not.toContain(49407);
  });

  it("gives the text model one unpadded int64 row", () => {
    const { ids, dims } = tokenizer.encodeTensor("a photo of a tumor");
    expect(dims).toEqual([1, 7]);
    expect(Array.from(ids, Number)).toEqual([49406, 320, 1125, 539, 320, 22616, 49407]);
  });
});
