/**
 * The text Worker's one internal endpoint, spoken over the TEXT_ENCODER service binding:
 * POST /embed {revision, prompts, scope?} -> the prompts' unit-length float32 embeddings, concatenated.
 * `scope` is whose prompts they are (see TextScope): the text Worker caches each scope's apart.
 * A revision other than the text Worker's own model is refused with 409, so a caller holding another
 * model never caches vectors from the wrong text tower.
 */
export const EMBED_PATH = "/embed";
export const MAX_PROMPTS = 256;
export const MAX_PROMPT_CHARS = 2000;
const MAX_SCOPE_CHARS = 200;

export interface EmbedRequest {
  revision: string;
  prompts: string[];
  scope?: string;
}

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

export function packEmbeddings(embeddings: readonly Float32Array[]): Uint8Array {
  const dim = embeddings[0].length;
  const out = new Float32Array(embeddings.length * dim);
  embeddings.forEach((e, i) => {
    out.set(e, i * dim);
  });
  return new Uint8Array(out.buffer);
}

export function unpackEmbeddings(bytes: ArrayBuffer, count: number): Float32Array[] {
  const all = new Float32Array(bytes);
  const dim = all.length / count;
  if (!Number.isInteger(dim) || dim === 0)
    throw new Error(`text Worker sent ${bytes.byteLength} bytes for ${count} prompts`);
  return Array.from({ length: count }, (_, i) => all.slice(i * dim, (i + 1) * dim));
}
