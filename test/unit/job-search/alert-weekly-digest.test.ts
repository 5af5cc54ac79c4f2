import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrationEvent } from '../../../contracts/integration';
import { JobAlertDocument, JobAlertsReadModel } from '../../../contracts/job-search/alerts';
import { SavedSearchDocument, SavedSearchesReadModel } from '../../../contracts/job-search/saved-searches';
import { JobsReadModel } from '../../../contracts/jobs/read-model';
import { Unprojected } from '../../../contracts/shared/read-model';
import { jobAlertDigestsProjection } from '../../../projections/alerts';
import { ConsumedMessage, MessageBus } from '../../../src/bus/port';
import { alertNotifications } from '../../../src/composition/job-alerts';
import { openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { EventStore } from '../../../src/event-store/port';
import { JobAlertMatcher } from '../../../src/job-search/alerts/alert-matcher';
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
 * Weekly job-alert digests (issue 14 item 2): a week's matches (ISO week, Monday to Monday, UTC)
 * make one notification once the week has ended, raised once however often the sweep runs and
 * however often a job is delivered; the next week's matches make the next digest. The matcher
 * and sweep run on the embedded event store; the read models are written as their projections would.
 */
const bob = randomUUID();
let dir: string;
let events: EventStore;
let store: EmbeddedReadStore;
let clock: ManualClock;
let matcher: JobAlertMatcher;
let sweep: DigestSweep;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'weekly-digest-'));
  events = await openEmbeddedEventStore(join(dir, 'events'));
  store = new EmbeddedReadStore();
  clock = new ManualClock('2026-11-30T10:00:00.000Z'); // a Monday
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

async function job(): Promise<string> {
  const id = randomUUID();
  const text = { title: 'Platform Engineer', company: 'Quillmark', description: 'We run Kubernetes with Terraform.', requirements: [], responsibilities: [] };
  await put(JobsReadModel.collection, {
    id, user_id: null, status: 'active', expires_date: null, search_terms: searchTerms(text), location: 'Amsterdam', remote: 'remote', employment_type: 'full_time',
    experience_level: 'senior', source: 'static', skills: ['Kubernetes', 'Terraform'], salary_range: null, posted_date: '2026-11-30', version: 1,
  });
  return id;
}

async function weeklyAlert(user_id: string): Promise<void> {
  const criteria_id = randomUUID();
  const search: Unprojected<SavedSearchDocument> = { id: criteria_id, user_id, name: 'n', query: 'kubernetes', filters: {}, created_at: '2026-11-29T00:00:00.000Z', version: 1 };
  const alert: Unprojected<JobAlertDocument> = { id: randomUUID(), user_id, criteria_id, frequency: 'weekly', paused: false, created_at: '2026-11-29T00:00:00.000Z', updated_at: '2026-11-29T00:00:00.000Z', version: 1 };
  await put(SavedSearchesReadModel.collection, search);
  await put(JobAlertsReadModel.collection, alert);
}

const created = (job_id: string, occurred_at: string): ConsumedMessage => {
  const event = {
    event_id: randomUUID(), event_type: 'job.created', schema_version: 1, occurred_at, correlation_id: 'corr', source_stream: `job-${job_id}`, source_revision: 0,
    data: {
      job_id, source: 'static', user_id: null, status: 'active', title: null, company: null, remote: null, employment_type: null, experience_level: null,
      salary: null, posted_date: null, expires_date: null, counts: { requirements: 0, responsibilities: 0, benefits: 0 },
    },
  } as IntegrationEvent;
  return { topic: 'jobwise.jobs.v1', partition: 0, offset: '1', key: event.source_stream, value: event, headers: {} } as unknown as ConsumedMessage;
};

const raised = async () => (await events.readAll()).filter((e) => e.type === 'NotificationRaised').map((e) => e.data as { user_id: string; title: string; refs: Record<string, unknown> });

/** The digest read model, fed from the digest events as the projection would. */
const projectDigests = () => projectAll(events, store, jobAlertDigestsProjection);

it("given a weekly alert, when jobs match on Monday and Thursday, then one digest of both is raised once the week has ended, once; the next week's job makes the next digest", async () => {
  await weeklyAlert(bob);
  const monday = await job();
  await matcher.handle(created(monday, '2026-11-30T10:00:00.000Z'));
  clock.set('2026-12-03T09:00:00.000Z');
  const thursday = await job();
  await matcher.handle(created(thursday, '2026-12-03T09:00:00.000Z'));
  await matcher.handle(created(thursday, '2026-12-03T09:00:00.000Z')); // redelivered
  expect(await raised()).toHaveLength(0); // nothing instant

  await projectDigests();
  clock.set('2026-12-01T00:00:05.000Z');
  expect(await sweep.run()).toBe(0); // a day has ended, not the week
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
  await matcher.handle(created(next, '2026-12-08T12:00:00.000Z'));
  await projectDigests();
  clock.set('2026-12-13T23:00:00.000Z');
  expect(await sweep.run()).toBe(0);
  clock.set('2026-12-14T00:00:01.000Z');
  expect(await sweep.run()).toBe(1);
  const digests = await raised();
  expect(digests).toHaveLength(2);
  expect(digests[1]).toMatchObject({ user_id: bob, title: '1 new job matches your saved searches', refs: { job_id: next } });
});
