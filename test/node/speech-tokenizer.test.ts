/**
 * The speech Worker detokenises without the BPE merges (src/model/speech/tokenizer.ts): the text of any
 * ids is the same as the full tokenizer's (merges included), Chinese split over byte tokens too.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { describe, expect, it } from "vitest";
import { WhisperTokenizer } from "../../src/model/speech/tokenizer";

const dir = resolve(import.meta.dirname, "../../.cache/models/whisper-test");

describe("WhisperTokenizer without the merges", () => {
  it("decodes every id, and runs of ids, as the full tokenizer does", async () => {
    const json = JSON.parse(await readFile(resolve(dir, "tokenizer.json"), "utf8"));
    const config = JSON.parse(await readFile(resolve(dir, "tokenizer_config.json"), "utf8"));
    expect(json.model.merges.length).toBeGreaterThan(0);
    const full = new Tokenizer(json, config);
    const ours = new WhisperTokenizer(json, config);
    const reference = (ids: number[]) => full.decode(ids, { skip_special_tokens: true }).trim();
    const vocab = 51865;
    let state = 7;
    const next = () => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state % vocab;
    };
    const runs = Array.from({ length: 400 }, (_, i) => Array.from({ length: 1 + (i % 12) }, next));
    // "它很痒" as the tokenizer encodes it: characters split over byte tokens.
    runs.push(full.encode("它很痒", { add_special_tokens: false }).ids);
    for (const ids of runs) expect(ours.decode(ids)).toBe(reference(ids));
    expect(ours.decode(runs.at(-1)!)).toBe("它很痒");
  });
});
