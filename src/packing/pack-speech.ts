import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import onnxProto, { type onnx as Onnx } from "onnx-proto";
import { directoryStore } from "../model/package/directory-store.node";
import { readVerified } from "../model/package/load";
import { readSpeechManifest, type SpeechManifest } from "../model/package/speech-manifest";
import { PackageWriter, revisionHash } from "../model/package/writer.node";
import { chunkAttention } from "./chunk-attention";
import { emptyCachedCrossAttention } from "./empty-cross-cache";
import { sliceFeedForward } from "./slice-rows";
import { integerTiedProjection } from "./tied-projection";
import { convertToOrt } from "./to-ort";

const { ModelProto } = onnxProto.onnx;

/** The encoder's positions: 3000 log-mel frames after its stride-2 convolution. */
const AUDIO_POSITIONS = 1500;

/**
 * Rows per slice of the encoder's self-attention and first feed-forward layer: [heads, 150, 1500] float32
 * scores (tiny: 5.4 MB) instead of [heads, 1500, 1500] (54 MB), and [150, 1536] GELU inputs (0.9 MB)
 * instead of [1500, 1536] (9.2 MB).
 */
export const ENCODER_ROWS_PER_CHUNK = 150;

export interface PackSpeechOptions {
  /** Rows per slice of the encoder's attention and feed-forward (default ENCODER_ROWS_PER_CHUNK); null: whole. */
  attentionRowsPerChunk?: number | null;
  /** Default true: the decoder's cached branch returns no cross-attention cache (empty-cross-cache.ts). */
  emptyCrossCache?: boolean;
  /** Default true: the projection tied to the embedding reads the uint8 table in place (tied-projection.ts). */
  integerTiedProjection?: boolean;
}

/**
 * A speech package for the Worker: the encoder and merged decoder in ORT format, so that their weights are
 * used in place in ORT's heap (one copy, not the three an .onnx load makes at its peak). Other files are
 * copied as they are; the manifest lists the .ort files. The encoder's self-attention and first
 * feed-forward layers are rewritten to run a slice of rows at a time (chunk-attention.ts, slice-rows.ts):
 * the same outputs, with a tenth of those layers' activations alive at once. The decoder's cached branch
 * returns no cross-attention cache (empty-cross-cache.ts), as optimum's merge already does, and its output
 * projection reads the embedding's uint8 table in place (tied-projection.ts).
 */
export async function packSpeechPackage(
  source: string,
  out: string,
  options: PackSpeechOptions = {},
): Promise<SpeechManifest> {
  const store = directoryStore(source);
  const manifest = await readSpeechManifest(store);
  for (const f of manifest.files) await readVerified(store, manifest, f.path);
  const graphs = new Set([manifest.encoder.file, manifest.decoder.file]);
  const writer = new PackageWriter(out);
  for (const f of manifest.files.filter((f) => !graphs.has(f.path))) {
    await mkdir(dirname(resolve(out, f.path)), { recursive: true });
    await copyFile(resolve(source, f.path), resolve(out, f.path));
    await writer.add(f.path);
  }
  const scratch = await mkdtemp(join(tmpdir(), "dermedge-pack-speech-"));
  const packed = async (file: string, rewrite: ((model: Onnx.IModelProto) => void) | null) => {
    let from = resolve(source, file);
    if (rewrite) {
      const model = ModelProto.decode(await readFile(from));
      rewrite(model);
      from = join(scratch, "rewritten.onnx");
      await writeFile(from, ModelProto.encode(model).finish());
    }
    const ort = file.replace(/\.onnx$/, ".ort");
    await mkdir(dirname(resolve(out, ort)), { recursive: true });
    await convertToOrt(from, resolve(out, ort));
    await writer.add(ort);
    return ort;
  };
  let encoder: SpeechManifest["encoder"];
  let decoder: SpeechManifest["decoder"];
  try {
    const rows =
      options.attentionRowsPerChunk === undefined ? ENCODER_ROWS_PER_CHUNK : options.attentionRowsPerChunk;
    const sliceRows = (model: Onnx.IModelProto) => {
      if (rows === null) return;
      const slicing = { rows: AUDIO_POSITIONS, rowsPerChunk: rows };
      if (chunkAttention(model, slicing) === 0) {
        throw new Error(
          `${manifest.encoder.file}: no self-attention (MatMul, Softmax, MatMul) found to slice`,
        );
      }
      sliceFeedForward(model, slicing);
    };
    encoder = {
      ...manifest.encoder,
      file: await packed(manifest.encoder.file, rows === null ? null : sliceRows),
    };
    // The decoder's attention is over a few tokens at a time: nothing to slice. Its cached branch must not
    // hand the cross-attention cache back every step, nor its logits make the vocabulary table float.
    const decoderRewrites = [
      options.emptyCrossCache === false ? null : emptyCachedCrossAttention,
      options.integerTiedProjection === false ? null : integerTiedProjection,
    ].filter((r) => r !== null);
    decoder = {
      ...manifest.decoder,
      file: await packed(
        manifest.decoder.file,
        decoderRewrites.length
          ? (model) => {
              for (const rewrite of decoderRewrites) rewrite(model);
            }
          : null,
      ),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const { files: _, ...rest } = manifest;
  return writer.finishManifest({
    ...rest,
    revision: manifest.synthetic ? `synthetic-${revisionHash(writer.entries())}` : manifest.revision,
    encoder,
    decoder,
  });
}
