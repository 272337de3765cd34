import { fillMissing } from "./label-embeddings";
import { sha256Hex } from "./package/load";
import type { TextTower } from "./towers";

/** The part of a KV binding the cache needs (structural, so this file has no Worker types). */
export interface KvStore {
  get(key: string, type: "arrayBuffer"): Promise<ArrayBuffer | null>;
  put(key: string, value: ArrayBuffer): Promise<void>;
}

/** Keyed by revision and a hash of the exact prompt (KV keys are capped at 512 bytes; prompts are not). */
export async function textEmbeddingKey(revision: string, prompt: string): Promise<string> {
  return `text-embedding/${revision}/${await sha256Hex(new TextEncoder().encode(prompt))}`;
}

/**
 * Text embeddings shared by every isolate of the deployment: a prompt is encoded by `next` (the text
 * Worker) once, then read from KV. Values are the raw float32 bytes.
 */
export function kvCachedTextTower(kv: KvStore, revision: string, next: TextTower): TextTower {
  return {
    async encode(prompts) {
      const keys = await Promise.all(prompts.map((p) => textEmbeddingKey(revision, p)));
      // KV is only a cache: a failed read is a miss and a failed write is dropped, never a failed request.
      const values = await Promise.all(keys.map((k) => kv.get(k, "arrayBuffer").catch(() => null)));
      const cached = new Map(prompts.map((p, i) => [p, values[i] && new Float32Array(values[i])]));
      const embeddings = await fillMissing(prompts, (p) => cached.get(p) ?? undefined, next);
      await Promise.all(
        prompts.flatMap((p, i) => {
          if (cached.get(p)) return [];
          const e = embeddings[i];
          const bytes = e.buffer.slice(e.byteOffset, e.byteOffset + e.byteLength) as ArrayBuffer;
          return [kv.put(keys[i], bytes).catch(() => undefined)];
        }),
      );
      return embeddings;
    },
  };
}
