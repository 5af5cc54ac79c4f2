import { runStage, StageFailure } from '../../../../src/generations/stages';
import { backendJob, backendProfile, bareProfile, IDS } from '../../writing/fixtures';
import { memoryDeps, requested, withOutput } from './support';

const analysed = (request: Parameters<typeof requested>[0] = {}) => withOutput(requested(request), { analysis: backendJob().analysis });

describe('profile_compilation stage', () => {
  it("splits the job's skills into those the profile has anywhere and those it lacks", async () => {
    const { compilation } = await runStage('profile_compilation', analysed(), memoryDeps());

    // Terraform is asked for ("nice to have") and named nowhere in the profile.
    expect(compilation?.missing_skills).toContain('Terraform');
    expect(compilation?.matched_skills).toEqual(expect.arrayContaining(['TypeScript', 'Node.js', 'Apache Kafka', 'PostgreSQL', 'Kubernetes', 'Redis', 'Mentoring']));
    expect([...(compilation?.matched_skills ?? []), ...(compilation?.missing_skills ?? [])].sort()).toEqual(
      [...backendJob().analysis.required_skills, ...backendJob().analysis.preferred_skills].sort(),
    );
  });

  it('counts a skill under any spelling the keyword engine knows', async () => {
    const base = backendProfile();
    const profile = {
      ...base,
      professional_summary: null,
      experiences: [],
      projects: [],
      education: [],
      skills: { ...base.skills, technical: ['Postgres', 'k8s'], soft: [], certifications: [] },
    };

    const { compilation } = await runStage('profile_compilation', analysed(), memoryDeps({ profiles: [profile] }));

    expect(compilation?.matched_skills).toEqual(['PostgreSQL', 'Kubernetes']);
    expect(compilation?.relevant_entry_ids).toEqual([]);
  });

  it('lists the entries that mention a job skill, most relevant first, and leaves out the rest and dropped ones', async () => {
    const { compilation } = await runStage('profile_compilation', analysed(), memoryDeps());

    // Northwind names TypeScript, Kafka, Kubernetes and event-driven work; the intern job
    // (WordPress, PHP), the recipe app (Flutter) and the degree name no skill the job asks for.
    expect(compilation?.relevant_entry_ids[0]).toBe(IDS.northwind);
    expect([...(compilation?.relevant_entry_ids ?? [])].sort()).toEqual([IDS.northwind, IDS.contoso, IDS.limiter].sort());

    const feedback = { emphasise: [], drop: [IDS.northwind], reorder: [], tone: null, length: null };
    const dropped = await runStage('profile_compilation', analysed({ feedback }), memoryDeps());
    expect(dropped.compilation?.relevant_entry_ids).not.toContain(IDS.northwind);
  });

  it('fails for good, saying what is missing, when the profile has nothing to draw on', async () => {
    const failure = await runStage('profile_compilation', analysed(), memoryDeps({ profiles: [bareProfile()] })).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(StageFailure);
    expect(failure).toMatchObject({ retryable: false });
    expect((failure as StageFailure).reason).toMatch(/experience, education, projects or skills/);
  });

  it('fails for good when the profile version is gone', async () => {
    await expect(runStage('profile_compilation', analysed({ profile_version: 2 }), memoryDeps())).rejects.toMatchObject({
      reason: 'The profile is no longer available',
      retryable: false,
    });
  });
});
