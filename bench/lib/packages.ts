import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { addLabelEmbeddings } from "../../src/cli/label-embeddings";
import { LABEL_EMBEDDINGS_FILE, type LabelEmbeddingsFile } from "../../src/model/label-embeddings";
import { directoryStore } from "../../src/model/package/directory-store.node";
import { readManifest } from "../../src/model/package/load";
import { PackageWriter } from "../../src/model/package/writer.node";
import { packPackage } from "../../src/packing/pack";
import { defaultPrompts } from "../../src/service/default-prompts";
import { writeSyntheticPackage } from "../../src/synthetic";
import { COMBINED_FILE } from "../../src/synthetic/combined";
import { step } from "./report";

export const root = resolve(import.meta.dirname, "../..");
export const work = resolve(root, ".cache/bench");

async function labelsCurrent(dir: string): Promise<boolean> {
  const path = resolve(dir, LABEL_EMBEDDINGS_FILE);
  if (!existsSync(path)) return false;
  const table: LabelEmbeddingsFile = JSON.parse(await readFile(path, "utf8"));
  return defaultPrompts().every((p) => p in table.embeddings);
}

export interface BenchPackages {
  /** The `base` synthetic package as the export lays it out, with the combined graph (Transformers.js). */
  base: string;
  /** The same towers packed as the Workers load them: ORT format, vision cut in two, label embeddings. */
  packed: string;
}

/**
 * Generates (once; `fresh` regenerates) the `base` synthetic package and its packed form in .cache/bench.
 * The packed one drops the combined graph (no Worker reads it) and gets the default prompts' embeddings,
 * as `model install` adds them.
 */
export async function benchPackages(fresh = false): Promise<BenchPackages> {
  const base = resolve(work, "base");
  const packed = resolve(work, "base-packed");
  const done = resolve(packed, "manifest.json");
  if (!fresh && existsSync(done) && existsSync(resolve(base, COMBINED_FILE))) {
    // The catalogue changes: the default prompts' embeddings must cover today's prompts.
    if (!(await labelsCurrent(packed))) {
      step("the default prompts changed: embedding them again");
      await addLabelEmbeddings(packed);
    }
    return { base, packed };
  }
  for (const dir of [base, packed]) await rm(dir, { recursive: true, force: true });
  step("generating the base synthetic package (ViT-B/32 shapes, int8, with the combined graph)");
  await writeSyntheticPackage({ size: "base", outDir: base, combined: true });
  step("packing it as the Workers load it (ORT format, vision tower cut in two)");
  await packPackage(base, packed);
  const manifest = await readManifest(directoryStore(packed));
  const writer = new PackageWriter(packed, manifest.files);
  await writer.remove(COMBINED_FILE);
  await writer.finish(manifest);
  step("embedding the default prompts (what `model install` adds)");
  await addLabelEmbeddings(packed);
  return { base, packed };
}
