import { sha256Hex } from "../package/load";
import type { TextTower } from "../towers";
import { callService, type ServiceFetcher } from "./call";
import { EMBED_PATH, type EmbedRequest, MAX_PROMPTS, unpackEmbeddings } from "./text-protocol";

/** The text tower run by the text Worker (src/workers/text) behind a service binding. */
export function remoteTextTower(service: ServiceFetcher, revision: string): TextTower {
  return {
    async encode(prompts, scope) {
      // The text Worker needs only to tell scopes apart: it gets a fixed-length hash, never an address.
      const hashed = scope === undefined ? undefined : await sha256Hex(new TextEncoder().encode(scope));
      const embeddings: Float32Array[] = [];
      for (let i = 0; i < prompts.length; i += MAX_PROMPTS) {
        embeddings.push(
          ...(await encodeBatch(service, {
            revision,
            prompts: prompts.slice(i, i + MAX_PROMPTS),
            scope: hashed,
          })),
        );
      }
      return embeddings;
    },
  };
}

function encodeBatch(service: ServiceFetcher, body: EmbedRequest): Promise<Float32Array[]> {
  return callService(
    service,
    `https://text-encoder${EMBED_PATH}`,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    "text_encoder_unavailable",
    async (response) => unpackEmbeddings(await response.arrayBuffer(), body.prompts.length),
  );
}
