/** What every benchmark section is given (bench/run.ts makes it). */
import type { BenchPackages } from "./packages";
import type { BenchPhotos } from "./photos";

export interface BenchContext {
  packages: BenchPackages;
  photos: BenchPhotos;
  rounds: number;
  /** Lines printed under the table: breakdowns, profiles, explanations. */
  notes: string[];
}
