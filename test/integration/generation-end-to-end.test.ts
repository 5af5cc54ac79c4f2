import { GenerationInput } from '../../contracts/generations/content';
import { ProfileView } from '../../contracts/profiles/read-model';
import { checkFabrication } from '../../src/writing';
import { startTestApp, TestApp } from '../support/app';
import { ALL_ROLES, Prepared, untilFinished, userWithProfileAndJob } from '../support/generation-flow';

/** Every line of the content, with where it sits. */
function linesOf(content: { sections?: { items: { title: unknown; meta: unknown; lines: unknown[] }[] }[]; paragraphs?: { lines: unknown[] }[] }) {
  const lines = [
    ...(content.sections ?? []).flatMap((section) => section.items.flatMap((item) => [item.title, item.meta, ...item.lines])),
    ...(content.paragraphs ?? []).flatMap((paragraph) => paragraph.lines),
  ];
  return lines.filter(Boolean) as { text: string; sources: { kind: string; entry_id: string | null }[] }[];
}

describe('generation end to end on the embedded adapters (every role in one process)', () => {
  let t: TestApp;
  let prepared: Prepared;
  beforeAll(async () => {
    t = await startTestApp({ GENERATION_STAGE_DURATION_SCALE: '0' }, undefined, ALL_ROLES);
    prepared = await userWithProfileAndJob(t);
  });
  afterAll(() => t.stop());

  it('a resume with a cover letter: 202 pending, then five stages, a result traced to the profile, an honest score', async () => {
    const { user, profile_id, job_id } = prepared;
    const asked = await t.http
      .post('/api/v1/generations/resume')
      .set(user.auth)
      .send({ profile_id, job_id, template_preference: 'technical', generation_options: { include_cover_letter: true, focus_areas: ['Kubernetes'] } });
    expect(asked.status).toBe(202);
    expect(asked.headers.location).toBe(`/api/v1/generations/${asked.body.id}`);
    expect(asked.body.status).toBe('pending');

    const view = await untilFinished(t, user.auth, asked.body.id);
    expect(view).toMatchObject({ status: 'completed', progress: 100, failure: null });
    expect(view.stages.map((stage: { stage: string; status: string; attempt: number }) => [stage.stage, stage.status, stage.attempt])).toEqual([
      ['job_analysis', 'completed', 1],
      ['profile_compilation', 'completed', 1],
      ['content_generation', 'completed', 1],
      ['quality_validation', 'completed', 1],
      ['export_preparation', 'completed', 1],
    ]);
    expect(view.ats_score).toBeGreaterThan(0);

    const result = await t.http.get(`/api/v1/generations/${asked.body.id}/result`).set(user.auth);
    expect(result.status).toBe(200);
    expect(result.body.provider).toBe('deterministic');
    expect(result.body.formats).toEqual(['pdf', 'docx', 'html', 'md', 'txt']);
    expect(result.body.quality.resume_quality.ats_score).toBe(view.ats_score);
    expect(result.body.quality.cover_letter_quality).not.toBeNull();

    // every line points at profile items that exist, and the checker finds nothing invented
    const profile: ProfileView = (await t.http.get(`/api/v1/profiles/${profile_id}`).set(user.auth)).body;
    const ids = new Set([...profile.experiences, ...profile.education, ...profile.projects].map((entry) => entry.id));
    for (const line of [...linesOf(result.body.resume), ...linesOf(result.body.cover_letter)]) {
      expect(line.sources.length).toBeGreaterThan(0);
      for (const source of line.sources) if (['experience', 'achievement', 'education', 'project'].includes(source.kind)) expect(ids).toContain(source.entry_id);
    }
    const job = (await t.http.get(`/api/v1/jobs/${job_id}`).set(user.auth)).body;
    const input: GenerationInput = {
      profile,
      job: { id: job.id, title: job.title, company: job.company, description: job.description, requirements: job.requirements, responsibilities: job.responsibilities, analysis: job.analysis },
      options: view.options,
      feedback: null,
    };
    expect(checkFabrication(result.body.resume, input)).toEqual([]);
    expect(checkFabrication(result.body.cover_letter, input)).toEqual([]);
  });

  it('the same request twice gives the same content and the same score', async () => {
    const { user, profile_id, job_id } = prepared;
    const ask = () => t.http.post('/api/v1/generations/resume').set(user.auth).send({ profile_id, job_id });
    const [a, b] = [await ask(), await ask()];
    await untilFinished(t, user.auth, a.body.id);
    await untilFinished(t, user.auth, b.body.id);
    const [ra, rb] = await Promise.all([a, b].map((res) => t.http.get(`/api/v1/generations/${res.body.id}/result`).set(user.auth)));
    expect(ra.body.resume).toEqual(rb.body.resume);
    expect(ra.body.quality).toEqual(rb.body.quality);
  });
});

describe('generation end to end with simulated stage durations', () => {
  let t: TestApp;
  let prepared: Prepared;
  beforeAll(async () => {
    // 0.4 x the spec's durations: job analysis 0.4 s, profile compilation 0.4 s, content 0.8 s …
    t = await startTestApp({ GENERATION_STAGE_DURATION_SCALE: '0.4' }, undefined, ALL_ROLES);
    prepared = await userWithProfileAndJob(t);
  });
  afterAll(() => t.stop());

  it('uses the profile as it was when asked, even when it changes while the generation runs', async () => {
    const { user, profile_id, job_id } = prepared;
    const asked = await t.http.post('/api/v1/generations/resume').set(user.auth).send({ profile_id, job_id });
    expect(asked.status).toBe(202);
    const before = (await t.http.get(`/api/v1/profiles/${profile_id}`).set(user.auth)).body;
    const renamed = await t.http
      .put(`/api/v1/profiles/${profile_id}`)
      .set(user.auth)
      .send({ personal_info: { ...before.personal_info, full_name: 'Renamed Afterwards' } });
    expect([200, 202]).toContain(renamed.status);

    expect((await untilFinished(t, user.auth, asked.body.id)).status).toBe('completed');
    const result = await t.http.get(`/api/v1/generations/${asked.body.id}/result`).set(user.auth);
    const text = JSON.stringify(result.body.resume);
    expect(text).toContain(before.personal_info.full_name);
    expect(text).not.toContain('Renamed Afterwards');
  });

  it('a cancelled generation runs no further stage and has no result', async () => {
    const { user, profile_id, job_id } = prepared;
    const asked = await t.http.post('/api/v1/generations/resume').set(user.auth).send({ profile_id, job_id });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const cancelled = await t.http.delete(`/api/v1/generations/${asked.body.id}`).set(user.auth);
    expect(cancelled.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // longer than the whole pipeline at this scale
    const view = (await t.http.get(`/api/v1/generations/${asked.body.id}`).set(user.auth)).body;
    expect(view.status).toBe('cancelled');
    expect(view.stages.filter((stage: { status: string }) => stage.status === 'completed').length).toBeLessThan(5);
    expect(view.stages.at(-1).status).toBe('waiting');
    expect((await t.http.get(`/api/v1/generations/${asked.body.id}/result`).set(user.auth)).status).toBe(409);
  });
});
