/**
 * Section 1: a warm assessment, ours against Transformers.js's zero-shot-image-classification pipeline
 * on the same package (its combined onnx/model_quantized.onnx, from a local path), in one Node process,
 * one thread each, alternating rounds.
 */
import {
  AutoProcessor,
  AutoTokenizer,
  CLIPTextModelWithProjection,
  CLIPVisionModelWithProjection,
  env,
  pipeline,
  RawImage,
  type Tensor,
} from "@huggingface/transformers";
import { nodeRuntime } from "../../src/cli/runtime";
import { catalogue, cataloguePrompts } from "../../src/clinical";
import { ClipEngine } from "../../src/model/engine";
import { precomputedTextTower } from "../../src/model/label-embeddings";
import { onnxTextTower } from "../../src/model/onnx-towers";
import { directoryStore } from "../../src/model/package/directory-store.node";
import { assessPhoto } from "../../src/service/assess-photo";
import type { BenchContext } from "../lib/context";
import { alternate, compare, goal, type Row, spread, step, timed } from "../lib/report";

const SECTION = "1 vs Transformers.js";
export const ONE_THREAD = { intraOpNumThreads: 1, interOpNumThreads: 1 };

export function transformersLocal(): void {
  env.allowRemoteModels = false;
  env.localModelPath = "/";
}

const unit = (v: Float32Array | number[]) => {
  const n = Math.hypot(...v);
  return Array.from(v, (x) => x / n);
};

export async function transformersSection({ packages, photos, rounds }: BenchContext): Promise<Row[]> {
  transformersLocal();
  // As the Worker runs it: the default prompts' embeddings from the package, the text tower for the rest.
  const store = directoryStore(packages.packed);
  const engine = await ClipEngine.open(store, await nodeRuntime(), {
    text: (context, tokenizer) =>
      precomputedTextTower(store, context.manifest, onnxTextTower(context, tokenizer)),
  });
  const photo = photos.telegram;
  const ensembles = Object.values(cataloguePrompts()).flat();
  const names = catalogue.map((c) => c.name.en);
  const singles = names.map((n, i) => ({ id: catalogue[i].id, prompts: [`This is a photo of ${n}`] }));
  step(`section 1: Transformers.js pipeline (${ensembles.length} prompts / ${names.length} names)`);
  const pipe = await pipeline("zero-shot-image-classification", packages.base, {
    dtype: "q8",
    device: "cpu",
    session_options: ONE_THREAD,
  });
  // The same photo bytes each time; Transformers.js decodes them itself (sharp) as it would a file.
  const image = () => RawImage.fromBlob(new Blob([photo.slice()]));

  // Ours: the service's one path (decode, vision, gate and catalogue scoring, clinical), text cached
  // after the first call as in a warm isolate.
  const stages: { decodeMs: number; encodeMs: number; textMs: number }[] = [];
  const ours = () =>
    timed(async () => {
      stages.push((await assessPhoto(engine, { image: photo })).timings);
    });
  const oursSingles = () =>
    timed(async () => {
      const embedded = await engine.embedImage(photo);
      await engine.classify(embedded.embedding, singles);
    });
  const [oursEnsemble, peerEnsemble] = await alternate(rounds, ours, () =>
    timed(async () => pipe(await image(), ensembles, { hypothesis_template: "{}" })),
  );
  const [oursSingle, peerSingle] = await alternate(rounds, oursSingles, () =>
    timed(async () => pipe(await image(), names)),
  );

  // The fairest peer: Transformers.js's two encoders with the text embedded once, as ours caches it.
  const [vision, textModel, tokenizer, processor] = await Promise.all([
    CLIPVisionModelWithProjection.from_pretrained(packages.base, {
      dtype: "q8",
      session_options: ONE_THREAD,
    }),
    CLIPTextModelWithProjection.from_pretrained(packages.base, { dtype: "q8", session_options: ONE_THREAD }),
    AutoTokenizer.from_pretrained(packages.base),
    AutoProcessor.from_pretrained(packages.base),
  ]);
  const textEmbeds: number[][] = [];
  for (const prompt of ensembles) {
    const { text_embeds } = (await textModel(tokenizer([prompt]))) as { text_embeds: Tensor };
    textEmbeds.push(unit(text_embeds.data as Float32Array));
  }
  const cachedText = () =>
    timed(async () => {
      const { pixel_values } = await processor(await image());
      const { image_embeds } = (await vision({ pixel_values })) as { image_embeds: Tensor };
      const v = unit(image_embeds.data as Float32Array);
      const logits = textEmbeds.map((t) => 100 * t.reduce((s, x, i) => s + x * v[i], 0));
      const max = Math.max(...logits);
      const e = logits.map((l) => Math.exp(l - max));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((x) => x / sum);
    });
  const [oursCached, peerCached] = await alternate(rounds, ours, cachedText);
  await Promise.all([vision.dispose(), textModel.dispose(), pipe.dispose()]);

  const base = { section: SECTION, unit: "ms" };
  const m = (k: keyof (typeof stages)[0]) => spread(stages.slice(1).map((t) => t[k])).median.toFixed(0);
  const size = "1280x960 JPEG";
  return [
    goal(
      compare(
        {
          ...base,
          what: `warm assessment, ${ensembles.length} catalogue prompts (${size})`,
          peerName: "TJS pipeline, all prompts",
        },
        oursEnsemble,
        peerEnsemble,
      ),
      "<= 0.10x",
      0.1,
    ),
    goal(
      compare(
        { ...base, what: `warm, ${names.length} single prompts (names)`, peerName: "TJS pipeline, names" },
        oursSingle,
        peerSingle,
      ),
      "< 1x",
      0.9999,
    ),
    compare(
      {
        ...base,
        what: "warm assessment, text cached both sides",
        peerName: "TJS encoders, text cached",
        note: `ours, median over the section: decode ${m("decodeMs")} ms, vision ${m("encodeMs")} ms, text lookup + scoring ${m("textMs")} ms; the rest is the clinical assessment`,
      },
      oursCached,
      peerCached,
    ),
  ];
}
