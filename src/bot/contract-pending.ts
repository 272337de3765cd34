/**
 * TEMPORARY, removed when the clinical contract (issue 9, a commit starting "Contract:") lands: its
 * `Answers` types and `assessWords` (src/service/assess-words.ts). Until then words alone are triaged by the
 * clinical module through a photo that failed its gates, which triages the words' red flags only.
 */
import { type Assessment, assess, type Lang } from "../clinical";

export type AnswerValue = "yes" | "no" | "unknown";
export type Answers = Readonly<Record<string, AnswerValue>>;

export function assessWords(request: {
  text: string;
  lang?: Lang;
  locale?: string;
  answers?: Answers;
}): Assessment {
  const a = assess({
    imageProbabilities: { eczema: 1 },
    gateProbabilities: { skin: 0, object: 1 },
    quality: {
      ok: false,
      problems: [],
      measurements: { meanLuminance: 0, clippedFraction: 0, laplacianVariance: 0, shortEdge: 0 },
    },
    text: request.text,
    lang: request.lang,
    locale: request.locale,
  });
  return { ...a, questions: [] } as Assessment;
}

/** `assessment.questions`, once the contract adds it. */
export function questionsOf(a: Assessment): { id: string; text: string }[] {
  return (a as unknown as { questions?: { id: string; text: string }[] }).questions ?? [];
}

/** `PhotoRequest.answers`, once the contract adds it: until then the answers cannot reach the photo path. */
export function photoAnswers(answers: Answers | undefined): object {
  return answers ? { answers } : {};
}
