import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as ort from "onnxruntime-node";
import { CLIP_PREPROCESSOR, type PrepareOptions, prepareImage } from "../../src/image/index";
import type { ImageHeader } from "../../src/image/types";

/** Pillow's draft fixtures (../shared/fixtures/reference/draft): name -> source photo and Pillow's scale. */
export const shared = resolve(import.meta.dirname, "../../../shared/fixtures");

export async function draftFixtures(): Promise<Record<string, { source: string; scale: string }>> {
  return JSON.parse(await readFile(resolve(shared, "reference/draft/index.json"), "utf8"));
}

/** A package's vision tower on onnxruntime-node, or nothing without a model (then cosines print "-"). */
export async function visionTower(model: string | undefined) {
  if (!model) return { name: undefined, embed: async (_: Float32Array) => undefined };
  const manifest = JSON.parse(await readFile(resolve(model, "manifest.json"), "utf8"));
  const session = await ort.InferenceSession.create(resolve(model, manifest.vision.file));
  return {
    name: `${manifest.id} ${manifest.revision}`,
    async embed(pixels: Float32Array): Promise<Float32Array | undefined> {
      const input = new ort.Tensor("float32", pixels, [1, 3, 224, 224]);
      const out = await session.run({ [manifest.vision.input]: input });
      return out[manifest.vision.output].data as Float32Array;
    },
  };
}

/**
 * One photo prepared at the default reduced scale and exactly (decoded whole): the crops' max and mean
 * absolute difference in levels, and the cosine of their embeddings ("-" without a model).
 */
export async function scaledVsExact(
  bytes: Uint8Array,
  tower: Awaited<ReturnType<typeof visionTower>>,
  options: PrepareOptions = {},
): Promise<{ max: number; mean: string; cosine: string; header: ImageHeader }> {
  const scaled = await prepareImage(bytes, CLIP_PREPROCESSOR, options);
  const exact = await prepareImage(bytes, CLIP_PREPROCESSOR, { ...options, exact: true });
  let max = 0;
  let sum = 0;
  for (let i = 0; i < scaled.crop.length; i++) {
    const d = Math.abs(scaled.crop[i] - exact.crop[i]);
    max = Math.max(max, d);
    sum += d;
  }
  const [a, b] = [await tower.embed(scaled.pixels), await tower.embed(exact.pixels)];
  return {
    max,
    mean: (sum / scaled.crop.length).toFixed(3),
    cosine: a && b ? cosine(a, b).toFixed(6) : "-",
    header: scaled.header,
  };
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}
