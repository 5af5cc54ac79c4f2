import { CommandHandler } from '../../src/shared/command-handler';
import { TOKENS } from '../../src/container-tokens';
import { jobSnapshotAt, profileSnapshotAt } from '../../src/composition/snapshots';
import { EventStore } from '../../src/event-store/port';
import { analyzeJob } from '../../src/keywords';
import { startTestApp, TestApp } from '../support/app';
import { profileBody } from '../support/fixtures';
import { jobBody } from '../support/job-fixtures';

/** profileAt / jobAt over the running app's event store, decrypting with its serializer. */
describe('snapshots of profiles and jobs at a version', () => {
  let t: TestApp;
  let profileAt: ReturnType<typeof profileSnapshotAt>;
  let jobAt: ReturnType<typeof jobSnapshotAt>;
  let events: EventStore;

  beforeAll(async () => {
    t = await startTestApp();
    events = t.app.container.get<EventStore>(TOKENS.EventStore);
    const serializer = t.app.container.get<CommandHandler>(TOKENS.CommandHandler).serializer;
    profileAt = profileSnapshotAt(events, serializer);
    jobAt = jobSnapshotAt(events, serializer);
  });
  afterAll(() => t.stop());

  it('shows a profile as it was at each version, as GET showed it then', async () => {
    const user = await t.register();
    const created = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const updated = await t.http.put(`/api/v1/profiles/${id}`).set(user.auth).send({ professional_summary: 'Platform engineer who now leads the reliability guild.' });
    expect(updated.status).toBe(200);
    expect([created.body.version, updated.body.version]).toEqual([1, 2]);

    expect(await profileAt(id, 1)).toEqual(created.body);
    expect(await profileAt(id, 2)).toEqual(updated.body);
    expect((await profileAt(id, 1))?.professional_summary).toBe(profileBody().professional_summary);
    expect((await profileAt(id, 2))?.professional_summary).toBe('Platform engineer who now leads the reliability guild.');
  });

  it('answers null for a version the profile never had, an unknown profile, and a deleted one', async () => {
    const user = await t.register();
    const created = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
    const id: string = created.body.id;

    expect(await profileAt(id, 2)).toBeNull();
    expect(await profileAt(id, 0)).toBeNull();
    expect(await profileAt('00000000-0000-4000-8000-000000000000', 1)).toBeNull();

    expect((await t.http.delete(`/api/v1/profiles/${id}`).set(user.auth)).status).toBe(204);
    expect(await profileAt(id, 2)).toBeNull();
    expect(await profileAt(id, 1)).not.toBeNull();
  });

  it('shows a job as it was at each version, with its analysis', async () => {
    const user = await t.register();
    const created = await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody());
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const updated = await t.http
      .put(`/api/v1/jobs/${id}`)
      .set(user.auth)
      .send(jobBody({ title: 'Staff Platform Engineer', requirements: ['Deep knowledge of Kafka and PostgreSQL'] }));
    expect(updated.status).toBe(200);

    const first = await jobAt(id, created.body.version);
    expect(first).toEqual({
      id,
      title: 'Senior Platform Engineer',
      company: created.body.company,
      description: created.body.description,
      requirements: created.body.requirements,
      responsibilities: created.body.responsibilities,
      analysis: created.body.analysis,
    });
    expect(first?.analysis.required_skills).toContain('Kubernetes');

    const second = await jobAt(id, updated.body.version);
    expect(second?.title).toBe('Staff Platform Engineer');
    expect(second?.analysis).toEqual(updated.body.analysis);
    expect(second?.analysis.required_skills).toEqual(expect.arrayContaining(['Apache Kafka', 'PostgreSQL']));
    expect(await jobAt(id, updated.body.version + 1)).toBeNull();
  });

  it('analyses a job version whose analysis was not recorded yet', async () => {
    const user = await t.register();
    const created = await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody());
    const id: string = created.body.id;
    // The content is recorded first and its analysis right after it.
    expect((await events.readStream(`job-${id}`)).map((e) => e.type)).toEqual(['JobCreated', 'JobAnalyzed']);

    const job = await jobAt(id, 1);

    const { title, company, description, requirements, responsibilities, benefits } = jobBody();
    expect(job?.title).toBe('Senior Platform Engineer');
    expect(job?.analysis).toEqual(analyzeJob({ title, company, description, requirements, responsibilities, benefits }));
  });

  it('resolves a static catalogue job by its job id and by its catalogue id', async () => {
    const user = await t.register();
    const list = await t.http.get('/api/v1/jobs?limit=100').set(user.auth);
    expect(list.status).toBe(200);
    const entry = (list.body.items as { id: string; catalogue_id: string | null; version: number; title: string; analysis: unknown }[]).find(
      (job) => job.catalogue_id !== null,
    );
    if (!entry?.catalogue_id) throw new Error('the catalogue is not loaded');

    const byId = await jobAt(entry.id, entry.version);
    expect(byId).toMatchObject({ id: entry.id, title: entry.title, analysis: entry.analysis });
    expect(await jobAt(entry.catalogue_id, entry.version)).toEqual(byId);
  });
});
