import { sha256Hex } from "../package/load";
import { type TextTower, warmUpOf } from "../towers";
import { callRemote, type RemoteResult } from "./rpc";

/**
 * The text Worker's RPC interface (src/workers/text), reached through the TEXT_ENCODER service binding.
 * `embed` answers the prompts' unit-length embeddings, in order. `scope` is whose prompts they are (see
 * TextScope): the text Worker caches each scope's apart. A revision other than the text Worker's own
 * model is refused (`revision_mismatch`), so a caller holding another model never caches vectors from
 * the wrong text tower.
 */
export interface TextEncoderRpc {
  embed(request: EmbedRequest): Promise<RemoteResult<Float32Array[]>>;
  /** Creates the text session and reads the tokenizer now, ahead of an `embed` (see WarmUp). */
  warm?(revision: string): Promise<RemoteResult<null>>;
}

export interface EmbedRequest {
  revision: string;
  prompts: string[];
  scope?: string;
}

export const MAX_PROMPTS = 256;
export const MAX_PROMPT_CHARS = 2000;
const MAX_SCOPE_CHARS = 200;

/** RPC checks types only at compile time: the text Worker checks what it was sent. */
export function isEmbedRequest(body: unknown): body is EmbedRequest {
  const b = body as EmbedRequest;
  return (
    typeof b?.revision === "string" &&
    Array.isArray(b.prompts) &&
    b.prompts.length > 0 &&
    b.prompts.length <= MAX_PROMPTS &&
    b.prompts.every((p) => typeof p === "string" && p.length <= MAX_PROMPT_CHARS) &&
    (b.scope === undefined || (typeof b.scope === "string" && b.scope.length <= MAX_SCOPE_CHARS))
  );
}

const TEXT_WORKER = { worker: "the text Worker", unavailable: "text_encoder_unavailable" } as const;

/** The text tower run by the text Worker, in batches of at most MAX_PROMPTS. */
export function remoteTextTower(encoder: TextEncoderRpc, revision: string): TextTower {
  return {
    // Woken only for prompts the package's table lacks; a failure is the next embed's to report.
    warm: ({ encoder: needed }) => warmUpOf(needed ? (async () => encoder.warm?.(revision))() : undefined),
    async encode(prompts, scope) {
      // The text Worker needs only to tell scopes apart: it gets a fixed-length hash, never an address.
      const hashed = scope === undefined ? undefined : await sha256Hex(new TextEncoder().encode(scope));
      const embeddings: Float32Array[] = [];
      for (let i = 0; i < prompts.length; i += MAX_PROMPTS) {
        const batch = prompts.slice(i, i + MAX_PROMPTS);
        const answer = await callRemote(TEXT_WORKER, () =>
          checked(encoder.embed({ revision, prompts: batch, scope: hashed }), batch.length),
        );
        embeddings.push(...answer);
      }
      return embeddings;
    },
  };
}

/** A success that is not `count` embeddings of one positive length is a bad answer, not a result. */
async function checked(
  answer: Promise<RemoteResult<Float32Array[]>>,
  count: number,
): Promise<RemoteResult<Float32Array[]>> {
  const result = await answer;
  if (!result.ok) return result;
  const dim = result.value[0]?.length ?? 0;
  const good =
    result.value.length === count &&
    dim > 0 &&
    result.value.every((e) => e instanceof Float32Array && e.length === dim);
  return good
    ? result
    : {
        ok: false,
        code: "bad_request",
        message: `sent ${result.value.length} embeddings for ${count} prompts`,
      };
}
