import type { TextScope } from "./towers";

// Each part's length keeps the parts apart whatever characters they hold.
const keyOf = (revision: string, scope: TextScope, prompt: string) =>
  `${revision.length}:${revision}${scope === undefined ? "-" : `${scope.length}:${scope}`}${prompt}`;

/**
 * Text embeddings by (model revision, scope, exact prompt), so a prompt is encoded once per isolate and
 * scope. Bounded: 2048 entries of 512 floats are 4 MiB; the least recently used entry goes first.
 */
export class TextEmbeddingCache {
  private readonly entries = new Map<string, Float32Array>();

  constructor(private readonly capacity = 2048) {}

  get(revision: string, prompt: string, scope?: TextScope): Float32Array | undefined {
    const key = keyOf(revision, scope, prompt);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(revision: string, prompt: string, embedding: Float32Array, scope?: TextScope): void {
    const key = keyOf(revision, scope, prompt);
    this.entries.delete(key);
    this.entries.set(key, embedding);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
