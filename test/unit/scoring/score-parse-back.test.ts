import type { ParseBackOutcome } from '../../../contracts/generations/parse-back';
import { FORMAT_WEIGHTS, scoreResume } from '../../../src/scoring';
import { backendJob, goodBackendResume, northwind } from './fixtures';

const passed = (format: ParseBackOutcome['format']): ParseBackOutcome => ({ format, ok: true, checked: 10, in_order: 10, issues: [], error: null });
const experience = goodBackendResume.sections.findIndex((s) => s.kind === 'experience');
const lostTitle: ParseBackOutcome = {
  format: 'pdf', ok: false, checked: 10, in_order: 8,
  issues: [{ path: `sections[${experience}].items[0].title`, problem: 'missing' }, { path: `sections[${experience}].heading`, problem: 'out_of_order' }],
  error: null,
};
const parseBackOf = (outcomes: ParseBackOutcome[] | null) =>
  scoreResume(goodBackendResume, backendJob, outcomes).components.format_compliance.evidence.find((e) => e.check === 'parse_back');

describe('scoreResume: the parse_back check of format compliance', () => {
  it('given the documented format weights, when summed, then they make 1', () => {
    expect(Object.values(FORMAT_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('given no parse-back, when scored, then the check does not apply and the other checks keep their old proportions', () => {
    const report = scoreResume(goodBackendResume, backendJob);
    expect(parseBackOf(null)).toMatchObject({ score: null, weight: 0 });
    const bullets = report.components.format_compliance.evidence.find((e) => e.check === 'bullet_length');
    expect(bullets?.weight).toBeCloseTo(0.25, 4);
  });

  it('given exports that read back in order, when scored, then the check scores 1 with weight 0.2 and there is no suggestion about it', () => {
    const report = scoreResume(goodBackendResume, backendJob, [passed('pdf'), passed('docx')]);
    expect(parseBackOf([passed('pdf'), passed('docx')])).toMatchObject({ score: 1, weight: 0.2, line_paths: [] });
    expect(report.suggestions.join(' ')).not.toMatch(/read back/);
  });

  it('given a PDF that lost an item title and moved a heading, when scored, then format compliance and the ATS score drop and a suggestion says why', () => {
    const good = scoreResume(goodBackendResume, backendJob, [passed('pdf'), passed('docx')]);
    const bad = scoreResume(goodBackendResume, backendJob, [lostTitle, passed('docx')]);
    expect(parseBackOf([lostTitle, passed('docx')])).toMatchObject({
      score: 0.9, line_paths: [`sections[${experience}].items[0].title`, `sections[${experience}].heading`],
      note: 'pdf: 8 of 10 headings, titles and dates read back in order; docx: 10 of 10 headings, titles and dates read back in order',
    });
    expect(bad.components.format_compliance.score!).toBeLessThan(good.components.format_compliance.score!);
    expect(bad.ats_score).toBeLessThan(good.ats_score);
    expect(bad.suggestions).toContain(`The PDF export does not read back as written: the title "${northwind}" (missing), the "Experience" heading (out of order). An ATS reads the file's text, so it would miss or misplace these.`);
  });

  it('given a PDF whose text could not be extracted, when scored, then that format scores 0 and the suggestion gives the reason', () => {
    const unreadable: ParseBackOutcome = { format: 'pdf', ok: false, checked: 10, in_order: 0, issues: [], error: 'The PDF text could not be read back: timeout.' };
    const report = scoreResume(goodBackendResume, backendJob, [unreadable, passed('docx')]);
    expect(parseBackOf([unreadable, passed('docx')])?.score).toBe(0.5);
    expect(report.suggestions).toContain('The PDF text could not be read back: timeout. An ATS reading the PDF would find nothing.');
  });
});
