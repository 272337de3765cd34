/**
 * The two CLIP towers as the engine sees them. Where a tower runs is not the engine's business: in
 * Node both run here; in the Worker the text tower may be another Worker behind a service binding, its
 * answers cached, and the vision tower split across isolates (see issue 3's memory design).
 */

/** pixel_values [1, 3, size, size] (normalised, CHW) -> the raw image embedding (not normalised). */
export interface ImageTower {
  encode(pixels: Float32Array, size: number): Promise<Float32Array>;
  /**
   * Optional: starts what the first encode will need (another isolate's sessions) without waiting, so
   * that it overlaps decoding the photo. Never throws: encode reports any failure.
   */
  warm?(): void;
}

/**
 * Whose prompts these are. Caches keep each scope's embeddings apart, so how fast a prompt is encoded
 * never tells one client what another asked for. Absent for prompts every client shares (the catalogue's).
 */
export type TextScope = string | undefined;

/** Prompts -> raw text embeddings (not normalised), one per prompt, each encoded on its own. */
export interface TextTower {
  encode(prompts: readonly string[], scope?: TextScope): Promise<Float32Array[]>;
}
