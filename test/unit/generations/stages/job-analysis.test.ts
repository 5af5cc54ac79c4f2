import { runStage, StageFailure } from '../../../../src/generations/stages';
import { analyzeJob } from '../../../../src/keywords';
import { backendJob } from '../../writing/fixtures';
import { memoryDeps, requested } from './support';

describe('job_analysis stage', () => {
  it('answers the analysis of the job at the version the generation names, not a later one', async () => {
    const v3 = backendJob();
    const v4 = { ...v3, requirements: ['Ten years of COBOL'], analysis: analyzeJob({ ...v3, requirements: ['Ten years of COBOL'] }) };
    const deps = memoryDeps({ jobs: [{ version: 3, job: v3 }, { version: 4, job: v4 }] });

    const output = await runStage('job_analysis', requested({ job_version: 3 }), deps);

    expect(output).toEqual({ analysis: v3.analysis });
    expect(output.analysis?.required_skills).toContain('Kubernetes');
  });

  it('fails for good when the job is gone at that version', async () => {
    const failure = await runStage('job_analysis', requested({ job_version: 9 }), memoryDeps()).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(StageFailure);
    expect(failure).toMatchObject({ reason: 'The job is no longer available', retryable: false });
  });

  it('does nothing once the generation was cancelled', async () => {
    const controller = new AbortController();
    controller.abort();

    await expect(runStage('job_analysis', requested(), memoryDeps(), controller.signal)).rejects.toMatchObject({ retryable: false });
  });
});
