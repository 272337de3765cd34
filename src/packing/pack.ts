import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import onnxProto, { type onnx as Onnx } from "onnx-proto";
import { directoryStore } from "../model/package/directory-store.node";
import { readManifest, readVerified } from "../model/package/load";
import type { ModelManifest, TowerSpec } from "../model/package/manifest";
import { PackageWriter, revisionHash } from "../model/package/writer.node";
import { encoderLayers, layerOutputName, splitAt } from "./split-graph";
import { convertToOrt } from "./to-ort";

const { ModelProto, TensorProto } = onnxProto.onnx;

export interface PackOptions {
  /** Cut the vision tower after this encoder layer (0-based); default: defaultSplit. null: no cut. */
  splitAfterLayer?: number | null;
}

/**
 * Rewrites a package for the Worker: every graph in ORT format (weights used in place in ORT's heap),
 * the vision tower cut in two stages at a layer boundary so that each stage fits one isolate, and a
 * manifest with the size and sha256 of every file. Other files are copied as they are.
 */
export async function packPackage(
  source: string,
  out: string,
  options: PackOptions = {},
): Promise<ModelManifest> {
  const store = directoryStore(source);
  const manifest = await readManifest(store);
  for (const f of manifest.files) await readVerified(store, manifest, f.path);
  if (manifest.vision.stages) throw new Error(`${source} is already packed`);
  const graphs = new Set([
    manifest.vision.file,
    manifest.text.file,
    ...manifest.vision.externalData,
    ...manifest.text.externalData,
  ]);
  const writer = new PackageWriter(out);
  for (const f of manifest.files.filter((f) => !graphs.has(f.path))) {
    await writer.copy(join(source, f.path), f.path);
  }

  const scratch = await mkdtemp(join(tmpdir(), "dermedge-pack-"));
  try {
    // One graph at a time, so that only one tower's weights are in memory.
    const toOrt = async (model: Onnx.IModelProto, file: string, input: string, output: string) => {
      const temporary = join(scratch, "graph.onnx");
      await writeFile(temporary, ModelProto.encode(model).finish());
      await mkdir(dirname(join(out, file)), { recursive: true });
      await convertToOrt(temporary, join(out, file));
      await writer.add(file);
      return { file, externalData: [], input, output } satisfies TowerSpec;
    };
    const text = await toOrt(
      await loadOnnx(source, manifest.text),
      ortName(manifest.text.file),
      manifest.text.input,
      manifest.text.output,
    );
    const visionModel = await loadOnnx(source, manifest.vision);
    const layers = encoderLayers(visionModel.graph!);
    const after = options.splitAfterLayer === undefined ? defaultSplit(layers) : options.splitAfterLayer;
    let vision: ModelManifest["vision"];
    if (after === null) {
      vision = await toOrt(
        visionModel,
        ortName(manifest.vision.file),
        manifest.vision.input,
        manifest.vision.output,
      );
    } else {
      if (!(after >= 0 && after < layers - 1))
        throw new Error(`the vision tower has ${layers} layers: cannot cut after layer ${after}`);
      const cut = layerOutputName(visionModel.graph!, after);
      const [first, second] = splitAt(visionModel, cut);
      const stages = [
        await toOrt(first, ortName(manifest.vision.file, 1), manifest.vision.input, cut),
        await toOrt(second, ortName(manifest.vision.file, 2), cut, manifest.vision.output),
      ];
      vision = { ...stages[0], output: manifest.vision.output, stages };
    }
    // A new identity: text embeddings cached for the source (keyed by revision) differ in rounding.
    const revision = `${manifest.revision}+ort.${revisionHash(writer.entries()).slice(0, 8)}`;
    return await writer.finish({
      ...manifest,
      revision,
      vision,
      text: { ...text, contextLength: manifest.text.contextLength },
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The layer to cut after: one before the middle (after layer 4 of 12, so 5 layers in stage 1 and 7 in
 * stage 2). Stage 1 runs in the API Worker, which also holds the photos being decoded; cut in the middle,
 * its isolate peaked at 95.8-105 MB as counted with 4 concurrent 12 MP photos and the tail's at 65 (bench
 * section 7, `base`); one layer (7 MB of int8 weights) moved over gives 86 and 74.
 */
export function defaultSplit(layers: number): number {
  return Math.max(0, Math.floor(layers / 2) - 2);
}

/** onnx/x.onnx -> onnx/x.ort, or onnx/x.stage1.ort for a stage. */
function ortName(file: string, stage?: number): string {
  return file.replace(/\.onnx$/, stage ? `.stage${stage}.ort` : ".ort");
}

/** Decodes a tower's graph with any external data put back inside (onnxruntime-node reads it whole). */
async function loadOnnx(dir: string, tower: TowerSpec): Promise<Onnx.IModelProto> {
  const model = ModelProto.decode(await readFile(join(dir, tower.file)));
  const files = new Map<string, Uint8Array>();
  for (const tensor of model.graph!.initializer!) {
    if (tensor.dataLocation !== TensorProto.DataLocation.EXTERNAL) continue;
    const entry = Object.fromEntries(tensor.externalData!.map((e) => [e.key, e.value]));
    const path = resolve(dir, dirname(tower.file), entry.location!);
    if (!files.has(path)) files.set(path, new Uint8Array(await readFile(path)));
    const offset = Number(entry.offset ?? 0);
    tensor.rawData = files.get(path)!.subarray(offset, offset + Number(entry.length));
    tensor.dataLocation = TensorProto.DataLocation.DEFAULT;
    tensor.externalData = [];
  }
  return model;
}
