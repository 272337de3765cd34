import { catalogueEntry, type Localised, TRIAGE_LEVELS } from "../clinical";
import type { ClipEngine } from "../model/engine";
import { combineWithZeroShot, HEAD_FILE, headProbabilities, type LinearHead } from "../model/head";
import { ModelUnavailableError } from "../model/package/load";

type Scores = { id: string; probability: number }[];

export interface HeadScores {
  scores: Scores;
  /** Names and advice of the head's classes the catalogue does not know. */
  otherLabels: Record<string, { name: Localised; advice: Localised }>;
}

/**
 * Every class of a head must be a catalogue id or described in the head (with a valid urgency): a head
 * naming a condition nobody described would answer with a bare id and no advice.
 */
export function checkHeadClasses(head: LinearHead): void {
  for (const id of head.classes) {
    if (catalogueEntry(id)) continue;
    const described = Object.hasOwn(head.newClasses, id) ? head.newClasses[id] : undefined;
    if (!described) {
      throw new ModelUnavailableError(
        "model_invalid",
        `${HEAD_FILE}: class "${id}" is neither a catalogue id nor described in newClasses`,
      );
    }
    if (!(TRIAGE_LEVELS as readonly string[]).includes(described.urgency)) {
      throw new ModelUnavailableError(
        "model_invalid",
        `${HEAD_FILE}: class "${id}" has urgency "${described.urgency}", not one of ${TRIAGE_LEVELS.join(", ")}`,
      );
    }
  }
}

/**
 * The catalogue scores with the package's head applied (see HeadCombine in model/head.ts), or null when
 * the package has none. Only the catalogue's ranking changes: the gates and the words are not the head's.
 */
export async function headScores(
  engine: ClipEngine,
  embedding: Float32Array,
  zeroShot: Scores,
): Promise<HeadScores | null> {
  const head = await engine.head();
  const combine = engine.info.head?.combine;
  if (!head || !combine) return null;
  checkHeadClasses(head);
  const scores = combineWithZeroShot(head, headProbabilities(head, embedding), zeroShot, combine);
  const otherLabels = Object.fromEntries(
    Object.entries(head.newClasses).map(([id, c]) => [id, { name: c.name, advice: c.advice }]),
  );
  return { scores, otherLabels };
}
