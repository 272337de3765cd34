/**
 * Checks the clinical data (rules.ts, coverage.ts, questions.ts) with zod: every atom names a known concept,
 * group, derived atom or catalogue entry; every source is cited in sources.ts; ids are unique; coverage rows
 * point at rules, questions and catalogue entries that exist. A test runs it; `npm run docs:clinical` refuses
 * to write docs from data that fails it.
 */
import { z } from "zod";
import { catalogue } from "./catalogue";
import { COVERAGE } from "./coverage";
import { DERIVED_ATOMS } from "./facts";
import { QUESTIONS } from "./questions";
import { BENIGN_PATTERNS, GROUPS, RULES } from "./rules";
import { SOURCES } from "./sources";
import { QUESTION_IDS, TRIAGE_LEVELS } from "./types";
import { vocabulary } from "./vocabulary";

const concepts = new Set<string>([...vocabulary.map((v) => v.id), "lasting_4_weeks"]);
const catalogueIds = new Set(catalogue.map((e) => e.id));

/** Why an atom is unknown, or null when it names something that exists. */
export function atomProblem(atom: string): string | null {
  const [kind, rest] = atom.includes(":") ? atom.split(":", 2) : ["", atom];
  if (kind === "group") return Object.hasOwn(GROUPS, rest) ? null : `unknown group ${rest}`;
  if (kind === "finding") return catalogueIds.has(rest) ? null : `unknown catalogue entry ${rest}`;
  if (kind === "denied") return concepts.has(rest) ? null : `unknown concept ${rest}`;
  if (kind !== "") return `unknown atom kind ${kind}`;
  return concepts.has(atom) || Object.hasOwn(DERIVED_ATOMS, atom) ? null : `unknown atom ${atom}`;
}

const Atom = z.string().superRefine((atom, ctx) => {
  const problem = atomProblem(atom);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
const Condition = z.union([Atom, z.array(Atom).min(1)]);
const Level = z.enum(TRIAGE_LEVELS);
const Source = z.string().refine((s) => Object.hasOwn(SOURCES, s), { message: "source not in sources.ts" });
const Localised = z.object({ en: z.string().min(1), zh: z.string().regex(/\p{Script=Han}/u) });

const Clause = z.object({
  level: Level,
  all: z.array(Condition).min(1),
  atLeast: z.object({ n: z.number().int().min(1), of: z.array(Atom).min(1) }).optional(),
  none: z.array(Atom).optional(),
  when: z.string().min(10),
});
const Rule = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  sources: z.array(Source).min(1),
  message: Localised,
  clauses: z.array(Clause).min(1),
});
const Benign = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  sources: z.array(Source).min(1),
  name: Localised,
  all: z.array(Condition).min(1),
  none: z.array(Atom),
  allow: z.array(Atom).optional(),
});
const ruleIds = new Set<string>(RULES.map((r) => r.id));
const CoverageRow = z
  .object({
    source: Source,
    redFlag: z.string().min(5),
    level: Level,
    rules: z.array(z.string().refine((id) => ruleIds.has(id), { message: "unknown rule" })).optional(),
    questions: z.array(z.enum(QUESTION_IDS)).optional(),
    catalogue: z
      .array(z.string().refine((id) => catalogueIds.has(id), { message: "unknown entry" }))
      .optional(),
    note: z.string().optional(),
    outOfScope: z.string().optional(),
  })
  .refine((r) => r.rules?.length || r.questions?.length || r.catalogue?.length || r.outOfScope, {
    message: "a row must name what covers it, or say why it is out of scope",
  });

const unique = (ids: readonly string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

/** Every problem in the clinical data, as "where: what"; empty when it is sound. */
export function clinicalDataProblems(
  data = { rules: RULES, benign: BENIGN_PATTERNS, coverage: COVERAGE, groups: GROUPS },
): string[] {
  const problems: string[] = [];
  const check = (schema: z.ZodType, value: unknown, where: string) => {
    const result = schema.safeParse(value);
    if (!result.success)
      for (const issue of result.error.issues)
        problems.push(`${where}.${issue.path.join(".")}: ${issue.message}`);
  };
  for (const [i, r] of data.rules.entries()) check(Rule, r, `rules[${i}] ${r.id}`);
  for (const [i, p] of data.benign.entries()) check(Benign, p, `benign[${i}] ${p.id}`);
  for (const [i, c] of data.coverage.entries()) check(CoverageRow, c, `coverage[${i}]`);
  for (const [name, atoms] of Object.entries(data.groups))
    for (const atom of atoms) if (atomProblem(atom)) problems.push(`groups.${name}: ${atomProblem(atom)}`);
  for (const id of unique(data.rules.map((r) => r.id))) problems.push(`rules: ${id} is listed twice`);
  for (const id of unique(data.benign.map((p) => p.id))) problems.push(`benign: ${id} is listed twice`);
  for (const q of QUESTIONS)
    if (atomProblem(q.yes)) problems.push(`questions.${q.id}: ${atomProblem(q.yes)}`);
  return problems;
}
