import { PromiseCache } from "../lib/promise-cache";
import { readJson } from "./package/load";
import type { ModelManifest } from "./package/manifest";
import type { ModelStore } from "./package/store";
import { type TextScope, type TextTower, warmUpOf } from "./towers";

/** Written into the package by `dermedge model install`, listed (size, sha256) in the manifest. */
export const LABEL_EMBEDDINGS_FILE = "label-embeddings.json";

/** The default prompts' text embeddings, computed once with the package's own text tower. */
export interface LabelEmbeddingsFile {
  revision: string;
  /** Prompt -> base64 of the little-endian float32 embedding. */
  embeddings: Record<string, string>;
}

export function encodeEmbedding(embedding: Float32Array): string {
  const bytes = new Uint8Array(embedding.buffer, embedding.byteOffset, embedding.byteLength);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function decodeEmbedding(base64: string): Float32Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/** The package's precomputed table, or an empty one when the package has none (e.g. never installed). */
export async function readLabelEmbeddings(
  store: ModelStore,
  manifest: ModelManifest,
): Promise<Map<string, Float32Array>> {
  if (!manifest.files.some((f) => f.path === LABEL_EMBEDDINGS_FILE)) return new Map();
  const file = await readJson<LabelEmbeddingsFile>(store, manifest, LABEL_EMBEDDINGS_FILE);
  // A table made by another revision's text tower would score against the wrong vectors: ignore it.
  if (file.revision !== manifest.revision) return new Map();
  return new Map(Object.entries(file.embeddings).map(([prompt, b64]) => [prompt, decodeEmbedding(b64)]));
}

/**
 * Answers from the package's precomputed table and asks `next` only for the other prompts, so the
 * default catalogue needs no text encoder at all. The table is read on first use, once.
 */
export function precomputedTextTower(store: ModelStore, manifest: ModelManifest, next: TextTower): TextTower {
  const table = new PromiseCache<string, Map<string, Float32Array>>(1);
  const read = (options: { warmUp?: boolean } = {}) =>
    table.get(manifest.revision, () => readLabelEmbeddings(store, manifest), options);
  return {
    warm: (options) => warmUpOf(read({ warmUp: true }), options.encoder ? next.warm?.(options) : undefined),
    async encode(prompts, scope) {
      const known = await read();
      // The table is the same for every client: a prompt found there says nothing about anyone.
      return fillMissing(prompts, (p) => known.get(p), next, scope);
    },
  };
}

/** `lookup` for each prompt; `next` once for all the prompts it did not know, in order. */
export async function fillMissing(
  prompts: readonly string[],
  lookup: (prompt: string) => Float32Array | undefined,
  next: TextTower,
  scope: TextScope,
): Promise<Float32Array[]> {
  const found = prompts.map(lookup);
  const missing = prompts.filter((_, i) => !found[i]);
  if (missing.length === 0) return found as Float32Array[];
  const fetched = await next.encode(missing, scope);
  let j = 0;
  return found.map((e) => e ?? fetched[j++]);
}
