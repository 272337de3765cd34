import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const dir = resolve(import.meta.dirname, "../../src/image/webp/libwebp");

/**
 * The committed libwebp module is what scripts/build-libwebp.sh built (CI has no emcc: `--check` rebuilds
 * it from the pinned release and compares, where emcc is installed); its sha256 is recorded beside it.
 */
describe("src/image/webp/libwebp/webp-decode.wasm", () => {
  it("has the sha256 the build script recorded, and its licence and patent grant beside it", async () => {
    const wasm = await readFile(resolve(dir, "webp-decode.wasm"));
    const recorded = (await readFile(resolve(dir, "webp-decode.wasm.sha256"), "utf8")).split(/\s+/)[0];
    expect(createHash("sha256").update(wasm).digest("hex")).toBe(recorded);
    expect(await readFile(resolve(dir, "LICENSE"), "utf8")).toMatch(/Copyright \(c\) 2010, Google Inc/);
    expect(await readFile(resolve(dir, "PATENTS"), "utf8")).toMatch(/Additional IP Rights Grant/);
  });

  it("imports its memory and a growth notice, nothing else (a Worker instantiates it with no glue)", async () => {
    const module = await WebAssembly.compile(
      new Uint8Array(await readFile(resolve(dir, "webp-decode.wasm"))),
    );
    expect(
      WebAssembly.Module.imports(module)
        .map((i) => `${i.module}.${i.name}:${i.kind}`)
        .sort(),
    ).toEqual(["env.emscripten_notify_memory_growth:function", "env.memory:memory"]);
  });
});
