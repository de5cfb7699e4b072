#!/usr/bin/env node
// Sums vitest JSON reports into the one closing line CI reads: "N passed, N failed".
//   node scripts/count-results.js [--failed-steps N] REPORT.json…
// --failed-steps adds CI steps that failed outside the test runs (lint, types, db:check).
// Skipped tests are counted on the line before, so the last line keeps its plain shape.
import fs from "node:fs";

const args = process.argv.slice(2);
let failed = 0;
const stepsAt = args.indexOf("--failed-steps");
if (stepsAt >= 0) {
  failed += Number(args[stepsAt + 1]) || 0;
  args.splice(stepsAt, 2);
}

let passed = 0;
let skipped = 0;
for (const file of args) {
  if (!fs.existsSync(file)) {
    console.log(`(no report at ${file}: that run did not finish)`);
    failed++;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that crashed before running its tests has no failed test to count.
  for (const suite of report.testResults ?? []) {
    if (suite.status === "failed" && (suite.assertionResults ?? []).every((a) => a.status !== "failed")) failed++;
  }
}
if (skipped) console.log(`(${skipped} skipped: tests for the other database, or for another run)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
