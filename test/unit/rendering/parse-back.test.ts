import { ParseBackOutcome } from '../../../contracts/generations/parse-back';
import { renderResume } from '../../../src/rendering';
import {
  compareInOrder, coverLetterExpectations, extractDocxText, extractPdfText, outcome, parseBack, resumeExpectations, stopPdfTextExtractor,
} from '../../../src/rendering/parse-back';
import { coverLetter, resumeFor } from './fixtures';

afterAll(() => stopPdfTextExtractor());

const metadata = { title: 'Resume', author: 'JobWise' };
const textOf = (expected: { text: string }[]) => expected.map((e) => e.text).join('\n');

describe('parse-back: what a resume must give back', () => {
  it('given a resume, when its expectations are listed, then they are the name, each heading and each item title and meta, in reading order', () => {
    const resume = resumeFor('Анна Каренина', 2);
    expect(resumeExpectations(resume).map((e) => e.path)).toEqual([
      'sections[0].items[0].title',
      'sections[1].heading',
      'sections[2].heading', 'sections[2].items[0].title', 'sections[2].items[0].meta', 'sections[2].items[1].title', 'sections[2].items[1].meta',
      'sections[3].heading', 'sections[3].items[0].title', 'sections[3].items[0].meta',
      'sections[4].heading',
      'sections[5].heading',
    ]);
  });

  it('given a cover letter, when its expectations are listed, then they are its paragraphs in order', () => {
    expect(coverLetterExpectations(coverLetter).map((e) => e.path)).toEqual(['paragraphs[0]', 'paragraphs[1]', 'paragraphs[2]', 'paragraphs[3]', 'paragraphs[4]']);
  });
});

describe('parse-back: comparing an extraction with the content', () => {
  const expected = resumeExpectations(resumeFor('Αλέξανδρος Παπαδόπουλος', 3));

  it('given an extraction with everything in order (wrapped and spaced differently), when compared, then nothing is reported', () => {
    const wrapped = textOf(expected).replace(/ /g, '\n ').replace(/Professional/g, 'Profes sional');
    expect(compareInOrder(wrapped, expected)).toEqual({ in_order: expected.length, issues: [] });
  });

  it('given an extraction that lost one employer line, when compared, then that item title is missing and nothing else', () => {
    const lost = expected.filter((e) => e.path !== 'sections[2].items[1].title');
    expect(compareInOrder(textOf(lost), expected).issues).toEqual([{ path: 'sections[2].items[1].title', problem: 'missing' }]);
  });

  it('given an extraction with the education section before the experience section, when compared, then the moved section is out of order, not everything after it', () => {
    const education = expected.filter((e) => e.path.startsWith('sections[3]'));
    const moved = [...expected.filter((e) => !e.path.startsWith('sections[3]')).slice(0, 2), ...education, ...expected.filter((e) => !e.path.startsWith('sections[3]')).slice(2)];
    const { issues, in_order } = compareInOrder(textOf(moved), expected);
    expect(issues).toEqual(education.map((e) => ({ path: e.path, problem: 'out_of_order' })));
    expect(in_order).toBe(expected.length - education.length);
  });

  it('given texts that recur (the same dates on many items), when compared, then each is matched at its own place', () => {
    const many = Array.from({ length: 600 }, (_, i) => ({ path: `sections[2].items[${i}].meta`, text: i % 2 === 0 ? '2020' : `Role ${i}` }));
    const started = performance.now();
    expect(compareInOrder(textOf(many), many)).toEqual({ in_order: 600, issues: [] });
    expect(compareInOrder(textOf(many.slice(0, 599)), many).issues).toEqual([{ path: 'sections[2].items[599].meta', problem: 'missing' }]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('given a broken extraction, when turned into an outcome, then it is not ok and says why by path only', () => {
    const result = outcome('pdf', expected, textOf(expected.slice(1)));
    expect(ParseBackOutcome.parse(result)).toEqual({ format: 'pdf', ok: false, checked: expected.length, in_order: expected.length - 1, issues: [{ path: 'sections[0].items[0].title', problem: 'missing' }], error: null });
  });
});

describe('parse-back: the real exports', () => {
  it.each(['Αλέξανδρος Παπαδόπουλος', 'Анна Каренина', '王小明'])('given a resume for %s, when rendered and read back, then the PDF and the DOCX give everything back in order', async (name) => {
    const outcomes = await parseBack({ kind: 'resume', content: resumeFor(name, 2) });
    expect(outcomes).toEqual([
      { format: 'pdf', ok: true, checked: 12, in_order: 12, issues: [], error: null },
      { format: 'docx', ok: true, checked: 12, in_order: 12, issues: [], error: null },
    ]);
  });

  it('given a title with a soft hyphen and a zero-width space, when read back, then the invisible characters are not missed', async () => {
    const resume = resumeFor('Анна Каренина', 1);
    resume.sections[2].items[0].title = { ...resume.sections[2].items[0].title!, text: 'Soft\u00adware Engi\u200bneer, Northwind Freight' };
    expect((await parseBack({ kind: 'resume', content: resume })).map((o) => o.issues)).toEqual([[], []]);
  });

  it('given an employer in Hangul, which the PDF fonts do not cover, when read back, then the PDF misses that title and the DOCX does not', async () => {
    const resume = resumeFor('Анна Каренина', 1);
    resume.sections[2].items[0].title = { ...resume.sections[2].items[0].title!, text: 'Backend Engineer, 삼성전자' };
    const outcomes = await parseBack({ kind: 'resume', content: resume });
    expect(outcomes.map((o) => [o.format, o.issues])).toEqual([['pdf', [{ path: 'sections[2].items[0].title', problem: 'missing' }]], ['docx', []]]);
  });

  it('given a three-page resume, when rendered and read back, then both formats pass', async () => {
    const resume = resumeFor('王小明', 13);
    expect((await extractPdfText(await renderResume(resume, { format: 'pdf', metadata }))).length).toBe(3);
    const outcomes = await parseBack({ kind: 'resume', content: resume });
    expect(outcomes.map((o) => [o.format, o.ok, o.checked])).toEqual([['pdf', true, 2 + 4 + 2 * 13 + 2], ['docx', true, 2 + 4 + 2 * 13 + 2]]);
  });

  it('given a cover letter, when rendered and read back, then its paragraphs come back in order', async () => {
    const outcomes = await parseBack({ kind: 'cover_letter', content: coverLetter });
    expect(outcomes.map((o) => [o.format, o.ok, o.in_order])).toEqual([['pdf', true, 5], ['docx', true, 5]]);
  });

  it('given the DOCX of a resume, when its paragraphs are read, then the name comes first and the headings follow', async () => {
    const paragraphs = extractDocxText(await renderResume(resumeFor('Анна Каренина'), { format: 'docx', metadata }));
    expect(paragraphs.slice(0, 3)).toEqual(['Анна Каренина', 'anna@example.com · +49 30 1234567 · Berlin, Deutschland', 'Professional Summary']);
  });

  it('given something that is not a PDF, when read back, then the extraction fails with a reason and the next one still works', async () => {
    await expect(extractPdfText(Buffer.from('not a pdf'))).rejects.toThrow();
    expect((await extractPdfText(await renderResume(resumeFor('Анна Каренина'), { format: 'pdf', metadata }))).join(' ')).toContain('Анна Каренина');
  });

  it('given a timeout too short to parse, when read back, then it fails as a timeout and a later call starts afresh', async () => {
    const pdf = await renderResume(resumeFor('Анна Каренина', 13), { format: 'pdf', metadata });
    await stopPdfTextExtractor();
    await expect(extractPdfText(pdf, 1)).rejects.toThrow(/longer than 1 ms/);
    expect((await extractPdfText(pdf)).length).toBe(3);
  });
});
