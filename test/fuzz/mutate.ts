/**
 * Seeded mutations of valid inputs, for fuzzing the decoders and the API: the same seed gives the same
 * cases on every machine, so a failure found by `npm run test:fuzz` is reproduced by its seed.
 */

/** mulberry32. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export interface Mutation {
  name: string;
  bytes: Uint8Array;
}

type Mutator = (bytes: Uint8Array, random: () => number) => Uint8Array;

const int = (random: () => number, n: number) => Math.floor(random() * n);

/** Most of what matters to a decoder is in the first kilobytes: headers, tables, the first rows. */
const position = (bytes: Uint8Array, random: () => number) =>
  random() < 0.7 ? int(random, Math.min(bytes.length, 2048)) : int(random, bytes.length);

const MUTATORS: Record<string, Mutator> = {
  "flip bits": (bytes, random) => {
    const out = bytes.slice();
    for (let i = 1 + int(random, 16); i > 0; i--) out[position(out, random)] ^= 1 << int(random, 8);
    return out;
  },
  "overwrite bytes": (bytes, random) => {
    const out = bytes.slice();
    const at = position(out, random);
    const fill = [0x00, 0xff, 0x7f, 0x80][int(random, 4)];
    out.fill(random() < 0.5 ? fill : int(random, 256), at, at + 1 + int(random, 64));
    return out;
  },
  truncate: (bytes, random) => bytes.slice(0, int(random, bytes.length)),
  "cut a span": (bytes, random) => {
    const at = position(bytes, random);
    const end = Math.min(bytes.length, at + 1 + int(random, 256));
    return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(end)]);
  },
  "repeat a span": (bytes, random) => {
    const at = position(bytes, random);
    const span = bytes.subarray(at, at + 1 + int(random, 256));
    return Uint8Array.from([...bytes.subarray(0, at), ...span, ...span, ...bytes.subarray(at + span.length)]);
  },
  "huge dimensions": (bytes, random) => {
    // 16-bit big- and little-endian 65000 written where sizes usually sit (SOF, IHDR, VP8 headers).
    const out = bytes.slice();
    const at = position(out, random);
    const [hi, lo] = [0xfd, 0xe8];
    if (random() < 0.5) out.set([hi, lo, hi, lo].slice(0, Math.max(0, out.length - at)), at);
    else out.set([lo, hi, lo, hi].slice(0, Math.max(0, out.length - at)), at);
    return out;
  },
};

/** `count` mutations of the seeds, round robin over seeds and mutators. */
export function* mutations(seeds: readonly Uint8Array[], count: number, seed: number): Generator<Mutation> {
  const random = prng(seed);
  const names = Object.keys(MUTATORS);
  for (let i = 0; i < count; i++) {
    const name = names[int(random, names.length)];
    yield { name, bytes: MUTATORS[name](seeds[i % seeds.length], random) };
  }
}
