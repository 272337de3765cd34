import { describe, expect, it } from "vitest";
import { AudioError, decodeAudio } from "../../src/audio/index";
import { oggCrc, readOggPage } from "../../src/audio/ogg";
import { audioWasm } from "../../src/audio/wasm-worker";
import { audioFixture } from "./support";

/** A small deterministic generator (LCG), so a failure names its seed. */
const random = (seed: number) => () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;

/** Rewrites every page's checksum, so that damage inside packets reaches libopus. */
function fixCrcs(bytes: Uint8Array, pageStarts: number[]): void {
  for (const start of pageStarts) {
    const page = readOggPageUnchecked(bytes, start);
    new DataView(bytes.buffer, bytes.byteOffset + start).setUint32(22, oggCrc(page), true);
  }
}

function readOggPageUnchecked(bytes: Uint8Array, start: number): Uint8Array {
  const segments = bytes[start + 26];
  const body = bytes.subarray(start + 27, start + 27 + segments).reduce((n, l) => n + l, 0);
  return bytes.subarray(start, start + 27 + segments + body);
}

/** Every mutation either decodes or is refused with an AudioError: no other error, no hang. */
async function survives(bytes: Uint8Array): Promise<"decoded" | string> {
  try {
    await decodeAudio(bytes, { wasm: audioWasm });
    return "decoded";
  } catch (error) {
    if (error instanceof AudioError) return error.code;
    throw error;
  }
}

describe("damaged recordings are decoded or refused, never crash", () => {
  it("Ogg/Opus with damaged packets behind valid checksums (libopus's own robustness)", async () => {
    const note = await audioFixture("en.opus");
    const starts: number[] = [];
    for (let at = 0; at < note.length; at = readOggPage(note, at).end) starts.push(at);
    const outcomes = new Map<string, number>();
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const bytes = note.slice();
      const audioStart = starts[2] + 27 + 1 + bytes[starts[2] + 26]; // past the headers and one page header
      for (let k = 0; k < 1 + Math.floor(next() * 20); k++) {
        const at = audioStart + Math.floor(next() * (bytes.length - audioStart));
        bytes[at] = Math.floor(next() * 256);
      }
      fixCrcs(bytes, starts);
      const outcome = await survives(bytes);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    console.log("Opus, damaged packets:", Object.fromEntries(outcomes));
    expect([...outcomes.keys()].every((o) => ["decoded", "corrupt"].includes(o))).toBe(true);
  });

  it.each(["en.opus", "en.mp3", "en.wav"])("%s with random bytes changed, cut or repeated", async (name) => {
    const original = await audioFixture(name);
    const outcomes = new Map<string, number>();
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed * 7919);
      let bytes = original.slice();
      const kind = seed % 3;
      if (kind === 0)
        for (let k = 0; k < 8; k++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      else if (kind === 1) bytes = bytes.subarray(0, Math.floor(next() * bytes.length));
      else {
        const from = Math.floor(next() * bytes.length);
        const copy = new Uint8Array(bytes.length + 500);
        copy.set(bytes.subarray(0, from));
        copy.set(bytes.subarray(from, from + 500), from);
        copy.set(bytes.subarray(from), from + Math.min(500, bytes.length - from));
        bytes = copy.subarray(0, bytes.length + Math.min(500, bytes.length - from));
      }
      const outcome = await survives(bytes);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    console.log(`${name}:`, Object.fromEntries(outcomes));
  });
});
