import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { guardWords, readScowl } from "../../scripts/typo-guard";
import { readCorpus } from "../../src/cli/commands/triage-eval";
import { assessWords, RED_FLAG_RULES, RULES } from "../../src/clinical";
import { clinicalCoverageDoc, clinicalRulesDoc } from "../../src/clinical/docs";
import { clinicalDataProblems } from "../../src/clinical/schema";
import { evaluateTriageCorpus } from "../../src/clinical/triage-eval";
import { TYPO_GUARD } from "../../src/clinical/typo-guard";
import { runDermedge } from "../support/dermedge-cli.node";

const root = resolve(import.meta.dirname, "../..");
const corpusDir = resolve(root, "test/clinical/corpus");
const heldoutDirs = [resolve(root, "test/clinical/heldout"), resolve(root, "test/clinical/heldout-2")];

const dermedge = (...args: string[]) => runDermedge(args);

describe("the patient-message corpus (test/clinical/corpus)", () => {
  it("has at least 250 messages, half English and half Chinese, with its traps", async () => {
    const cases = await readCorpus(corpusDir);
    expect(cases.length).toBeGreaterThanOrEqual(250);
    const en = cases.filter((c) => c.lang === "en").length;
    const zh = cases.filter((c) => c.lang === "zh").length;
    expect(Math.min(en, zh) / Math.max(en, zh)).toBeGreaterThan(0.9);
    const families = new Set(cases.map((c) => c.family));
    for (const trap of ["negation", "typos", "durations", "ages", "false_alarm"])
      expect(families).toContain(trap);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it("fires every red-flag rule, in English and in Chinese, across our corpus and the held-out ones", async () => {
    const cases = [
      ...(await readCorpus(corpusDir)),
      ...(await readCorpus(heldoutDirs[0])),
      ...(await readCorpus(heldoutDirs[1])),
    ];
    const fired = { en: new Set<string>(), zh: new Set<string>() };
    for (const c of cases)
      for (const r of assessWords({ text: c.text, lang: c.lang }).triage.reasons) fired[c.lang].add(r.rule);
    for (const rule of RED_FLAG_RULES) {
      expect(fired.en, `${rule} in en`).toContain(rule);
      expect(fired.zh, `${rule} in zh`).toContain(rule);
    }
  });

  it("under-triages nothing, over-triages nothing, and reads every stated duration and age", async () => {
    const report = evaluateTriageCorpus(await readCorpus(corpusDir));
    const under = report.results.filter((r) => r.under).map((r) => `${r.case.id} ${r.level}: ${r.case.text}`);
    expect(under).toEqual([]);
    expect(report.underTriage).toBe(0);
    expect(report.results.filter((r) => r.over).map((r) => r.case.id)).toEqual([]);
    expect(report.duration.correct).toBe(report.duration.checked);
    expect(report.age.correct).toBe(report.age.checked);
    expect(report.duration.checked).toBeGreaterThanOrEqual(30);
    expect(report.age.checked).toBeGreaterThanOrEqual(20);
  });
});

describe("the held-out corpora (test/clinical/heldout, heldout-2: written from the guidance, not from the rules)", () => {
  it("hold at least 300 messages in en and zh, each with the true answers to the core checklist", async () => {
    const cases = await readCorpus(heldoutDirs[0]);
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(cases.filter((c) => c.lang === "zh").length).toBeGreaterThan(100);
    const core = [
      "baby_under_3_months",
      "child",
      "over_70",
      "pregnant",
      "burn",
      "chemical",
      "electric_shock",
      "bite",
    ];
    for (const c of cases) for (const q of core) expect(c.truth, `${c.id} ${q}`).toHaveProperty(q);
  });

  for (const path of ["words", "answers"] as const) {
    it(`under-triage 0 and over-triage at most 5% ${path === "words" ? "from the words alone" : "with the true answers"}`, async () => {
      for (const dir of heldoutDirs) {
        const report = evaluateTriageCorpus(await readCorpus(dir), path);
        const under = report.results
          .filter((r) => r.under)
          .map((r) => `${r.case.id} ${r.level}: ${r.case.text}`);
        expect(under, dir).toEqual([]);
        expect(report.overTriage / report.cases, dir).toBeLessThanOrEqual(0.05);
      }
    });
  }
});

describe("dermedge triage-eval", () => {
  it("prints the confusion table, under- and over-triage and duration/age accuracy", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "dermedge-")), "report.json");
    const { code, stdout } = await dermedge("triage-eval", corpusDir, "--out", out);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /level confusion \(rows: expected minimum level, columns: level given from the words\)/,
    );
    expect(stdout).toMatch(/^\s+self_care\s+doctor\s+doctor_soon\s+same_day\s+emergency$/m);
    expect(stdout).toMatch(/under-triage \(below the expected minimum\): 0/);
    expect(stdout).toMatch(/over-triage \(above the expected maximum\):\s+\d+/);
    expect(stdout).toMatch(/durations read correctly: \d+\/\d+/);
    expect(stdout).toMatch(/ages read correctly:\s+\d+\/\d+/);
    const report = JSON.parse(await readFile(out, "utf8"));
    expect(report.results[0]).toMatchObject({ id: "en-001", level: expect.any(String) });
  });

  it("exits 1 and lists the message when one is under-triaged; one line for a bad file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dermedge-corpus-"));
    await writeFile(
      join(dir, "x.jsonl"),
      `${JSON.stringify({ id: "x-1", lang: "en", text: "a small itchy spot", min: "emergency", max: "emergency" })}\n`,
    );
    const under = await dermedge("triage-eval", dir);
    expect(under.code).toBe(1);
    expect(under.stdout).toMatch(/UNDER-TRIAGED\n {2}x-1: doctor < emergency/);
    expect(under.stderr.trim()).toBe("dermedge: 1 message(s) under-triaged");
    await writeFile(join(dir, "x.jsonl"), '{"lang":"fr","text":"x","min":"doctor","max":"doctor"}\n');
    const bad = await dermedge("triage-eval", dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe("dermedge: x.jsonl:1: lang must be en or zh");
  });
});

describe("the clinical data and its generated docs", () => {
  it("passes its schema: every atom, source, rule, question and catalogue reference resolves", () => {
    expect(clinicalDataProblems()).toEqual([]);
    const broken = {
      ...RULES[0],
      sources: ["A blog"],
      clauses: [{ level: "soonish", all: ["feverr", "group:nope"], when: "a broken clause" }],
    };
    const problems = clinicalDataProblems({
      rules: [broken, RULES[0]] as never,
      benign: [] as never,
      coverage: [{ source: "NHS Hives", redFlag: "nothing covers this", level: "doctor" }] as never,
      groups: {} as never,
    });
    expect(problems.join("\n")).toMatch(/source not in sources.ts/);
    expect(problems.join("\n")).toMatch(/unknown atom feverr/);
    expect(problems.join("\n")).toMatch(/unknown group nope/);
    expect(problems.join("\n")).toMatch(/anaphylaxis is listed twice/);
    expect(problems.join("\n")).toMatch(/must name what covers it/);
  });

  it("docs/clinical-rules.md and docs/clinical-coverage.md are up to date (npm run docs:clinical)", async () => {
    expect(await readFile(resolve(root, "docs/clinical-rules.md"), "utf8")).toBe(clinicalRulesDoc());
    expect(await readFile(resolve(root, "docs/clinical-coverage.md"), "utf8")).toBe(clinicalCoverageDoc());
    const doc = clinicalRulesDoc();
    for (const rule of RED_FLAG_RULES)
      expect(doc, rule).toMatch(new RegExp(`^\\| \`${rule}\` \\|.*\\|.*(NICE|NHS|NHC|RCOG|AAD)`, "m"));
  });
});

describe("the typo guard", () => {
  it("is up to date with the vocabulary (npx tsx scripts/typo-guard.ts regenerates it)", () => {
    expect([...TYPO_GUARD].sort()).toEqual(guardWords(readScowl()));
  });
});
