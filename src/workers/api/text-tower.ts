import { type KvStore, kvCachedTextTower } from "../../model/kv-text-cache";
import { precomputedTextTower } from "../../model/label-embeddings";
import type { LocalTowerContext } from "../../model/onnx-towers";
import { remoteTextTower, type TextEncoderRpc } from "../../model/remote/text-encoder";
import type { TextTower } from "../../model/towers";

/** How long KV keeps a text embedding. */
export const TEXT_EMBEDDING_TTL_S = 7 * 24 * 3600;

/**
 * The Worker's text tower, cheapest source first (the engine's own in-isolate cache sits in front):
 * the package's precomputed default prompts, then KV (TEXT_EMBEDDINGS), then the text Worker
 * (TEXT_ENCODER), whose answers go to KV. Requests whose prompts are all precomputed or in KV succeed
 * while the text Worker is down.
 */
export function workerTextTower(env: {
  TEXT_EMBEDDINGS: Pick<KVNamespace, "get" | "put">;
  TEXT_ENCODER: TextEncoderRpc;
}): (context: LocalTowerContext) => TextTower {
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
