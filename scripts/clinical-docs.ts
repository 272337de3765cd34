/**
 * Writes docs/clinical-rules.md and docs/clinical-coverage.md from the clinical data; refuses data that fails
 * its schema (src/clinical/schema.ts). Run with `npm run docs:clinical`.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { clinicalCoverageDoc, clinicalRulesDoc } from "../src/clinical/docs";
import { clinicalDataProblems } from "../src/clinical/schema";

const problems = clinicalDataProblems();
if (problems.length > 0) {
  console.error(`clinical data has ${problems.length} problem(s):\n${problems.join("\n")}`);
  process.exit(1);
}
const root = resolve(import.meta.dirname, "..");
writeFileSync(resolve(root, "docs/clinical-rules.md"), clinicalRulesDoc());
writeFileSync(resolve(root, "docs/clinical-coverage.md"), clinicalCoverageDoc());
console.log("wrote docs/clinical-rules.md and docs/clinical-coverage.md");
