import { orDegraded } from "../lib/degraded";
import { fillMissing } from "./label-embeddings";
import { sha256Hex } from "./package/load";
import { type TextScope, type TextTower, warmUpOf } from "./towers";

/** The part of a KV binding the cache needs (structural, so this file has no Worker types). */
export interface KvStore {
  get(key: string, type: "arrayBuffer"): Promise<ArrayBuffer | null>;
  put(key: string, value: ArrayBuffer): Promise<void>;
}

const sha256 = (text: string) => sha256Hex(new TextEncoder().encode(text));

/**
 * Keyed by revision, scope and a hash of the exact prompt (KV keys are capped at 512 bytes; prompts are
 * not). A scope is hashed too: it may name a client's address.
 */
export async function textEmbeddingKey(revision: string, prompt: string, scope?: TextScope): Promise<string> {
  const owner = scope ? `scope/${(await sha256(scope)).slice(0, 32)}/` : "";
  return `text-embedding/${revision}/${owner}${await sha256(prompt)}`;
}

/**
 * Text embeddings shared by every isolate of the deployment: a prompt is encoded by `next` (the text
 * Worker) once per scope, then read from KV. Values are the raw float32 bytes.
 */
export function kvCachedTextTower(kv: KvStore, revision: string, next: TextTower): TextTower {
  return {
    warm: (options) => next.warm?.(options) ?? warmUpOf(),
    async encode(prompts, scope) {
      const keys = await Promise.all(prompts.map((p) => textEmbeddingKey(revision, p, scope)));
      // KV is only a cache: a failed read is a miss and a failed write is dropped, never a failed request.
      const values = await Promise.all(
        keys.map((k) => orDegraded(kv.get(k, "arrayBuffer"), "text-embedding-read", null)),
      );
      const cached = new Map(prompts.map((p, i) => [p, values[i] && new Float32Array(values[i])]));
      const embeddings = await fillMissing(prompts, (p) => cached.get(p) ?? undefined, next, scope);
      await Promise.all(
        prompts.flatMap((p, i) => {
          if (cached.get(p)) return [];
          const e = embeddings[i];
          const bytes = e.buffer.slice(e.byteOffset, e.byteOffset + e.byteLength) as ArrayBuffer;
          return [orDegraded(kv.put(keys[i], bytes), "text-embedding-write", undefined)];
        }),
      );
      return embeddings;
    },
  };
}
