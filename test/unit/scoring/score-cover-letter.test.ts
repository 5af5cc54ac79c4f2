import { CoverLetterContent } from '../../../contracts/generations/content';
import { CoverLetterQualityReport } from '../../../contracts/generations/quality';
import { scoreCoverLetter } from '../../../src/scoring';
import { backendJob, backendKeywordList, numbersIn } from './fixtures';

type Role = CoverLetterContent['paragraphs'][number]['role'];
const letter = (...paragraphs: Array<[Role, string[]]>): CoverLetterContent => CoverLetterContent.parse({
  tone: 'professional',
  paragraphs: paragraphs.map(([role, texts]) => ({ role, lines: texts.map((text) => ({ text, sources: [{ kind: 'job', entry_id: null, index: null }] })) })),
  word_count: 0,
});

const goodLetter = letter(
  ['greeting', ['Dear Ms Okafor,']],
  ['opening', ['I am writing to apply for the Senior Backend Engineer role at Harbor Logistics, whose tracking platform I have followed since it opened its API to carriers.']],
  ['body', [
    'At Northwind Freight I led backend development of our shipment tracking platform in Python, which now serves two million events a day.',
    'I moved forty services onto k8s on AWS, packaged with Docker, and cut our hosting costs by a third while keeping latency under 80 ms.',
    'I designed the public REST APIs our 300 carrier partners use, and tuned the Postgres queries behind them for peak season.',
  ]],
  ['body', ['Mentoring four engineers taught me as much as it taught them; two of them now lead their own teams.']],
  ['closing', ['I would be glad to talk about how I could help your platform team carry the next million shipments. Thank you for your time and consideration.']],
  ['signature', ['Jane Doe']],
);

describe('scoreCoverLetter', () => {
  it('given the same letter twice, when scored, then the reports are equal and parse as CoverLetterQualityReport', () => {
    const report = scoreCoverLetter(goodLetter, backendJob);
    expect(scoreCoverLetter(structuredClone(goodLetter), backendJob)).toEqual(report);
    expect(CoverLetterQualityReport.parse(report)).toEqual(report);
  });

  it('given a letter using the job skills in sentences, when scored, then it beats a letter that lists them, and synonyms count', () => {
    const good = scoreCoverLetter(goodLetter, backendJob);
    const listing = scoreCoverLetter(letter(
      ['greeting', ['Dear Ms Okafor,']],
      ['opening', ['I am writing to apply for the Senior Backend Engineer role at Harbor Logistics.']],
      ['body', [backendKeywordList]],
      ['closing', ['I look forward to hearing from you.']],
      ['signature', ['Jane Doe']],
    ), backendJob);
    expect(good.matched_keywords.find((m) => m.keyword === 'Kubernetes')).toMatchObject({ in_context: true, where: [{ paragraph: 'body' }] });
    expect(listing.matched_keywords.every((m) => !m.in_context)).toBe(true);
    expect(good.ats_score).toBeGreaterThan(listing.ats_score + 0.25);
    expect(listing.suggestions.some((s) => s.includes('into sentences instead of a list'))).toBe(true);
  });

  it('given a letter without greeting, closing and signature, when scored, then structure drops with a suggestion for each', () => {
    const bare = letter(['body', ['At Northwind Freight I led backend development of our shipment tracking platform in Python.']]);
    const report = scoreCoverLetter(bare, backendJob);
    expect(report.components.structure.score).toBeLessThan(scoreCoverLetter(goodLetter, backendJob).components.structure.score!);
    expect(report.suggestions).toEqual(expect.arrayContaining([
      'Add a greeting, addressed to a person where you know the name.',
      'Add a closing paragraph that asks for the conversation.',
      'Add a signature with your name.',
    ]));
  });

  it('given any letter, when scored, then all numbers are within 0..1 and component weights sum to 1', () => {
    const report = scoreCoverLetter(goodLetter, backendJob);
    const components = Object.values(report.components);
    expect(components.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 3);
    expect(numbersIn(report).every((n) => n >= 0 && n <= 1)).toBe(true);
  });
});
