import { describe, expect, it } from "vitest";
import { ClipTokenizer, CONTEXT_LENGTH } from "../../src/model/tokenizer";
import { readHostFile, requireHostFile } from "../support/host-files";

// The repository's tokenizer (assets/clip-vit-base-patch32), as the global setup builds it into .cache.
const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));
const tokenizer = new ClipTokenizer(
  json(await requireHostFile("cache", "clip-tokenizer/tokenizer.json")),
  json(await requireHostFile("cache", "clip-tokenizer/tokenizer_config.json")),
);
const reference = await readHostFile("shared", "fixtures/reference/tokens.json");

describe("CLIP tokenizer (the repository's copy)", () => {
  // Ids from Hugging Face's openai/clip-vit-base-patch32 tokenizer.json: accents (NFC), CJK and emoji as
  // byte-level BPE, punctuation, tabs, upper case, contractions.
  const cases: [string, number[]][] = [
    ["x", [49406, 343, 49407]],
    ["an itchy red rash on the elbow", [49406, 550, 41980, 736, 30608, 525, 518, 21965, 49407]],
    [
      "Mole changed COLOUR & shape; 2 weeks?",
      [49406, 23529, 4907, 4769, 261, 6448, 282, 273, 2898, 286, 49407],
    ],
    [
      "naïve café,\tcrème brûlée",
      [49406, 1097, 35689, 563, 15304, 267, 1075, 12138, 614, 711, 127, 119, 75, 13489, 49407],
    ],
    [
      "湿疹很痒，三天了",
      [
        49406, 162, 117, 123, 163, 244, 117, 161, 122, 230, 163, 245, 496, 171, 120, 490, 19759, 231, 23170,
        102, 21078, 484, 49407,
      ],
    ],
    ["don't scratch it's fine 😀", [49406, 847, 713, 13258, 585, 568, 3797, 7334, 49407]],
  ];
  for (const [text, ids] of cases) {
    it(`encodes ${JSON.stringify(text)}`, () => {
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

describe("CLIP tokenizer against OpenAI's SimpleTokenizer (../shared/fixtures/reference/tokens.json)", () => {
  if (!reference) {
    it.skip("../shared/fixtures/reference/tokens.json is absent: reference comparison skipped", () => {});
    return;
  }
  const cases: { text: string; ids: number[] }[] = json(reference);

  it("has the 20 reference cases", () => {
    expect(cases.length).toBe(20);
  });

  for (const { text, ids } of cases) {
    it(`matches on ${JSON.stringify(text.slice(0, 40))}`, () => {
      expect(tokenizer.encode(text)).toEqual(ids);
    });
  }
});
