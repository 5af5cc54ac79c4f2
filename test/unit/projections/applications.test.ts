import { randomUUID } from 'node:crypto';
import { ApplicationEvent } from '../../../contracts/applications/events';
import { applicationsProjection } from '../../../projections/applications';
import { applicationStats } from '../../../src/applications/application-stats';
import { envelope as envelopeOf } from '../../support/envelopes';

const application_id = randomUUID();
const user_id = randomUUID();
const job_id = randomUUID();
const stream_id = `application-${application_id}`;
const DAY_MS = 86_400_000;
const start = Date.parse('2026-11-01T09:00:00.000Z');
/** The n-th event of the stream happened n days after the start. */
const at = (n: number) => new Date(start + n * DAY_MS).toISOString();

const envelope = (event: ApplicationEvent, revision: number) => envelopeOf(event, { stream_id, revision, occurred_at: at(revision), actor: user_id });

const fold = (...events: ApplicationEvent[]) =>
  events.reduce((doc, e, revision) => applicationsProjection.evolve(doc, envelope(e, revision)), null as ReturnType<typeof applicationsProjection.evolve>);

const created: ApplicationEvent = {
  type: 'ApplicationCreated',
  data: { application_id, user_id, job_id, document_id: null, document_version: null, status: 'preparing', applied_date: null, notes: 'Referred by Grace' },
};
const change = (from: 'preparing' | 'applied' | 'interviewing', to: 'applied' | 'interviewing' | 'offer_received', note: string | null = null): ApplicationEvent => ({
  type: 'ApplicationStatusChanged',
  data: { user_id, from, to, note, applied_date: to === 'applied' ? at(1).slice(0, 10) : null },
});

describe('applications_v1 projection', () => {
  it('starts the timeline with the status the application was created with', () => {
    expect(fold(created)).toMatchObject({ id: application_id, user_id, job_id, status: 'preparing', notes: 'Referred by Grace', version: 1, created_at: at(0) });
    expect(fold(created)!.timeline).toEqual([{ from: null, to: 'preparing', at: at(0), note: null }]);
  });

  it('adds every status change to the timeline with its time and note, and keeps the applied date', () => {
    const doc = fold(created, change('preparing', 'applied', 'Sent through the portal'), change('applied', 'interviewing'));
    expect(doc).toMatchObject({ status: 'interviewing', applied_date: '2026-11-02', version: 3, updated_at: at(2), created_at: at(0) });
    expect(doc!.timeline).toEqual([
      { from: null, to: 'preparing', at: at(0), note: null },
      { from: 'preparing', to: 'applied', at: at(1), note: 'Sent through the portal' },
      { from: 'applied', to: 'interviewing', at: at(2), note: null },
    ]);
  });

  it('replaces the notes, and removes a deleted application', () => {
    expect(fold(created, { type: 'ApplicationNotesUpdated', data: { user_id, notes: 'Call Friday' } })).toMatchObject({ notes: 'Call Friday', version: 2 });
    expect(fold(created, { type: 'ApplicationDeleted', data: { application_id, user_id } })).toBeNull();
  });

  it('handles every application event', () => {
    expect([...applicationsProjection.handles].sort()).toEqual(['ApplicationCreated', 'ApplicationDeleted', 'ApplicationNotesUpdated', 'ApplicationStatusChanged']);
  });
});

describe('application funnel', () => {
  type Step = [string, string];
  const app = (status: string, applied_date: string | null, ...steps: Step[]) => ({
    status,
    applied_date,
    timeline: steps.map(([to, day], i) => ({ from: i ? steps[i - 1][0] : null, to, at: `${day}T12:00:00.000Z`, note: null })),
  });
  const stats = applicationStats(
    [
      app('interviewing', '2026-11-01', ['applied', '2026-11-01'], ['interviewing', '2026-11-05']),
      app('accepted', '2026-11-01', ['applied', '2026-11-03'], ['interviewing', '2026-11-11'], ['offer_received', '2026-11-21'], ['accepted', '2026-11-23']),
      app('rejected', null, ['preparing', '2026-11-01'], ['applied', '2026-11-02'], ['rejected', '2026-11-09']),
      app('withdrawn', null, ['applied', '2026-11-02'], ['withdrawn', '2026-11-04']),
      app('preparing', null, ['preparing', '2026-11-04']),
    ] as Parameters<typeof applicationStats>[0],
  );

  it('counts the applications per status', () => {
    expect(stats.total).toBe(5);
    expect(stats.by_status).toEqual({ not_applied: 0, preparing: 1, applied: 0, interviewing: 1, offer_received: 0, accepted: 1, rejected: 1, withdrawn: 1 });
  });

  it('gives the share of applied applications that got an answer (interview, offer or rejection)', () => {
    expect(stats).toMatchObject({ applied: 4, responded: 3, response_rate: 0.75 });
  });

  it('gives the median days between stages, from the applied date where one was given', () => {
    // applied→interviewing: 4 days (11-01→11-05) and 10 days (the applied date 11-01, not the change on 11-03, →11-11): median 7
    expect(stats.median_days).toEqual([
      { from: 'applied', to: 'interviewing', applications: 2, median_days: 7 },
      { from: 'interviewing', to: 'offer_received', applications: 1, median_days: 10 },
      { from: 'offer_received', to: 'accepted', applications: 1, median_days: 2 },
    ]);
  });

  it('has no rate and no medians without applications', () => {
    expect(applicationStats([])).toMatchObject({ total: 0, applied: 0, responded: 0, response_rate: null });
    expect(applicationStats([]).median_days.every((m) => m.median_days === null && m.applications === 0)).toBe(true);
  });
});
