import { join } from 'node:path';
import { evaluate, LabelledPosting } from '../../../scripts/keyword-evaluation/evaluation';
import { BLIND_SET, EVALUATION_SETS, shortfalls, TUNING_SET } from '../../../scripts/keyword-evaluation/evaluation-sets';
import { readLabelledPostings } from '../../../scripts/keyword-evaluation/labelled-postings';
import { skillNamed } from '../../../src/keywords/analysis/taxonomy';

const ROOT = join(__dirname, '..', '..', '..');

describe('keyword analysis over the labelled postings', () => {
  describe.each(EVALUATION_SETS.map((set) => [set.name, set] as const))('the %s set', (_name, set) => {
    const postings = readLabelledPostings(join(ROOT, set.directory));
    const report = evaluate(postings);

    it('given the analysis of every posting, then micro-averaged precision and recall are at or above the set’s own floor', () => {
      expect(shortfalls(report, set.floor)).toEqual([]);
    });
  });

  it('given the tuning set, then it has at least 25 postings and every label is a canonical taxonomy name', () => {
    const postings = readLabelledPostings(join(ROOT, TUNING_SET.directory));
    const unknown = postings.flatMap((p) => [...p.labels.required, ...p.labels.preferred].filter((l) => !skillNamed(l)).map((l) => `${p.name}: ${l}`));
    expect(postings.length).toBeGreaterThanOrEqual(25);
    expect(unknown).toEqual([]);
    expect(TUNING_SET.floor).toEqual({ precision: 0.85, recall: 0.85 });
  });

  it('given the blind set, then it has at least 30 postings and its floor is the one set from its first run', () => {
    expect(readLabelledPostings(join(ROOT, BLIND_SET.directory)).length).toBeGreaterThanOrEqual(30);
    expect(BLIND_SET.floor).toEqual({ precision: 0.6, recall: 0.13 });
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

describe('shortfalls', () => {
  const report = { postings: [], precision: 0.9, recall: 0.5, f1: 0, bucketAccuracy: 1 };

  it('given a report under the recall floor only, when checked, then only recall is reported', () => {
    expect(shortfalls(report, { precision: 0.85, recall: 0.85 })).toEqual(['recall 50.0% is under the floor of 85.0%']);
  });

  it('given a report at or above both floors, when checked, then nothing is reported', () => {
    expect(shortfalls(report, { precision: 0.9, recall: 0.5 })).toEqual([]);
  });
});
