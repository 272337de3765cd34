import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { encodeEmbedding, LABEL_EMBEDDINGS_FILE, type LabelEmbeddingsFile } from "../model/label-embeddings";
import { directoryStore } from "../model/package/directory-store.node";
import { readManifest } from "../model/package/load";
import { MANIFEST_FILE, type ModelManifest } from "../model/package/manifest";
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
  const bytes = new TextEncoder().encode(JSON.stringify(table));
  await writeFile(join(dir, LABEL_EMBEDDINGS_FILE), bytes);
  const manifest = await readManifest(directoryStore(dir));
  const entry = { path: LABEL_EMBEDDINGS_FILE, size: bytes.length, sha256: sha256(bytes) };
  const files = [...manifest.files.filter((f) => f.path !== LABEL_EMBEDDINGS_FILE), entry];
  const updated: ModelManifest = { ...manifest, files: files.sort((a, b) => (a.path < b.path ? -1 : 1)) };
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(updated, null, 2)}\n`);
  return updated;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
