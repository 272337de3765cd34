import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { ClipTokenizer, dropBuiltTables } from "../../src/model/tokenizer";
import { BPE_FILE, CLIP_ASSETS_DIR, clipTokenizerJson, readUpstream } from "../../src/synthetic";

const SHARED = resolve(import.meta.dirname, "../../../shared/clip-vit-base-patch32");
const hasShared = existsSync(SHARED);
const readJson = async (dir: string, name: string) => JSON.parse(await readFile(join(dir, name), "utf8"));

describe("the repository's CLIP tokenizer (assets/clip-vit-base-patch32)", () => {
  it("keeps OpenAI's BPE file byte for byte, with its MIT licence", async () => {
    const bpe = await readFile(join(CLIP_ASSETS_DIR, BPE_FILE));
    // sha256 of clip/bpe_simple_vocab_16e6.txt.gz in github.com/openai/CLIP.
    expect(createHash("sha256").update(bpe).digest("hex")).toBe(
      "924691ac288e54409236115652ad4aa250f48203de50a9e4722a6ecd48d6804a",
    );
    expect(await readFile(join(CLIP_ASSETS_DIR, "LICENSE"), "utf8")).toMatch(
      /^MIT License\s+Copyright \(c\) 2021 OpenAI/,
    );
  });

  it("builds CLIP's 49408-token vocabulary: bytes, bytes + </w>, one per merge, then the two special tokens", async () => {
    const json = clipTokenizerJson(await readFile(join(CLIP_ASSETS_DIR, BPE_FILE))) as {
      model: { vocab: Record<string, number>; merges: string[][] };
    };
    const { vocab, merges } = json.model;
    expect(Object.keys(vocab)).toHaveLength(49408);
    expect(merges).toHaveLength(48894);
    expect([vocab["!"], vocab["!</w>"], vocab.in, vocab["<|startoftext|>"], vocab["<|endoftext|>"]]).toEqual([
      0, 256, 512, 49406, 49407,
    ]);
    const tokenizer = new ClipTokenizer(json, await readJson(CLIP_ASSETS_DIR, "tokenizer_config.json"));
    expect(tokenizer.encode("a photo of a skin rash")).toEqual([
      49406, 320, 1125, 539, 320, 3575, 30608, 49407,
    ]);
  });

  it("tokenizes the same after the built tables are dropped from its JSON (memory, not behaviour)", async () => {
    const bpe = await readFile(join(CLIP_ASSETS_DIR, BPE_FILE));
    const config = await readJson(CLIP_ASSETS_DIR, "tokenizer_config.json");
    const json = clipTokenizerJson(bpe) as { model: { vocab: object; merges: unknown[] } };
    const slim = new ClipTokenizer(json, config);
    dropBuiltTables(json);
    expect([Object.keys(json.model.vocab).length, json.model.merges.length]).toEqual([0, 0]);
    const full = new ClipTokenizer(clipTokenizerJson(bpe), config);
    // Words first seen after the drop: BPE merges them from its own ranks, not from the JSON.
    const texts = [
      "a photo of a skin rash",
      "erythematous annular plaque with scaling, pruritic for 3 weeks",
      "这个痣最近变大了，还有点痒",
      "itchy!!! 😣 spreading fast… dermatofibrosarcoma protuberans?",
      "supercalifragilisticexpialidocious hyperpigmentation",
    ];
    for (const text of texts) expect(slim.encode(text)).toEqual(full.encode(text));
  });

  it("retains under 9 MB of heap once built (the library's own merge list and our JSON's tables dropped)", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    // As a Worker reads it: tokenizer.json parsed (strings of their own, not slices of the BPE file's text).
    const text = JSON.stringify(clipTokenizerJson(await readFile(join(CLIP_ASSETS_DIR, BPE_FILE))));
    const config = await readJson(CLIP_ASSETS_DIR, "tokenizer_config.json");
    const retained = (build: () => unknown) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept = build();
      gc();
      const bytes = process.memoryUsage().heapUsed - before;
      expect(kept).toBeDefined();
      return bytes;
    };
    const bytes = retained(() => {
      const json = JSON.parse(text);
      const tokenizer = new ClipTokenizer(json, config);
      dropBuiltTables(json);
      return tokenizer;
    });
    // Measured: 7.1 MB; 10.7 with the library's merge list kept.
    expect(bytes / 1e6).toBeLessThan(9);
    expect(bytes / 1e6).toBeGreaterThan(4); // the vocabulary and rank maps are really there
  });

  it("uses a folder's own tokenizer.json when it has one, and builds it from the BPE file otherwise", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dermedge-tokenizer-"));
    await writeFile(join(dir, "tokenizer.json"), "{}");
    expect(new TextDecoder().decode(await readUpstream(dir, "tokenizer.json"))).toBe("{}");
    const built = JSON.parse(new TextDecoder().decode(await readUpstream(CLIP_ASSETS_DIR, "tokenizer.json")));
    expect(built.model.type).toBe("BPE");
  });
});

describe("the repository's CLIP tokenizer against Hugging Face's files (../shared/clip-vit-base-patch32)", () => {
  if (!hasShared) {
    it.skip("../shared/clip-vit-base-patch32 is absent: reference comparison skipped", () => {});
    return;
  }

  it("builds exactly Hugging Face's tokenizer.json", async () => {
    const built = clipTokenizerJson(await readFile(join(CLIP_ASSETS_DIR, BPE_FILE)));
    expect(built).toEqual(await readJson(SHARED, "tokenizer.json"));
  });

  it("has Hugging Face's configs", async () => {
    for (const name of [
      "config.json",
      "preprocessor_config.json",
      "tokenizer_config.json",
      "special_tokens_map.json",
    ]) {
      expect(await readJson(CLIP_ASSETS_DIR, name), name).toEqual(await readJson(SHARED, name));
    }
  });
});
