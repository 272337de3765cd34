/**
 * Writes the WASM that opus-decoder and mpg123-decoder embed (as a compressed string they compile at run
 * time) to src/audio/wasm/*.wasm, so that the Workers can import it compiled: workerd may not compile WASM
 * from bytes. Run after upgrading either package: `npx tsx scripts/audio-wasm.ts` (`--check` only compares;
 * test/node/audio-wasm.test.ts runs it so that a stale file fails the tests).
 */
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const require = createRequire(join(root, "package.json"));

/** Each package's emscripten glue, which holds the WASM as `EmscriptenWASM.wasm`. */
export const AUDIO_WASM = [
  { pkg: "opus-decoder", glue: "src/EmscriptenWasm.js", out: "src/audio/wasm/opus-decoder.wasm" },
  { pkg: "mpg123-decoder", glue: "src/EmscriptenWasm.js", out: "src/audio/wasm/mpg123-decoder.wasm" },
] as const;

interface Common {
  new (): unknown;
  inflateDynEncodeString(source: string): Promise<Uint8Array>;
}

/** The WASM bytes a package embeds, inflated by the package family's own routine. */
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
  for (const { pkg, glue, out } of AUDIO_WASM) {
    const bytes = await embeddedWasm(pkg, glue);
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
