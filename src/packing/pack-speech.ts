import { copyFile, mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { directoryStore } from "../model/package/directory-store.node";
import { readVerified } from "../model/package/load";
import { readSpeechManifest, type SpeechManifest } from "../model/package/speech-manifest";
import { PackageWriter, revisionHash } from "../model/package/writer.node";
import { convertToOrt } from "./to-ort";

/**
 * A speech package for the Worker: the encoder and merged decoder in ORT format, so that their weights are
 * used in place in ORT's heap (one copy, not the three an .onnx load makes at its peak). Other files are
 * copied as they are; the manifest lists the .ort files.
 */
export async function packSpeechPackage(source: string, out: string): Promise<SpeechManifest> {
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
  const packed = async (file: string) => {
    const ort = file.replace(/\.onnx$/, ".ort");
    await mkdir(dirname(resolve(out, ort)), { recursive: true });
    await convertToOrt(resolve(source, file), resolve(out, ort));
    await writer.add(ort);
    return ort;
  };
  const encoder = { ...manifest.encoder, file: await packed(manifest.encoder.file) };
  const decoder = { ...manifest.decoder, file: await packed(manifest.decoder.file) };
  const { files: _, ...rest } = manifest;
  return writer.finishManifest({
    ...rest,
    revision: manifest.synthetic ? `synthetic-${revisionHash(writer.entries())}` : manifest.revision,
    encoder,
    decoder,
  });
}
