import { ResumeContent } from '../../../../contracts/generations/content';
import { runStage, StageFailure } from '../../../../src/generations/stages';
import { ContentProvider, ProviderError } from '../../../../src/llm/port';
import { writeResume } from '../../../../src/writing';
import { backendJob, backendProfile, IDS } from '../../writing/fixtures';
import { allText, memoryDeps, requested, rewritingProvider, withOutput } from './support';

const analysed = (request: Parameters<typeof requested>[0] = {}) => withOutput(requested(request), { analysis: backendJob().analysis });

/** Adds a line to the first experience that the profile does not support: nobody led 12 engineers. */
function inventHeadcount(resume: ResumeContent): ResumeContent {
  const sections = resume.sections.map((section) =>
    section.kind !== 'experience'
      ? section
      : {
          ...section,
          items: section.items.map((item, i) =>
            i === 0
              ? { ...item, lines: [...item.lines, { text: 'Led 12 engineers across the platform team', sources: [{ kind: 'experience' as const, entry_id: IDS.northwind, index: null }] }] }
              : item,
          ),
        },
  );
  return { ...resume, sections };
}

const failingProvider = (error: Error): ContentProvider => ({
  name: 'failing',
  writeResume: () => Promise.reject(error),
  writeCoverLetter: () => Promise.reject(error),
});

describe('content_generation stage', () => {
  it('writes the resume with the provider from the profile and job at the requested versions', async () => {
    const older = backendProfile({ version: 5, personal_info: { ...backendProfile().personal_info, full_name: 'Ada Older' } });
    const deps = memoryDeps({ profiles: [older, backendProfile()] });

    const output = await runStage('content_generation', analysed({ profile_version: 5 }), deps);

    expect(output.provider).toBe('deterministic');
    expect(output.tokens).toEqual({ prompt: 0, completion: 0 });
    expect(output.repaired).toEqual([]);
    expect(output.cover_letter).toBeNull();
    expect(allText(output.resume)).toContain('Ada Older');
    expect(output.resume).toEqual(
      writeResume({ profile: older, job: backendJob(), options: requested().request.options, feedback: null }),
    );
  });

  it('writes a cover letter too when the options ask for one, and only a cover letter for that kind', async () => {
    const both = await runStage('content_generation', analysed({ options: { ...requested().request.options, include_cover_letter: true } }), memoryDeps());
    expect(both.resume).not.toBeNull();
    expect(both.cover_letter?.paragraphs.length).toBeGreaterThan(0);

    const letterOnly = await runStage('content_generation', analysed({ kind: 'cover_letter' }), memoryDeps());
    expect(letterOnly.resume).toBeNull();
    expect(letterOnly.cover_letter?.paragraphs.length).toBeGreaterThan(0);
  });

  it("removes what the provider invented before it is recorded, and says where (never what)", async () => {
    const provider = rewritingProvider('inventive', { resume: inventHeadcount });

    const output = await runStage('content_generation', analysed(), memoryDeps({ provider }));

    expect(allText(output.resume)).not.toContain('12 engineers');
    expect(JSON.stringify(output)).not.toContain('Led 12');
    expect(output.repaired).toEqual([{ kind: 'number', path: expect.stringMatching(/^sections\[\d+\]\.items\[0\]\.lines\[\d+\]$/) }]);
    // What the profile does support stays.
    expect(allText(output.resume)).toContain('Cut p99 latency of the tracking API from 900 ms to 120 ms');
    expect(output.provider).toBe('inventive');
    expect(output.tokens).toEqual({ prompt: 1200, completion: 300 });
  });

  it('checks the cover letter as well and adds up the tokens of both calls', async () => {
    const provider = rewritingProvider('inventive', {
      resume: inventHeadcount,
      letter: (letter) => ({
        ...letter,
        paragraphs: letter.paragraphs.map((p) =>
          p.role === 'body' ? { ...p, lines: [...p.lines, { text: 'At Globex I led 12 engineers.', sources: [{ kind: 'experience' as const, entry_id: IDS.northwind, index: null }] }] } : p,
        ),
      }),
    });
    const generation = analysed({ options: { ...requested().request.options, include_cover_letter: true } });

    const output = await runStage('content_generation', generation, memoryDeps({ provider }));

    expect(allText(output.cover_letter)).not.toContain('Globex');
    expect(output.repaired?.some((r) => r.path.startsWith('paragraphs['))).toBe(true);
    expect(output.tokens).toEqual({ prompt: 2400, completion: 600 });
  });

  it('turns a retryable provider failure into a retryable stage failure with its readable reason', async () => {
    const provider = failingProvider(new ProviderError('overloaded', 'The writing service is busy; try again in a minute', true));

    const failure = await runStage('content_generation', analysed(), memoryDeps({ provider })).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(StageFailure);
    expect(failure).toMatchObject({ reason: 'The writing service is busy; try again in a minute', retryable: true });
  });

  it('keeps a provider failure that will repeat final', async () => {
    const provider = failingProvider(new ProviderError('rejected', 'The writing service refused the request', false));

    await expect(runStage('content_generation', analysed(), memoryDeps({ provider }))).rejects.toMatchObject({ retryable: false });
  });

  it('fails for good when the job is gone', async () => {
    await expect(runStage('content_generation', analysed({ job_version: 1 }), memoryDeps())).rejects.toMatchObject({
      reason: 'The job is no longer available',
      retryable: false,
    });
  });
});
