import { ParseBackReport } from '../../../../contracts/generations/parse-back';
import { runStage, StageFailure } from '../../../../src/generations/stages';
import { stopPdfTextExtractor } from '../../../../src/rendering/parse-back';
import { scoreCoverLetter, scoreResume } from '../../../../src/scoring';
import { backendJob } from '../../writing/fixtures';
import { memoryDeps, requested, withOutput } from './support';

const analysis = backendJob().analysis;

async function written(include_cover_letter: boolean) {
  const generation = withOutput(requested({ options: { ...requested().request.options, include_cover_letter } }), { analysis });
  return withOutput(generation, await runStage('content_generation', generation, memoryDeps()));
}

describe('quality_validation stage', () => {
  it("scores each written document against the job's analysis", async () => {
    const generation = await written(true);

    const output = await runStage('quality_validation', generation, memoryDeps());

    expect(output.resume_quality).toEqual(scoreResume(generation.output.resume!, analysis));
    expect(output.cover_letter_quality).toEqual(scoreCoverLetter(generation.output.cover_letter!, analysis));
    expect(output.resume_quality?.ats_score).toBeGreaterThan(0.5);
  });

  it('reports no cover-letter quality when no letter was written', async () => {
    const output = await runStage('quality_validation', await written(false), memoryDeps());

    expect(output.resume_quality).not.toBeNull();
    expect(output.cover_letter_quality).toBeNull();
  });
});

describe('export_preparation stage', () => {
  afterAll(() => stopPdfTextExtractor());

  it('offers every export format once there is content, with the parse-back of the resume and the letter', async () => {
    const output = await runStage('export_preparation', await written(true), memoryDeps());

    expect(output.formats).toEqual(['pdf', 'docx', 'html', 'md', 'txt']);
    expect(ParseBackReport.parse(output.parse_back)).toEqual(output.parse_back);
    expect(output.parse_back?.ok).toBe(true);
    expect(output.parse_back?.resume.map((o) => [o.format, o.ok, o.issues])).toEqual([['pdf', true, []], ['docx', true, []]]);
    expect(output.parse_back?.cover_letter.map((o) => [o.format, o.ok])).toEqual([['pdf', true], ['docx', true]]);
  });

  it('scores the resume again with what the exports gave back, which replaces the earlier report', async () => {
    const generation = await written(false);

    const output = await runStage('export_preparation', generation, memoryDeps());

    expect(output.resume_quality).toEqual(scoreResume(generation.output.resume!, analysis, output.parse_back!.resume));
    const check = output.resume_quality?.components.format_compliance.evidence.find((e) => e.check === 'parse_back');
    expect(check).toMatchObject({ score: 1, weight: 0.2 });
  });

  it('lowers the score and says why when the PDF does not give an employer back (Hangul has no glyphs in the PDF fonts)', async () => {
    const generation = await written(false);
    const resume = generation.output.resume!;
    const experience = resume.sections.findIndex((s) => s.kind === 'experience');
    const title = (text: string) => ({ ...resume.sections[experience].items[0].title!, text });
    const korean = {
      ...resume,
      sections: resume.sections.map((s, i) => (i !== experience ? s : { ...s, items: s.items.map((item, j) => (j === 0 ? { ...item, title: title('Backend Engineer, 삼성전자') } : item)) })),
    };

    const failing = await runStage('export_preparation', withOutput(generation, { resume: korean }), memoryDeps());
    const passing = await runStage('export_preparation', generation, memoryDeps());

    expect(failing.parse_back?.ok).toBe(false);
    expect(failing.parse_back?.resume).toEqual([
      { format: 'pdf', ok: false, checked: expect.any(Number), in_order: expect.any(Number), issues: [{ path: `sections[${experience}].items[0].title`, problem: 'missing' }], error: null },
      expect.objectContaining({ format: 'docx', ok: true }),
    ]);
    const format = (output: typeof failing) => output.resume_quality!.components.format_compliance.score!;
    expect(format(failing)).toBeLessThan(format(passing));
    const allBack = failing.parse_back!.resume.map((o) => ({ ...o, ok: true, in_order: o.checked, issues: [] }));
    expect(failing.resume_quality!.ats_score).toBeLessThan(scoreResume(korean, analysis, allBack).ats_score);
    expect(failing.resume_quality!.suggestions).toContain(
      'The PDF export does not read back as written: the title "Backend Engineer, 삼성전자" (missing). An ATS reads the file\'s text, so it would miss or misplace these.',
    );
  });

  it('fails for good when nothing was written that could be exported', async () => {
    const nothing = withOutput(requested(), { analysis, resume: { template: 'professional', sections: [], word_count: 0 }, cover_letter: null });

    const failure = await runStage('export_preparation', nothing, memoryDeps()).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(StageFailure);
    expect(failure).toMatchObject({ retryable: false });
  });
});
