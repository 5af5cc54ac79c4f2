import { runStage, StageFailure } from '../../../../src/generations/stages';
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
  it('offers every export format once there is content', async () => {
    expect(await runStage('export_preparation', await written(false), memoryDeps())).toEqual({ formats: ['pdf', 'docx', 'html', 'md', 'txt'] });
  });

  it('fails for good when nothing was written that could be exported', async () => {
    const nothing = withOutput(requested(), { analysis, resume: { template: 'professional', sections: [], word_count: 0 }, cover_letter: null });

    const failure = await runStage('export_preparation', nothing, memoryDeps()).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(StageFailure);
    expect(failure).toMatchObject({ retryable: false });
  });
});
