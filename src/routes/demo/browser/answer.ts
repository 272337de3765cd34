/**
 * The part of POST /v1/assessments' answer the page reads. Types only, kept apart from the server's schemas so
 * the page's type check needs no server code; test/routes/demo.test.ts fails to compile if the API's schema
 * (src/routes/schemas/assessment.ts) stops fitting it.
 */
export interface AssessmentAnswer {
  assessment: {
    status: string;
    findings: readonly { name: string; probability: number }[];
    symptoms: {
      recognised: readonly { name: string; kind: string; negated: boolean; words: readonly string[] }[];
    };
    triage: { level: string; label: string; action: string; reasons: readonly { message: string }[] };
    questions: readonly Question[];
    summary: string;
    advice: readonly string[];
    disclaimer: string;
  };
  model: { id: string; revision: string; synthetic: boolean } | null;
}

export interface Question {
  id: string;
  text: string;
}

/** What a problem+json error body may hold (RFC 9457); anything else is shown as "HTTP <status>". */
export interface ProblemBody {
  type?: unknown;
  title?: string;
  detail?: string;
}
