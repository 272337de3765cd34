/**
 * Writes the WASM that opus-decoder and mpg123-decoder embed (as a compressed string they compile at run
 * time) to src/audio/wasm/*.wasm, so that the Workers can import it compiled: workerd may not compile WASM
 * from bytes. Run after upgrading either package: `npx tsx scripts/audio-wasm.ts` (`--check` only
 * compares; test/node/audio.test.ts does the same, so a stale file fails the tests).
 *
 * One change on the way: each module declares a fixed linear memory (no growth), far larger than the
 * decoder uses: opus-decoder 448 pages (29.4 MB), mpg123-decoder 259 (17.0 MB). Its data and stack end
 * below 150 KB and the decoder's state and buffers take a few hundred KB more, so the memory is set to
 * `pages` (still fixed): the instance then costs 2 or 8 MB of the isolate's 128 MB instead of 29 or 17.
 * If a decoder ever needed more, its malloc would fail and the file would be refused as corrupt.
 */
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const require = createRequire(join(root, "package.json"));

/**
 * Each package's emscripten glue, which holds the WASM as `EmscriptenWASM.wasm`, and the linear memory
 * (64 KiB pages) we give it. mpg123 gets more: it keeps an MP3's ID3v2 tag (cover art) in memory.
 */
export const AUDIO_WASM = [
  { pkg: "opus-decoder", glue: "src/EmscriptenWasm.js", out: "src/audio/wasm/opus-decoder.wasm", pages: 32 },
  {
    pkg: "mpg123-decoder",
    glue: "src/EmscriptenWasm.js",
    out: "src/audio/wasm/mpg123-decoder.wasm",
    pages: 128,
  },
] as const;

const leb128 = (n: number) => {
  const out: number[] = [];
  do {
    const byte = n & 0x7f;
    n >>>= 7;
    out.push(n ? byte | 0x80 : byte);
  } while (n);
  return out;
};

function readLeb128(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}

/** The module with its one defined memory's limits set to exactly `pages` (the memory section rewritten). */
export function withMemoryPages(wasm: Uint8Array, pages: number): Uint8Array<ArrayBuffer> {
  const parts: number[][] = [[...wasm.subarray(0, 8)]];
  let found = 0;
  for (let at = 8; at < wasm.length; ) {
    const id = wasm[at];
    const [size, body] = readLeb128(wasm, at + 1);
    if (id === 5) {
      const [count, limits] = readLeb128(wasm, body);
      if (count !== 1) throw new Error("expected one memory");
      const flags = wasm[limits];
      if (flags & ~1) throw new Error(`unexpected memory flags ${flags}`);
      const [minimum, next] = readLeb128(wasm, limits + 1);
      const maximum = flags & 1 ? readLeb128(wasm, next)[0] : undefined;
      if (maximum !== minimum) throw new Error(`the memory is not fixed (${minimum}..${maximum} pages)`);
      const section = [1, 1, ...leb128(pages), ...leb128(pages)];
      parts.push([5, ...leb128(section.length), ...section]);
      found++;
    } else {
      parts.push([...wasm.subarray(at, body + size)]);
    }
    at = body + size;
  }
  if (found !== 1) throw new Error("no memory section");
  return Uint8Array.from(parts.flat());
}

interface Common {
  new (): unknown;
  inflateDynEncodeString(source: string): Promise<Uint8Array>;
}

/** The WASM bytes a package embeds, inflated by the package family's own routine. */
/** What src/audio/wasm holds for an entry of AUDIO_WASM. */
export async function audioWasmBytes(entry: (typeof AUDIO_WASM)[number]): Promise<Uint8Array<ArrayBuffer>> {
  return withMemoryPages(await embeddedWasm(entry.pkg, entry.glue), entry.pages);
}

export async function embeddedWasm(pkg: string, glue: string): Promise<Uint8Array<ArrayBuffer>> {
  const pkgDir = dirname(require.resolve(pkg)); // the entry, index.js, is at the package root
  const { default: Emscripten } = (await import(pathToFileURL(join(pkgDir, glue)).href)) as {
    default: { new (common: Common): unknown; wasm: string };
  };
  const commonEntry = createRequire(join(pkgDir, "index.js")).resolve("@wasm-audio-decoders/common");
  const { WASMAudioDecoderCommon } = (await import(pathToFileURL(commonEntry).href)) as {
    WASMAudioDecoderCommon: Common;
  };
  // Constructing either defines its statics (the helpers, and the glue's `wasm` getter); nothing is compiled.
  new WASMAudioDecoderCommon();
  new Emscripten(WASMAudioDecoderCommon);
  return new Uint8Array(await WASMAudioDecoderCommon.inflateDynEncodeString(Emscripten.wasm));
}

async function main() {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const entry of AUDIO_WASM) {
    const { pkg, out } = entry;
    const bytes = await audioWasmBytes(entry);
    if (!WebAssembly.validate(bytes)) throw new Error(`${pkg}: the embedded WASM does not validate`);
    const path = join(root, out);
    const current = await readFile(path).catch(() => undefined);
    const same = current !== undefined && Buffer.compare(current, bytes) === 0;
    if (check) {
      if (!same) stale++;
      console.log(`${out}: ${same ? "up to date" : "STALE"} (${bytes.length} bytes)`);
    } else {
      if (!same) await writeFile(path, bytes);
      console.log(`${out}: ${same ? "unchanged" : "written"} (${bytes.length} bytes)`);
    }
  }
  if (stale) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
