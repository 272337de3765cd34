import { encodeEmbedding, LABEL_EMBEDDINGS_FILE, type LabelEmbeddingsFile } from "../model/label-embeddings";
import { directoryStore } from "../model/package/directory-store.node";
import { readManifest } from "../model/package/load";
import type { ModelManifest } from "../model/package/manifest";
import { PackageWriter } from "../model/package/writer.node";
import { defaultPrompts } from "../service/default-prompts";
import { openEngine } from "./files";

/**
 * Embeds every default prompt with the package's own text tower and writes the table into the package
 * (listed in its manifest with size and sha256), so the Worker's common path needs no text encoder.
 * Returns the updated manifest. Idempotent: the table is rewritten from the current prompts.
 */
export async function addLabelEmbeddings(dir: string): Promise<ModelManifest> {
  const engine = await openEngine(dir);
  const prompts = defaultPrompts();
  const embeddings = await engine.embedTexts(prompts);
  const table: LabelEmbeddingsFile = {
    revision: engine.info.revision,
    embeddings: Object.fromEntries(prompts.map((p, i) => [p, encodeEmbedding(embeddings[i])])),
  };
  const manifest = await readManifest(directoryStore(dir));
  const writer = new PackageWriter(dir, manifest.files);
  await writer.write(LABEL_EMBEDDINGS_FILE, new TextEncoder().encode(JSON.stringify(table)));
  return writer.finish(manifest);
}
