import { renderCoverLetter, renderResume } from '../../../src/rendering';
import { wrap } from '../../../src/rendering/text';
import { coverLetter, resumeFor, resumeTexts } from './fixtures';
import { missingInOrder } from './in-order';

const metadata = { title: 'Resume', author: 'Анна Каренина' };

describe('TXT export', () => {
  const resume = resumeFor('Анна Каренина', 8);

  it('keeps every line under 80 columns and every heading and line, in order', async () => {
    const txt = (await renderResume(resume, { format: 'txt', metadata })).toString('utf8');
    const lines = txt.split('\n');
    expect(lines.filter((l) => [...l].length > 80)).toEqual([]);
    expect(lines[0]).toBe('Анна Каренина');
    expect(lines[1]).toBe('=============');
    const upper = resumeTexts(resume).map((t) => (resume.sections.some((s) => s.heading === t) ? t.toUpperCase() : t));
    expect(missingInOrder(txt, upper)).toEqual([]);
  });

  it('underlines upper-cased headings and lists lines with "- " and a hanging indent', async () => {
    const lines = (await renderResume(resume, { format: 'txt', metadata })).toString('utf8').split('\n');
    const at = lines.indexOf('PROFESSIONAL EXPERIENCE');
    expect(lines[at + 1]).toBe('-'.repeat('PROFESSIONAL EXPERIENCE'.length));
    expect(lines[at + 5]).toMatch(/^- Led the migration/);
    expect(lines[at + 6]).toMatch(/^ {2}\S/);
  });

  it('breaks a word only when it is longer than a line', () => {
    const long = 'x'.repeat(100);
    expect(wrap(`short words ${long} end`, 80)).toEqual(['short words', 'x'.repeat(80), `${'x'.repeat(20)} end`]);
    const words = 'reconciliation '.repeat(20).trim();
    for (const line of wrap(words, 80)) expect(line.split(' ').every((w) => w === 'reconciliation')).toBe(true);
  });

  it('renders a cover letter paragraph by paragraph', async () => {
    const txt = (await renderCoverLetter(coverLetter, { format: 'txt', metadata })).toString('utf8');
    expect(missingInOrder(txt, coverLetter.paragraphs.flatMap((p) => p.lines.map((l) => l.text)))).toEqual([]);
    expect(txt.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
  });
});
