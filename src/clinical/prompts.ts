/**
 * The text the model is asked about. The clinical module never calls the model: the service embeds these
 * prompts (a label's prompts are averaged into one text embedding), scores the photo against them, and
 * passes the probabilities back to `assess`.
 */
import { catalogue, PROMPT_TEMPLATES } from "./catalogue";
import type { CatalogueEntry, GateLabel } from "./types";

/** Every template filled with every term; also for a caller's own label: `conditionPrompts({ terms: ["keloid"] })`. */
export function conditionPrompts(entry: Pick<CatalogueEntry, "terms" | "templates">): string[] {
  const templates = entry.templates ?? PROMPT_TEMPLATES;
  return entry.terms.flatMap((term) => templates.map((t) => t.replace("{}", term)));
}

/** Label id -> prompts, for the whole catalogue or a chosen subset. */
export function cataloguePrompts(entries: readonly CatalogueEntry[] = catalogue): Record<string, string[]> {
  return Object.fromEntries(entries.map((e) => [e.id, conditionPrompts(e)]));
}

/**
 * The not-skin gate: "skin" against what else people send by mistake. Scored as one zero-shot
 * classification over these labels; see `checkSkin` in gates.ts.
 */
export const gatePrompts: Readonly<Record<GateLabel, readonly string[]>> = {
  skin: [
    "a close-up photo of human skin",
    "a photo of a skin rash",
    "a dermatology photo of a skin lesion",
    "a close-up photo of a mole on the skin",
    "a dermoscopy image of a skin lesion",
    "a photo of a person's arm with a skin condition",
  ],
  object: [
    "a photo of an object",
    "a photo of a household item",
    "a photo of furniture",
    "a photo of a vehicle",
  ],
  animal: ["a photo of an animal", "a photo of a dog", "a photo of a cat", "a photo of a bird"],
  document: [
    "a photo of a document",
    "a photo of a page of text",
    "a scan of a paper form",
    "a photo of a receipt",
  ],
  screenshot: ["a screenshot of a phone screen", "a screenshot of a website", "a screenshot of an app"],
  food: ["a photo of food", "a photo of a meal on a plate", "a photo of fruit"],
  landscape: [
    "a photo of a landscape",
    "a photo of a city street",
    "a photo of the sky",
    "a photo of a building",
  ],
};
