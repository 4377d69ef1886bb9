// Prints how long each test file took, longest first, and which tests were skipped, from
// vitest's JSON report (`--reporter=json --outputFile.json=<file>`): .ci/run ends with it, so
// the end of a CI log says where the time went and what did not run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const file = process.argv[2];
if (!file || !existsSync(file)) process.exit(0);
const report = JSON.parse(readFileSync(file, 'utf8'));
const rows = report.testResults
  .map((result) => ({
    name: path.relative(process.cwd(), result.name),
    seconds: (result.endTime - result.startTime) / 1000,
    status: result.status,
  }))
  .sort((a, b) => b.seconds - a.seconds);
console.log('\nTest files by duration:');
for (const row of rows.slice(0, 25)) {
  console.log(`${row.seconds.toFixed(1).padStart(8)} s  ${row.status.padEnd(7)} ${row.name}`);
}
const total = rows.reduce((sum, row) => sum + row.seconds, 0);
console.log(
  `${total.toFixed(1).padStart(8)} s  in ${rows.length} files (summed; files run side by side)`,
);

// The tests that did not run, so a skip that should not happen in CI shows in its log.
const skipped = report.testResults.flatMap((result) =>
  result.assertionResults
    .filter((test) => test.status === 'skipped' || test.status === 'pending')
    .map((test) => `${path.relative(process.cwd(), result.name)} > ${test.fullName}`),
);
if (skipped.length > 0) {
  console.log(`\nSkipped (${skipped.length}):`);
  for (const name of skipped) console.log(`  ${name}`);
}
