import { join } from 'node:path';
import { evaluate, LabelledPosting } from '../../../scripts/keyword-evaluation/evaluation';
import { readLabelledPostings } from '../../../scripts/keyword-evaluation/labelled-postings';
import { skillNamed } from '../../../src/keywords/analysis/taxonomy';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'postings');

describe('keyword analysis over the labelled postings', () => {
  const postings = readLabelledPostings(FIXTURES);
  const report = evaluate(postings);

  it('given the evaluation set, then it has at least 25 postings from varied fields', () => {
    expect(postings.length).toBeGreaterThanOrEqual(25);
  });

  it('given the labels, then every one is a canonical taxonomy name', () => {
    const unknown = postings.flatMap((p) => [...p.labels.required, ...p.labels.preferred].filter((l) => !skillNamed(l)).map((l) => `${p.name}: ${l}`));
    expect(unknown).toEqual([]);
  });

  it('given the analysis of every posting, then micro-averaged precision and recall are both at least 0.85', () => {
    expect({ precision: report.precision >= 0.85, recall: report.recall >= 0.85 }).toEqual({ precision: true, recall: true });
  });
});

describe('evaluate', () => {
  const labelled: LabelledPosting = {
    name: 'tiny',
    posting: { title: 'Engineer', description: '', requirements: ['Python', 'Kubernetes', 'Go-to-market'], responsibilities: [] },
    labels: { required: ['Python', 'Docker'], preferred: ['Kubernetes'] },
  };

  it('given one hit in the wrong bucket, one miss and one extra, when evaluated, then the counts say so', () => {
    const report = evaluate([labelled]);
    expect(report.postings[0]).toMatchObject({
      truePositives: ['python', 'kubernetes'],
      falsePositives: ['go-to-market strategy'],
      falseNegatives: ['docker'],
      wrongBucket: ['kubernetes'],
    });
    expect([report.precision, report.recall, report.bucketAccuracy]).toEqual([2 / 3, 2 / 3, 1 / 2]);
  });
});
