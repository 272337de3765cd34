import { afterAll, describe, expect, it } from "vitest";
import { CLIP_PREPROCESSOR, prepareImage } from "../../src/image";
import { decodedHeader, decodeImage, decodeScale, readImageHeader } from "../../src/image/decode";
import { readHostFile } from "../support/host-files";

// ../shared/fixtures/reference/draft/: Pillow 9.4 (libjpeg-turbo) decodes after draft(None, (448, 448)),
// the request thumbnail() makes for a 224 target, and the 224 crops HF's CLIPImageProcessor makes from
// them. index.json names each source, its scale and decoded size (workerd cannot list a folder).
// biome-ignore format: a compact list
const FIXTURES = [
  "retina", "phone_4032x3024", "big_420_3583x3585", "big_420_exif6_3024x4032",
  "big_420_progressive_3001x2251", "big_422_1999x1333", "big_444_4000x3600", "big_gray_2700x1800",
];
const DRAFT = 2 * CLIP_PREPROCESSOR.size;

interface Entry {
  source: string;
  size: [number, number];
  scale: string;
  decoded: [number, number];
  mode: "RGB" | "L";
}

let index: Record<string, Entry> | null | undefined;
async function entry(name: string): Promise<Entry | null> {
  if (index === undefined) {
    const json = await readHostFile("shared", "fixtures/reference/draft/index.json");
    index = json ? JSON.parse(new TextDecoder().decode(json)) : null;
  }
  return index?.[name] ?? null;
}

/** A whole image as RGB rows, through decodeImage (PNG references are decoded by our PNG decoder). */
async function decodeAll(
  bytes: Uint8Array,
  draft?: number,
): Promise<{ width: number; height: number; rgb: Uint8Array }> {
  const { width, height } = decodedHeader(readImageHeader(bytes), { draft });
  const rgb = new Uint8Array(width * height * 3);
  let rows = 0;
  await decodeImage(
    bytes,
    (y, row) => {
      expect(y).toBe(rows++);
      rgb.set(row.subarray(0, width * 3), y * width * 3);
    },
    { draft },
  );
  expect(rows).toBe(height);
  return { width, height, rgb };
}

function distance(a: Uint8Array, b: Uint8Array): { maxAbs: number; meanAbs: number } {
  expect(a.length).toBe(b.length);
  let sum = 0;
  let maxAbs = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    sum += d;
    if (d > maxAbs) maxAbs = d;
  }
  return { maxAbs, meanAbs: sum / a.length };
}

const report: string[] = [];

describe("scaled JPEG decoding matches Pillow's draft() + libjpeg-turbo bit for bit", () => {
  it.for(FIXTURES)("%s", async (name, { skip }) => {
    const fixture = await entry(name);
    if (!fixture)
      return skip("../shared/fixtures/reference/draft/ is absent (no ../shared): Pillow comparison skipped");
    const source = await readHostFile("shared", `fixtures/images/${fixture.source}`);
    if (!source)
      throw new Error(`index.json names ${fixture.source}, which is not in ../shared/fixtures/images`);
    const header = readImageHeader(source);
    expect([header.width, header.height]).toEqual(fixture.size);

    // The scale Pillow chose and the decoded pixels, every one.
    const scaled = await decodeAll(source, DRAFT);
    expect([scaled.width, scaled.height]).toEqual(fixture.decoded);
    expect(`1/${decodeScale(header, { draft: DRAFT })}`).toBe(fixture.scale);
    const pillow = await decodeAll(
      (await readHostFile("shared", `fixtures/reference/draft/decoded/${name}.png`))!,
    );
    expect([pillow.width, pillow.height]).toEqual(fixture.decoded);
    expect(distance(scaled.rgb, pillow.rgb)).toEqual({ maxAbs: 0, meanAbs: 0 });

    // The crop the service computes by default (draft, EXIF orientation, resize, centre crop).
    const { crop } = await prepareImage(source, CLIP_PREPROCESSOR);
    const pillowCrop = await decodeAll(
      (await readHostFile("shared", `fixtures/reference/draft/crop/${name}.png`))!,
    );
    expect(distance(crop, pillowCrop.rgb)).toEqual({ maxAbs: 0, meanAbs: 0 });

    // How far the draft crop is from the exact (full decode) crop, ours and Pillow's where ../shared has it.
    const exact = await prepareImage(source, CLIP_PREPROCESSOR, { exact: true });
    const d = distance(crop, exact.crop);
    const full = await readHostFile("shared", `fixtures/reference/preprocess/${name}.png`);
    const p = full ? distance(crop, (await decodeAll(full)).rgb) : null;
    const figures = (x: { maxAbs: number; meanAbs: number }) =>
      `max ${String(x.maxAbs).padStart(3)} mean ${x.meanAbs.toFixed(3)}`;
    report.push(
      `${name.padEnd(30)} ${fixture.scale}  ours: ${figures(d)}  Pillow's: ${p ? figures(p) : "(none)"}`,
    );
  });
});

afterAll(() => {
  if (report.length > 0)
    console.log(
      `draft crop vs the full-decode crop (ours exact; Pillow's in reference/preprocess):\n${report.join("\n")}`,
    );
});
