import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { CLIP_PREPROCESSOR, ImageError, prepareImage } from "../../src/image";
import { nodeWebpModule } from "../../src/image/webp/wasm-node";
import { MemoryBudget } from "../../src/lib/memory-budget";
import { mutations } from "../fuzz/mutate";

/**
 * The decoders, fuzzed in process with seeded mutations of valid JPEG, PNG and WebP files: every case
 * decodes or is refused with an ImageError (a hang would hit the test's timeout; the slowest case is
 * printed, not asserted: time is for benchmarks), and never allocates beyond the decode budget.
 * CI runs FUZZ_DECODER_N cases (default 1500); `FUZZ_DECODER_N=20000 npx vitest run --project node
 * test/node/decoder-fuzz.test.ts` runs a big one.
 */
const COUNT = Number(process.env.FUZZ_DECODER_N ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 1);

async function seeds(): Promise<Uint8Array[]> {
  const [w, h] = [96, 72];
  const rgb = Buffer.alloc(w * h * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 37 + (i % 7) * 11) & 255;
  const image = () => sharp(rgb, { raw: { width: w, height: h, channels: 3 } });
  const encoded = await Promise.all([
    image().jpeg({ quality: 80 }).toBuffer(),
    image().jpeg({ quality: 80, progressive: true }).toBuffer(),
    image().jpeg({ quality: 80, chromaSubsampling: "4:4:4" }).toBuffer(),
    image().png().toBuffer(),
    image().png({ progressive: true }).toBuffer(),
    image().png({ palette: true }).toBuffer(),
    image().webp({ quality: 70 }).toBuffer(),
    image().webp({ lossless: true }).toBuffer(),
  ]);
  return encoded.map((b) => new Uint8Array(b));
}

describe(`decoder fuzz (${COUNT} cases, seed ${SEED})`, () => {
  it("decodes or refuses with an ImageError, within the time and memory bounds", async () => {
    const budget = new MemoryBudget(40 * 2 ** 20);
    const outcomes: Record<string, number> = {};
    let slowest = 0;
    for (const { name, bytes } of mutations(await seeds(), COUNT, SEED)) {
      const started = performance.now();
      let outcome = "decoded";
      try {
        await prepareImage(bytes, CLIP_PREPROCESSOR, {
          webpModule: nodeWebpModule,
          reserve: (n) => budget.reserve(n),
        });
      } catch (error) {
        if (!(error instanceof ImageError)) {
          throw new Error(`${name}: ${error}; bytes (base64): ${Buffer.from(bytes).toString("base64")}`);
        }
        outcome = error.code;
      }
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    console.log(`decoder fuzz: ${JSON.stringify(outcomes)}, slowest ${slowest.toFixed(0)} ms`);
    expect(budget.usage).toMatchObject({ used: 0, waiting: 0 });
    expect(budget.usage.peak).toBeLessThanOrEqual(40 * 2 ** 20);
    // The mutations are not all fatal: the fuzz reaches the decoders' inner loops, not only the headers.
    expect(outcomes.decoded).toBeGreaterThan(COUNT / 20);
    expect(outcomes.corrupt_image).toBeGreaterThan(COUNT / 20);
  });
});
