import { type KvStore, kvCachedTextTower } from "../../model/kv-text-cache";
import { precomputedTextTower } from "../../model/label-embeddings";
import type { LocalTowerContext } from "../../model/onnx-towers";
import type { ServiceFetcher } from "../../model/remote/call";
import { remoteTextTower } from "../../model/remote/text-client";
import type { TextTower } from "../../model/towers";

export interface TextTowerBindings {
  /** Text embeddings by (revision, prompt), shared by the whole deployment. */
  TEXT_EMBEDDINGS: KvStore;
  /** The text Worker (wrangler.text.toml): the text encoder never shares the vision tower's isolate. */
  TEXT_ENCODER: ServiceFetcher;
}

/**
 * The Worker's text tower, cheapest source first (the engine's own in-isolate cache sits in front):
 * the package's precomputed default prompts, then KV, then the text Worker, whose answers go to KV.
 * Requests whose prompts are all precomputed or in KV succeed while the text Worker is down.
 */
export function workerTextTower(env: TextTowerBindings): (context: LocalTowerContext) => TextTower {
  return ({ store, manifest }) =>
    precomputedTextTower(
      store,
      manifest,
      kvCachedTextTower(
        env.TEXT_EMBEDDINGS,
        manifest.revision,
        remoteTextTower(env.TEXT_ENCODER, manifest.revision),
      ),
    );
}
