import { EMBED_PATH, type EmbedRequest, MAX_PROMPTS, unpackEmbeddings } from "../text-worker/protocol";
import { ModelUnavailableError } from "./package/load";
import type { TextTower } from "./towers";

/** The part of a service binding the tower needs (structural, so this file has no Worker types). */
export interface ServiceFetcher {
  fetch(input: string, init: RequestInit): Promise<Response>;
}

/** The text tower run by the text Worker (src/text-worker) behind a service binding. */
export function remoteTextTower(service: ServiceFetcher, revision: string): TextTower {
  return {
    async encode(prompts) {
      const embeddings: Float32Array[] = [];
      for (let i = 0; i < prompts.length; i += MAX_PROMPTS) {
        embeddings.push(
          ...(await encodeBatch(service, { revision, prompts: prompts.slice(i, i + MAX_PROMPTS) })),
        );
      }
      return embeddings;
    },
  };
}

async function encodeBatch(service: ServiceFetcher, body: EmbedRequest): Promise<Float32Array[]> {
  let response: Response;
  try {
    response = await service.fetch(`https://text-encoder${EMBED_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw unavailable(`cannot reach the text Worker: ${(error as Error).message}`);
  }
  if (!response.ok) {
    const detail = (await response.text()).slice(0, 200);
    throw unavailable(`the text Worker answered ${response.status}: ${detail}`);
  }
  return unpackEmbeddings(await response.arrayBuffer(), body.prompts.length);
}

const unavailable = (message: string) => new ModelUnavailableError("text_encoder_unavailable", message);
