import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrationEvent } from '../../../contracts/integration';
import { JobAlertDocument, JobAlertsReadModel } from '../../../contracts/job-search/alerts';
import { SavedSearchDocument, SavedSearchesReadModel } from '../../../contracts/job-search/saved-searches';
import { JobsReadModel } from '../../../contracts/jobs/read-model';
import { PreferencesReadModel } from '../../../contracts/notifications/read-model';
import { Unprojected } from '../../../contracts/shared/read-model';
import { ConsumedMessage, MessageBus } from '../../../src/bus/port';
import { jobAlertDigestsProjection } from '../../../projections/alerts';
import { alertNotifications } from '../../../src/composition/job-alerts';
import { openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { EventStore } from '../../../src/event-store/port';
import { instantNotificationId, JobAlertMatcher } from '../../../src/job-search/alerts/alert-matcher';
import { AlertQueries } from '../../../src/job-search/alerts/alert-queries';
import { DigestSweep } from '../../../src/job-search/alerts/digest-sweep';
import { searchTerms } from '../../../src/keywords';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { Doc } from '../../../src/read-store/port';
import { projectAll } from '../../support/project-all';
import { ManualClock } from '../../../src/shared/clock';
import { CommandHandler } from '../../../src/shared/command-handler';
import { silentLogger } from '../../../src/shared/logger';

/**
 * The job-alert matcher and the digest sweep on the embedded event store and read store: what a
 * new job raises, exactly once, for whom, and when. The read models (jobs, alerts, saved
 * searches, digests) are written here as their projections would; the digest read model is fed
 * from the recorded events.
 */
const alice = randomUUID();
const bob = randomUUID();

describe('job-alert matcher', () => {
  let dir: string;
  let events: EventStore;
  let store: EmbeddedReadStore;
  let clock: ManualClock;
  let matcher: JobAlertMatcher;
  let sweep: DigestSweep;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'job-alerts-'));
    events = await openEmbeddedEventStore(join(dir, 'events'));
    store = new EmbeddedReadStore();
    clock = new ManualClock('2026-11-30T10:00:00.000Z');
    const commands = new CommandHandler(events);
    const queries = new AlertQueries(store);
    const notifications = alertNotifications(commands, store);
    matcher = new JobAlertMatcher({ bus: {} as MessageBus, commands, queries, notifications, clock, logger: silentLogger(), group_id: 'test', read_model_wait_ms: 200 });
    sweep = new DigestSweep({ commands, queries, notifications, clock, logger: silentLogger(), interval_ms: 60_000 });
  });
  afterEach(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const put = (collection: string, doc: Record<string, unknown>) => store.collection<Doc>(collection).upsert({ _id: doc.id as string, ...doc });

  async function job(overrides: Record<string, unknown> = {}) {
    const id = randomUUID();
    await put(JobsReadModel.collection, {
      id,
      user_id: null,
      status: 'active',
      expires_date: null,
      search_terms: searchTerms({ title: 'Platform Engineer', company: 'Quillmark', description: 'We run Kubernetes with Terraform.', requirements: [], responsibilities: [] }),
      location: 'Amsterdam',
      remote: 'remote',
      employment_type: 'full_time',
      experience_level: 'senior',
      source: 'static',
      skills: ['Kubernetes', 'Terraform'],
      salary_range: null,
      posted_date: '2026-11-30',
      version: 1,
      ...overrides,
    });
    return id;
  }

  async function alertOn(user_id: string, frequency: 'instant' | 'daily' | 'weekly', criteria: { query?: string | null; filters?: Record<string, unknown> } = {}, paused = false) {
    const criteria_id = randomUUID();
    const alert_id = randomUUID();
    const search: Unprojected<SavedSearchDocument> = { id: criteria_id, user_id, name: 'n', query: criteria.query ?? null, filters: criteria.filters ?? {}, created_at: '2026-11-29T00:00:00.000Z', version: 1 };
    const alert: Unprojected<JobAlertDocument> = { id: alert_id, user_id, criteria_id, frequency, paused, created_at: '2026-11-29T00:00:00.000Z', updated_at: '2026-11-29T00:00:00.000Z', version: 1 };
    await put(SavedSearchesReadModel.collection, search);
    await put(JobAlertsReadModel.collection, alert);
    return alert_id;
  }

  const created = (job_id: string, overrides: Partial<{ user_id: string | null; status: string; event_id: string; occurred_at: string }> = {}): IntegrationEvent =>
    ({
      event_id: overrides.event_id ?? randomUUID(),
      event_type: 'job.created',
      schema_version: 1,
      occurred_at: overrides.occurred_at ?? '2026-11-30T10:00:00.000Z',
      correlation_id: 'corr',
      source_stream: `job-${job_id}`,
      source_revision: 0,
      data: {
        job_id,
        source: 'static',
        user_id: overrides.user_id ?? null,
        status: overrides.status ?? 'active',
        title: null,
        company: null,
        remote: null,
        employment_type: null,
        experience_level: null,
        salary: null,
        posted_date: null,
        expires_date: null,
        counts: { requirements: 0, responsibilities: 0, benefits: 0 },
      },
    }) as IntegrationEvent;
  const activated = (job_id: string): IntegrationEvent =>
    ({ ...created(job_id), event_type: 'job.status_changed', source_revision: 1, data: { job_id, from: 'draft', to: 'active' } }) as IntegrationEvent;
  const message = (event: IntegrationEvent, headers: Record<string, string> = {}): ConsumedMessage =>
    ({ topic: 'jobwise.jobs.v1', partition: 0, offset: '1', key: event.source_stream, value: event, headers }) as unknown as ConsumedMessage;

  const raised = async (user_id?: string) =>
    (await events.readAll()).filter((e) => e.type === 'NotificationRaised' && (!user_id || (e.data as { user_id: string }).user_id === user_id)).map((e) => e.data as Record<string, unknown>);

  /** The digest read model, fed from the digest events as the projection would. */
  const projectDigests = () => projectAll(events, store, jobAlertDigestsProjection);

  it('given an instant alert matching a new job, when the job.created is delivered twice, then one job_alert notification is raised', async () => {
    await alertOn(alice, 'instant', { query: 'kubernetes' });
    const job_id = await job();
    const event = created(job_id);
    await matcher.handle(message(event));
    await matcher.handle(message(event));
    const found = await raised(alice);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ notification_id: instantNotificationId(alice, job_id), user_id: alice, kind: 'job_alert', refs: { job_id } });
  });

  it('given two alerts of one user matching the same job, and the job activated again later, then one notification in all', async () => {
    await alertOn(alice, 'instant', { query: 'terraform' });
    await alertOn(alice, 'instant', { filters: { remote: 'remote' } });
    const job_id = await job({ version: 2 });
    await matcher.handle(message(activated(job_id)));
    await matcher.handle(message(activated(job_id)));
    expect(await raised(alice)).toHaveLength(1);
  });

  it('ignores replays, drafts, paused alerts, alerts that do not match and users who turned job alerts off', async () => {
    await alertOn(alice, 'instant', { query: 'haskell' });
    await alertOn(alice, 'instant', {}, true);
    await alertOn(bob, 'instant');
    await store.collection<Doc>(PreferencesReadModel.collection).upsert({
      _id: bob,
      user_id: bob,
      kinds: { generation_completed: true, generation_failed: true, share_viewed: true, job_alert: false },
      digest: 'instant',
      version: 1,
    });
    const job_id = await job();
    await matcher.handle(message(created(job_id), { replay: 'true' }));
    await matcher.handle(message(created(await job({ status: 'draft' }), { status: 'draft' })));
    await matcher.handle(message(created(job_id)));
    expect(await raised()).toHaveLength(0);
  });

  it("never tells a user about another user's private job; tells its owner", async () => {
    await alertOn(alice, 'instant');
    await alertOn(bob, 'instant');
    const job_id = await job({ user_id: alice, source: 'manual' });
    await matcher.handle(message(created(job_id, { user_id: alice })));
    expect((await raised()).map((n) => n.user_id)).toEqual([alice]);
  });

  it('does not alert on jobs that became active before the alert existed (a new consumer group reading the topic from the beginning)', async () => {
    await alertOn(alice, 'instant');
    await matcher.handle(message(created(await job(), { occurred_at: '2026-11-01T00:00:00.000Z' })));
    expect(await raised()).toHaveLength(0);
  });

  it('waits for jobs_v2 to hold the job, and has the message retried when it does not in time', async () => {
    await alertOn(alice, 'instant');
    const job_id = randomUUID();
    await expect(matcher.handle(message(created(job_id)))).rejects.toThrow(/does not hold/);
    await put(JobsReadModel.collection, { ...(await store.collection<Doc>(JobsReadModel.collection).get(await job())), id: job_id, _id: job_id });
    await matcher.handle(message(created(job_id)));
    expect(await raised(alice)).toHaveLength(1);
  });

  it('does not wait for a job the event store does not hold (another deployment\'s message on a shared topic)', async () => {
    await alertOn(alice, 'instant');
    const commands = new CommandHandler(events);
    const queries = new AlertQueries(store);
    const strict = new JobAlertMatcher({
      bus: {} as MessageBus,
      commands,
      queries,
      notifications: alertNotifications(commands, store),
      clock,
      logger: silentLogger(),
      group_id: 'test',
      read_model_wait_ms: 60_000,
      jobRecorded: async () => false,
    });
    await strict.handle(message(created(randomUUID())));
    expect(await raised()).toHaveLength(0);
  });

  it('gathers daily matches into one digest raised once when the day has ended (moved clock); a late match goes to the next day', async () => {
    await alertOn(alice, 'daily', { query: 'kubernetes' });
    await alertOn(bob, 'weekly');
    const jobs = [await job(), await job(), await job()];
    for (const job_id of jobs) {
      await matcher.handle(message(created(job_id)));
      await matcher.handle(message(created(job_id))); // redelivered
    }
    expect(await raised()).toHaveLength(0); // nothing instant

    await projectDigests();
    expect(await sweep.run()).toBe(0); // the day has not ended
    clock.set('2026-12-01T00:00:05.000Z');
    expect(await sweep.run()).toBe(1); // alice's daily; bob's week goes on
    const [digest] = await raised(alice);
    expect(digest).toMatchObject({ kind: 'job_alert', title: '3 new jobs match your saved searches', refs: { job_ids: jobs } });

    await projectDigests();
    expect(await sweep.run()).toBe(0);
    expect(await raised(alice)).toHaveLength(1);

    // a match recorded on 30 November but arriving after its digest was closed goes to 1 December's
    const late = await job();
    clock.set('2026-11-30T23:59:59.000Z');
    await matcher.handle(message(created(late, { occurred_at: '2026-11-30T23:59:00.000Z' })));
    clock.set('2026-12-02T00:00:01.000Z');
    await projectDigests();
    expect(await sweep.run()).toBe(1); // alice's 1 December digest, with the late job; bob's week has not ended
    const digests = await raised(alice);
    expect(digests).toHaveLength(2);
    expect(digests[1]).toMatchObject({ title: '1 new job matches your saved searches', refs: { job_id: late } });
  });

  it("given a weekly alert, when jobs match on Monday and Thursday, then one digest of both is raised once the week has ended, once; the next week's job makes the next digest", async () => {
    await alertOn(bob, 'weekly', { query: 'kubernetes' });
    const monday = await job();
    await matcher.handle(message(created(monday, { occurred_at: '2026-11-30T10:00:00.000Z' })));
    clock.set('2026-12-03T09:00:00.000Z');
    const thursday = await job();
    await matcher.handle(message(created(thursday, { occurred_at: '2026-12-03T09:00:00.000Z' })));
    await matcher.handle(message(created(thursday, { occurred_at: '2026-12-03T09:00:00.000Z' }))); // redelivered
    expect(await raised()).toHaveLength(0); // nothing instant

    await projectDigests();
    clock.set('2026-12-01T00:00:05.000Z');
    expect(await sweep.run()).toBe(0); // a day has ended, not the week (ISO weeks, Monday to Monday, UTC)
    clock.set('2026-12-06T23:59:59.000Z');
    expect(await sweep.run()).toBe(0);
    clock.set('2026-12-07T00:00:05.000Z');
    expect(await sweep.run()).toBe(1);
    expect(await raised()).toEqual([expect.objectContaining({ user_id: bob, kind: 'job_alert', title: '2 new jobs match your saved searches', refs: { job_ids: [monday, thursday] } })]);

    await projectDigests();
    expect(await sweep.run()).toBe(0); // raised once
    expect(await raised()).toHaveLength(1);

    const next = await job();
    clock.set('2026-12-08T12:00:00.000Z');
    await matcher.handle(message(created(next, { occurred_at: '2026-12-08T12:00:00.000Z' })));
    await projectDigests();
    clock.set('2026-12-13T23:00:00.000Z');
    expect(await sweep.run()).toBe(0);
    clock.set('2026-12-14T00:00:01.000Z');
    expect(await sweep.run()).toBe(1);
    const digests = await raised();
    expect(digests).toHaveLength(2);
    expect(digests[1]).toMatchObject({ user_id: bob, title: '1 new job matches your saved searches', refs: { job_id: next } });
  });
});
