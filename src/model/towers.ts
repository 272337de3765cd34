/**
 * The two CLIP towers as the engine sees them. Where a tower runs is not the engine's business: in
 * Node both run here; in the Worker the text tower may be another Worker behind a service binding, its
 * answers cached, and the vision tower split across isolates (see issue 3's memory design).
 */

/** pixel_values [1, 3, size, size] (normalised, CHW) -> the raw image embedding (not normalised). */
export interface ImageTower {
  encode(pixels: Float32Array, size: number): Promise<Float32Array>;
  /** Optional: prepares what the first encode will need (see WarmUp). */
  warm?(): WarmUp;
}

/**
 * A warm-up: the work a cold request would do first (ORT's start, the graph's R2 reads, sessions, another
 * isolate's wake-up), started as the request arrives so that it overlaps reading and decoding the photo.
 * It settles when that work has, and never rejects: a failure is forgotten and the real use tries again
 * (see PromiseCache's warm-up entries). In a Worker the caller keeps it alive with `ctx.waitUntil`: I/O
 * begun in a request that has ended never completes in workerd, and the next request would wait on it.
 */
export type WarmUp = Promise<void>;

/**
 * Whose prompts these are. Caches keep each scope's embeddings apart, so how fast a prompt is encoded
 * never tells one client what another asked for. Absent for prompts every client shares (the catalogue's).
 */
export type TextScope = string | undefined;

/** Prompts -> raw text embeddings (not normalised), one per prompt, each encoded on its own. */
export interface TextTower {
  encode(prompts: readonly string[], scope?: TextScope): Promise<Float32Array[]>;
  /**
   * Optional: prepares what the next encode will need (see WarmUp): the package's table, and with
   * `encoder` the text encoder too (prompts the table lacks: a caller's own labels).
   */
  warm?(options: { encoder: boolean }): WarmUp;
}

/** The warm-up made of `parts`, run side by side: settles once all have, never rejects. */
export function warmUpOf(...parts: (Promise<unknown> | undefined)[]): WarmUp {
  return Promise.allSettled(parts).then(() => undefined);
}
