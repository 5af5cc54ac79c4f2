import { randomUUID } from 'node:crypto';
import { DomainEnvelope, DomainEvent } from '../../../contracts/events';
import { jobAlertDigestsProjection, jobAlertsProjection } from '../../../projections/alerts';
import { savedSearchesProjection } from '../../../projections/saved-searches';
import { envelope as envelopeOf } from '../../support/envelopes';

const user_id = randomUUID();
const at = (revision: number) => new Date(Date.parse('2026-11-30T09:00:00.000Z') + revision * 60_000).toISOString();

const envelope = (stream_id: string, event: DomainEvent, revision: number) => envelopeOf(event, { stream_id, revision, occurred_at: at(revision), actor: user_id });

function fold<D>(projection: { evolve(current: D | null, event: DomainEnvelope): D | null; documentId(event: DomainEnvelope): string }, stream_id: string, events: DomainEvent[]) {
  let doc: D | null = null;
  events.forEach((event, revision) => {
    const envelopeOf = envelope(stream_id, event, revision);
    expect(projection.documentId(envelopeOf)).toBe(stream_id.slice(stream_id.indexOf('-') + 1));
    doc = projection.evolve(doc, envelopeOf);
  });
  return doc as D | null;
}

describe('saved searches and job alerts read models', () => {
  it('saved_searches_v1: a search with its name, query and filters; deleted, it is gone', () => {
    const search_id = randomUUID();
    const created: DomainEvent = { type: 'SavedSearchCreated', data: { search_id, user_id, name: 'Remote', query: null, filters: { remote: 'remote' } } };
    expect(fold(savedSearchesProjection, `savedsearch-${search_id}`, [created])).toEqual({ id: search_id, user_id, name: 'Remote', query: null, filters: { remote: 'remote' }, created_at: at(0), version: 1 });
    expect(fold(savedSearchesProjection, `savedsearch-${search_id}`, [created, { type: 'SavedSearchDeleted', data: { search_id, user_id } }])).toBeNull();
  });

  it('job_alerts_v1: paused and resumed with its version; deleted, it is gone', () => {
    const alert_id = randomUUID();
    const criteria_id = randomUUID();
    const ids = { alert_id, user_id };
    const history: DomainEvent[] = [
      { type: 'JobAlertCreated', data: { ...ids, criteria_id, frequency: 'weekly' } },
      { type: 'JobAlertPaused', data: ids },
    ];
    expect(fold(jobAlertsProjection, `jobalert-${alert_id}`, history)).toEqual({ id: alert_id, user_id, criteria_id, frequency: 'weekly', paused: true, created_at: at(0), updated_at: at(1), version: 2 });
    expect(fold(jobAlertsProjection, `jobalert-${alert_id}`, [...history, { type: 'JobAlertResumed', data: ids }])).toMatchObject({ paused: false, version: 3 });
    expect(fold(jobAlertsProjection, `jobalert-${alert_id}`, [...history, { type: 'JobAlertDeleted', data: ids }])).toBeNull();
  });

  it('job_alert_digests_v1: jobs gathered, then closed and sent', () => {
    const digest_id = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    const period = { frequency: 'daily', period_start: '2026-11-30T00:00:00.000Z', period_end: '2026-12-01T00:00:00.000Z' } as const;
    const added = (job_id: string): DomainEvent => ({ type: 'JobAlertDigestJobAdded', data: { digest_id, user_id, ...period, job_id } });
    const open = fold(jobAlertDigestsProjection, `jobalertdigest-${digest_id}`, [added(a), added(b)]);
    expect(open).toEqual({ id: digest_id, user_id, ...period, job_ids: [a, b], closed: false, sent: false });
    const sent = fold(jobAlertDigestsProjection, `jobalertdigest-${digest_id}`, [
      added(a),
      added(b),
      { type: 'JobAlertDigestClosed', data: { digest_id, user_id, job_ids: [a, b] } },
      { type: 'JobAlertDigestSent', data: { digest_id, user_id, notification_id: null } },
    ]);
    expect(sent).toMatchObject({ job_ids: [a, b], closed: true, sent: true });
  });
});
