import { join } from 'node:path';
import { evaluate, formatReport } from './keyword-evaluation/evaluation';
import { readLabelledPostings } from './keyword-evaluation/labelled-postings';
import { repoRoot } from './repo-root';

/**
 * `npm run eval:keywords`: precision and recall of the keyword analysis over the hand-labelled
 * postings in test/fixtures/postings. Exits with 1 when either is below the bar.
 */

const MINIMUM = 0.85;

const report = evaluate(readLabelledPostings(join(repoRoot(__dirname), 'test', 'fixtures', 'postings')));
console.log(formatReport(report));
if (report.precision < MINIMUM || report.recall < MINIMUM) {
  console.error(`\nprecision and recall must both be at least ${MINIMUM * 100}%`);
  process.exitCode = 1;
}
