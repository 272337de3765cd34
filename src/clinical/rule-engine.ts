/** Evaluates the rules of rules.ts over the facts of facts.ts: which rules fire, at what level, and why. */
import type { Facts } from "./facts";
import { levelRank } from "./levels";
import {
  BENIGN_PATTERNS,
  type BenignPattern,
  type Clause,
  type Condition,
  GROUPS,
  RULES,
  type RuleData,
} from "./rules";
import type { TriageLevel } from "./types";

export interface Fired {
  readonly rule: RuleData;
  readonly level: TriageLevel;
  /** Concepts among the clause's atoms that hold: their words are quoted back to the patient. */
  readonly concepts: readonly string[];
  /** Catalogue ids of top findings that completed the rule. */
  readonly findings: readonly string[];
}

const holdsCondition = (f: Facts, c: Condition) =>
  typeof c === "string" ? f.holds(c) : c.some((a) => f.holds(a));

export function clauseHolds(f: Facts, clause: Pick<Clause, "all" | "atLeast" | "none">): boolean {
  if (!clause.all.every((c) => holdsCondition(f, c))) return false;
  if (clause.atLeast && clause.atLeast.of.filter((a) => f.holds(a)).length < clause.atLeast.n) return false;
  return !(clause.none ?? []).some((a) => f.holds(a));
}

/** Every atom a clause names, groups expanded one level (for quoting the words that triggered it). */
function atomsOf(clause: Clause): string[] {
  const atoms = [...clause.all.flat(), ...(clause.atLeast?.of ?? [])];
  return atoms.flatMap((a) =>
    a.startsWith("group:") ? [...(GROUPS[a.slice(6) as keyof typeof GROUPS] ?? [])] : [a],
  );
}

/** The rules that fire, each at the most urgent of its clauses that hold. */
export function fireRules(f: Facts): Fired[] {
  const fired: Fired[] = [];
  for (const rule of RULES as readonly RuleData[]) {
    const held = rule.clauses.filter((c) => clauseHolds(f, c));
    if (held.length === 0) continue;
    const top = held.reduce((a, b) => (levelRank(b.level) > levelRank(a.level) ? b : a));
    const atoms = atomsOf(top).filter((a) => f.holds(a));
    fired.push({
      rule,
      level: top.level,
      concepts: [...new Set(atoms.filter((a) => !a.includes(":")))],
      findings: [...new Set(atoms.filter((a) => a.startsWith("finding:")).map((a) => a.slice(8)))],
    });
  }
  return fired;
}

/**
 * The benign patterns the words match with nothing that makes them more: no alarm sign (GROUPS.alarm) beyond
 * those the pattern itself allows, and none of its own exclusions.
 */
export function benignMatches(f: Facts): BenignPattern[] {
  const alarms = GROUPS.alarm.filter((a) => f.holds(a));
  return (BENIGN_PATTERNS as readonly BenignPattern[]).filter(
    (p) => alarms.every((a) => p.allow?.includes(a)) && clauseHolds(f, p),
  );
}
