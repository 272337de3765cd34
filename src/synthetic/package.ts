import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { onnx as Onnx } from "onnx-proto";
import { MANIFEST_FORMAT, type ModelManifest, type TowerSpec } from "../model/package/manifest";
import { jsonBytes, PackageWriter, revisionHash } from "../model/package/writer.node";
import { BPE_FILE, clipTokenizerJson } from "./clip-tokenizer";
import { COMBINED_FILE, combinedModel } from "./combined";
import { encodeModel } from "./onnx-file";
import { Rng } from "./prng";
import { clipConfig, SIZES, type SyntheticSize } from "./sizes";
import { TEXT_INPUT, TEXT_OUTPUT, textModel } from "./text";
import { VISION_INPUT, VISION_OUTPUT, visionModel } from "./vision";

export interface SyntheticPackageOptions {
  size: SyntheticSize;
  /**
   * Folder with the upstream configs and tokenizer (`tokenizer.json`, or OpenAI's BPE file to build it
   * from). Default: the repository's copy, CLIP_ASSETS_DIR.
   */
  tokenizerDir?: string;
  outDir: string;
  /** Put the weights in `onnx/*.onnx_data` files beside the graphs. */
  externalData?: boolean;
  /** Same seed, same bytes. Default 0. */
  seed?: number;
  /**
   * Also write `onnx/model_quantized.onnx`, both towers in one graph (the real export has it; only
   * Transformers.js's pipeline reads it). Off by default: it doubles the package.
   */
  combined?: boolean;
}

// Random weights have no trained scale: OpenAI CLIP's (exp of its learned 4.6052) makes scores spread like real ones.
const LOGIT_SCALE = 100;

/** The repository's copy of the MIT-licensed CLIP tokenizer and configs (see its README.md). */
export const CLIP_ASSETS_DIR = resolve(import.meta.dirname, "../../assets/clip-vit-base-patch32");

/** Copied as they are; the first three must exist, as in every Xenova CLIP repo. */
const REQUIRED_FILES = ["preprocessor_config.json", "tokenizer.json", "tokenizer_config.json"];
const OPTIONAL_FILES = ["special_tokens_map.json", "vocab.json", "merges.txt"];

/**
 * Writes a model package with the layout, graph interface and op kinds of Xenova/clip-vit-base-patch32's
 * int8 files, and seeded random weights: its answers mean nothing. Returns the manifest it wrote.
 */
export async function writeSyntheticPackage(options: SyntheticPackageOptions): Promise<ModelManifest> {
  const { size, tokenizerDir = CLIP_ASSETS_DIR, outDir, externalData = false, seed = 0 } = options;
  const combined = options.combined ?? false;
  const dims = SIZES[size];
  const writer = new PackageWriter(outDir);
  const write = (path: string, bytes: Uint8Array) => writer.write(path, bytes);

  const upstreamConfig = JSON.parse(await readFile(join(tokenizerDir, "config.json"), "utf8"));
  await write("config.json", jsonBytes(clipConfig(upstreamConfig, dims)));
  for (const name of REQUIRED_FILES) await write(name, await readUpstream(tokenizerDir, name));
  for (const name of OPTIONAL_FILES) {
    const bytes = await readFile(join(tokenizerDir, name)).catch(() => null);
    if (bytes) await write(name, bytes);
  }

  // One tower at a time, so only one tower's weights are in memory (both, when writing the combined graph).
  const graphs: Onnx.IModelProto[] = [];
  const writeTower = async (name: string, build: () => Onnx.IModelProto, input: string, output: string) => {
    const file = `onnx/${name}.onnx`;
    const dataFile = `${file}_data`;
    const model = build();
    if (combined) graphs.push(model);
    const encoded = encodeModel(model, externalData ? `${name}.onnx_data` : undefined);
    await write(file, encoded.onnx);
    if (encoded.data) await write(dataFile, encoded.data);
    else await writer.remove(dataFile); // left by an earlier external-data run
    return { file, externalData: encoded.data ? [dataFile] : [], input, output } satisfies TowerSpec;
  };
  const vision = await writeTower(
    "vision_model_quantized",
    () => visionModel(dims.vision, dims.projection, new Rng(seed, 0)),
    VISION_INPUT,
    VISION_OUTPUT,
  );
  const text = await writeTower(
    "text_model_quantized",
    () => textModel(dims.text, dims.projection, new Rng(seed, 1)),
    TEXT_INPUT,
    TEXT_OUTPUT,
  );
  if (combined)
    await write(COMBINED_FILE, encodeModel(combinedModel(graphs[0], graphs[1], LOGIT_SCALE)).onnx);
  else await writer.remove(COMBINED_FILE);

  return writer.finish({
    format: MANIFEST_FORMAT,
    id: `synthetic/clip-${size}`,
    revision: `synthetic-${revisionHash(writer.entries())}`,
    synthetic: true,
    variant: "int8",
    logitScale: LOGIT_SCALE,
    vision,
    text: { ...text, contextLength: dims.text.context },
  });
}

/** A file of the upstream folder; tokenizer.json is built from the BPE file when the folder has only that. */
export async function readUpstream(dir: string, name: string): Promise<Uint8Array> {
  if (name === "tokenizer.json" && !existsSync(join(dir, name)) && existsSync(join(dir, BPE_FILE))) {
    return new TextEncoder().encode(JSON.stringify(clipTokenizerJson(await readFile(join(dir, BPE_FILE)))));
  }
  return readFile(join(dir, name));
}
