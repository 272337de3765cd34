import { createHash } from "node:crypto";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { ImageError } from "../../image/types";
import type { ClipEngine } from "../../model/engine";
import { decodeEmbedding, encodeEmbedding } from "../../model/label-embeddings";
import { readInput } from "../files";
import { progressBar } from "../progress";

export interface EmbeddedPhotos {
  /** By path, for the photos that could be read. */
  embeddings: Map<string, Float32Array>;
  /** Photos that could not be decoded, with why: listed and skipped. */
  unreadable: { path: string; error: string }[];
  /** How many came from the cache (an earlier, interrupted or repeated run). */
  cached: number;
}

/**
 * Embeds photos with the package's vision tower, appending each embedding to a JSON Lines cache keyed by
 * the photo's sha256 as soon as it is made, so an interrupted run resumes where it stopped and a photo
 * renamed or moved between class folders is not embedded again. The cache holds embeddings, never pixels;
 * it stays on this machine beside the data (delete it with the data).
 */
export async function embedPhotos(engine: ClipEngine, paths: readonly string[], cachePath: string) {
  const cache = await readCache(cachePath);
  await mkdir(dirname(cachePath), { recursive: true });
  const result: EmbeddedPhotos = { embeddings: new Map(), unreadable: [], cached: 0 };
  const progress = progressBar(paths.length);
  for (const path of paths) {
    const bytes = await readInput(path);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const known = cache.get(sha256);
    if (known) {
      result.embeddings.set(path, known);
      result.cached++;
    } else {
      try {
        const { embedding } = await engine.embedImage(bytes);
        result.embeddings.set(path, embedding);
        cache.set(sha256, embedding);
        await appendFile(cachePath, `${JSON.stringify({ sha256, embedding: encodeEmbedding(embedding) })}\n`);
      } catch (error) {
        if (!(error instanceof ImageError)) throw error;
        result.unreadable.push({ path, error: error.message });
      }
    }
    progress.tick(path);
  }
  progress.done();
  return result;
}

/** The cache's entries; a line cut short by an interruption is ignored (that photo is embedded again). */
async function readCache(path: string): Promise<Map<string, Float32Array>> {
  const cache = new Map<string, Float32Array>();
  const text = await readFile(path, "utf8").catch(() => "");
  for (const line of text.split("\n")) {
    try {
      const { sha256, embedding } = JSON.parse(line);
      if (typeof sha256 === "string" && typeof embedding === "string")
        cache.set(sha256, decodeEmbedding(embedding));
    } catch {
      // empty or truncated line
    }
  }
  return cache;
}
