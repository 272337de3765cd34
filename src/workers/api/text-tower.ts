import { type KvStore, kvCachedTextTower } from "../../model/kv-text-cache";
import { precomputedTextTower } from "../../model/label-embeddings";
import type { LocalTowerContext } from "../../model/onnx-towers";
import type { ServiceFetcher } from "../../model/remote/call";
import { remoteTextTower } from "../../model/remote/text-client";
import type { TextTower } from "../../model/towers";

/** How long KV keeps a text embedding. */
export const TEXT_EMBEDDING_TTL_S = 7 * 24 * 3600;

export interface TextTowerBindings {
  /** Text embeddings by (revision, prompt), shared by the whole deployment. */
  TEXT_EMBEDDINGS: KvStore & {
    put(key: string, value: ArrayBuffer, options: { expirationTtl: number }): Promise<void>;
  };
  /** The text Worker (wrangler.text.toml): the text encoder never shares the vision tower's isolate. */
  TEXT_ENCODER: ServiceFetcher;
}

/**
 * The Worker's text tower, cheapest source first (the engine's own in-isolate cache sits in front):
 * the package's precomputed default prompts, then KV, then the text Worker, whose answers go to KV.
 * Requests whose prompts are all precomputed or in KV succeed while the text Worker is down.
 */
export function workerTextTower(env: TextTowerBindings): (context: LocalTowerContext) => TextTower {
  // Every entry expires (7 days): a caller's own labels are not kept for good.
  const kv: KvStore = {
    get: (key, type) => env.TEXT_EMBEDDINGS.get(key, type),
    put: (key, value) => env.TEXT_EMBEDDINGS.put(key, value, { expirationTtl: TEXT_EMBEDDING_TTL_S }),
  };
  return ({ store, manifest }) =>
    precomputedTextTower(
      store,
      manifest,
      kvCachedTextTower(kv, manifest.revision, remoteTextTower(env.TEXT_ENCODER, manifest.revision)),
    );
}
