import { randomUUID } from 'node:crypto';
import { JobAlertDigestEvent, JobAlertEvent } from '../../../contracts/job-search/alerts-events';
import { SavedSearchEvent } from '../../../contracts/job-search/saved-searches-events';
import { jobAlertDecider } from '../../../src/job-search/alerts/alert-decider';
import { DigestClosedError, digestDecider } from '../../../src/job-search/alerts/digest-decider';
import { digestIdOf, periodOf } from '../../../src/job-search/alerts/digest-period';
import { matchDecider, matchIdOf } from '../../../src/job-search/alerts/match-decider';
import { savedSearchDecider } from '../../../src/job-search/saved-searches/saved-search-decider';
import { given } from '../../support/given';

const now = '2026-11-30T10:00:00.000Z';
const user_id = randomUUID();
const other = randomUUID();

describe('saved search decider', () => {
  const search_id = randomUUID();
  const create = { type: 'CreateSavedSearch', now, search_id, user_id, name: 'Platform jobs', query: 'kubernetes', filters: { remote: 'remote' } } as const;
  const created: SavedSearchEvent = { type: 'SavedSearchCreated', data: { search_id, user_id, name: 'Platform jobs', query: 'kubernetes', filters: { remote: 'remote' } } };

  it('given nothing, when created, then it is recorded with its name, query and filters', () => given(savedSearchDecider).when(create).then([created]));
  it('given it exists, when the owner creates it again (a retried write), then nothing is recorded', () => given(savedSearchDecider, [created]).when(create).then([]));
  it('given it exists, when another user creates the same id, then it is missing to them', () =>
    given(savedSearchDecider, [created]).when({ ...create, user_id: other }).thenFails('SAVED_SEARCH.NOT_FOUND'));
  it('given it exists, when the owner deletes it, then it is deleted; another user gets 404', () => {
    given(savedSearchDecider, [created]).when({ type: 'DeleteSavedSearch', now, search_id, user_id }).then([{ type: 'SavedSearchDeleted', data: { search_id, user_id } }]);
    given(savedSearchDecider, [created]).when({ type: 'DeleteSavedSearch', now, search_id, user_id: other }).thenFails('SAVED_SEARCH.NOT_FOUND');
  });
  it('given it was deleted, when deleted again, then it is missing', () =>
    given(savedSearchDecider, [created, { type: 'SavedSearchDeleted', data: { search_id, user_id } }]).when({ type: 'DeleteSavedSearch', now, search_id, user_id }).thenFails('SAVED_SEARCH.NOT_FOUND'));
});

describe('job alert decider', () => {
  const alert_id = randomUUID();
  const criteria_id = randomUUID();
  const ids = { alert_id, user_id };
  const created: JobAlertEvent = { type: 'JobAlertCreated', data: { ...ids, criteria_id, frequency: 'daily' } };
  const paused: JobAlertEvent = { type: 'JobAlertPaused', data: ids };

  it('given nothing, when created, then it records the saved search and frequency', () =>
    given(jobAlertDecider).when({ type: 'CreateJobAlert', now, ...ids, criteria_id, frequency: 'daily' }).then([created]));
  it('given a running alert, when paused, then paused; when paused again, then nothing', () => {
    given(jobAlertDecider, [created]).when({ type: 'PauseJobAlert', now, ...ids }).then([paused]);
    given(jobAlertDecider, [created, paused]).when({ type: 'PauseJobAlert', now, ...ids }).then([]);
  });
  it('given a paused alert, when resumed, then resumed; a running one records nothing', () => {
    given(jobAlertDecider, [created, paused]).when({ type: 'ResumeJobAlert', now, ...ids }).then([{ type: 'JobAlertResumed', data: ids }]);
    given(jobAlertDecider, [created]).when({ type: 'ResumeJobAlert', now, ...ids }).then([]);
  });
  it('given an alert, when another user pauses, resumes or deletes it, then it is missing to them', () => {
    for (const type of ['PauseJobAlert', 'ResumeJobAlert', 'DeleteJobAlert'] as const) {
      given(jobAlertDecider, [created]).when({ type, now, alert_id, user_id: other }).thenFails('JOB_ALERT.NOT_FOUND');
    }
  });
  it('given a deleted alert, when paused, then it is missing', () =>
    given(jobAlertDecider, [created, { type: 'JobAlertDeleted', data: ids }]).when({ type: 'PauseJobAlert', now, ...ids }).thenFails('JOB_ALERT.NOT_FOUND'));
});

describe('match decider: one match per user and job', () => {
  const job_id = randomUUID();
  const match_id = matchIdOf(user_id, job_id);
  const match = { type: 'MatchJob', match_id, user_id, job_id, alert_id: randomUUID(), frequency: 'instant', matched_at: now } as const;

  it('derives the same id from the same user and job, and a different one for another user', () => {
    expect(matchIdOf(user_id, job_id)).toBe(match_id);
    expect(matchIdOf(other, job_id)).not.toBe(match_id);
  });
  it('given nothing, when matched, then recorded; given it matched, when matched again by any alert, then nothing', () => {
    const { type: _type, ...data } = match;
    given(matchDecider).when(match).then([{ type: 'JobAlertMatched', data }]);
    given(matchDecider, [{ type: 'JobAlertMatched', data }]).when({ ...match, alert_id: randomUUID(), frequency: 'weekly' }).then([]);
  });
});

describe('digest decider', () => {
  const period = periodOf('daily', now);
  const digest_id = digestIdOf(user_id, 'daily', period.start);
  const add = (job_id: string) => ({ type: 'AddDigestJob', digest_id, user_id, frequency: 'daily', period_start: period.start, period_end: period.end, job_id }) as const;
  const added = (job_id: string): JobAlertDigestEvent => {
    const { type: _type, ...data } = add(job_id);
    return { type: 'JobAlertDigestJobAdded', data };
  };
  const [a, b] = [randomUUID(), randomUUID()];
  const closed: JobAlertDigestEvent = { type: 'JobAlertDigestClosed', data: { digest_id, user_id, job_ids: [a, b] } };

  it('given an open digest, when a job is added, then it is; the same job again adds nothing', () => {
    given(digestDecider, [added(a)]).when(add(b)).then([added(b)]);
    given(digestDecider, [added(a)]).when(add(a)).then([]);
  });
  it('given an open digest, when closed, then the jobs it reports are fixed; closing again records nothing', () => {
    given(digestDecider, [added(a), added(b)]).when({ type: 'CloseDigest', digest_id, user_id }).then([closed]);
    given(digestDecider, [added(a), added(b), closed]).when({ type: 'CloseDigest', digest_id, user_id }).then([]);
  });
  it('given a closed digest, when a new job is added, then it refuses (the matcher moves it to the next period); a job it holds adds nothing', () => {
    expect(() => given(digestDecider, [added(a), added(b), closed]).when(add(randomUUID())).events()).toThrow(DigestClosedError);
    given(digestDecider, [added(a), added(b), closed]).when(add(a)).then([]);
  });
  it('given a closed digest, when marked sent, then sent once', () => {
    const notification_id = randomUUID();
    given(digestDecider, [added(a), closed]).when({ type: 'MarkDigestSent', digest_id, user_id, notification_id }).then([{ type: 'JobAlertDigestSent', data: { digest_id, user_id, notification_id } }]);
    given(digestDecider, [added(a), closed, { type: 'JobAlertDigestSent', data: { digest_id, user_id, notification_id } }]).when({ type: 'MarkDigestSent', digest_id, user_id, notification_id }).then([]);
    given(digestDecider, [added(a)]).when({ type: 'MarkDigestSent', digest_id, user_id, notification_id }).then([]);
  });
});

describe('digest periods', () => {
  it('a daily digest covers the UTC day; a weekly one the ISO week from Monday', () => {
    expect(periodOf('daily', '2026-11-30T23:59:59.999Z')).toEqual({ start: '2026-11-30T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' });
    // 2026-11-30 is a Monday; 2026-12-06 a Sunday
    expect(periodOf('weekly', '2026-11-30T00:00:00.000Z')).toEqual({ start: '2026-11-30T00:00:00.000Z', end: '2026-12-07T00:00:00.000Z' });
    expect(periodOf('weekly', '2026-12-06T23:00:00.000Z')).toEqual({ start: '2026-11-30T00:00:00.000Z', end: '2026-12-07T00:00:00.000Z' });
    expect(periodOf('weekly', '2026-12-07T00:00:00.000Z').start).toBe('2026-12-07T00:00:00.000Z');
  });
});
