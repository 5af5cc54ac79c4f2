import { join } from 'node:path';
import { evaluate, formatReport } from './keyword-evaluation/evaluation';
import { EVALUATION_SETS, shortfalls } from './keyword-evaluation/evaluation-sets';
import { readLabelledPostings } from './keyword-evaluation/labelled-postings';
import { repoRoot } from './repo-root';

/**
 * `npm run eval:keywords`: precision and recall of the keyword analysis over each hand-labelled
 * set (scripts/keyword-evaluation/evaluation-sets.ts), reported separately. Exits with 1 when any
 * set is under its own floor.
 */

const root = repoRoot(__dirname);
const results = EVALUATION_SETS.map((set) => {
  const report = evaluate(readLabelledPostings(join(root, set.directory)));
  return { set, report, problems: shortfalls(report, set.floor) };
});

for (const { set, report } of results) {
  console.log(`\n=== ${set.name} set (${set.directory}) ===\n`);
  console.log(formatReport(report));
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
console.log('\n=== summary ===');
for (const { set, report, problems } of results) {
  const floor = `floor ${pct(set.floor.precision)} / ${pct(set.floor.recall)}`;
  console.log(`${set.name.padEnd(8)} postings ${String(report.postings.length).padStart(3)}  precision ${pct(report.precision).padStart(6)}  recall ${pct(report.recall).padStart(6)}  (${floor})${problems.length ? '  UNDER FLOOR' : ''}`);
}
const failures = results.flatMap(({ set, problems }) => problems.map((p) => `${set.name}: ${p}`));
if (failures.length) {
  console.error(`\n${failures.join('\n')}`);
  process.exitCode = 1;
}
