import { SyncResult } from '../../../contracts/job-sources/http';
import { jobSourceAggregate, jobSourceStream } from '../../../src/job-sources/job-source-aggregate';
import { given } from '../../support/given';

/** The `jobsource-<uuid>` stream: every sync recorded; the last success and a later failure listed. */
const decider = jobSourceAggregate.decider;
const result: SyncResult = {
  source_id: 'acme-lever',
  started_at: '2026-11-30T08:00:00.000Z',
  finished_at: '2026-11-30T08:00:01.000Z',
  fetched: 6,
  created: 5,
  updated: 0,
  archived: 0,
  unchanged: 0,
  skipped: 1,
};
const failed = { type: 'RecordSyncFailed' as const, source_id: 'acme-lever', started_at: '2026-11-30T09:00:00.000Z', failed_at: '2026-11-30T09:00:05.000Z', message: 'HTTP 503' };
const fold = (events: ReturnType<typeof decider.decide>) => events.reduce(decider.evolve, decider.initialState);

describe('job source history', () => {
  it('records a finished sync with its counts', () => {
    given(decider).when({ type: 'RecordSynced', result }).then([{ type: 'JobSourceSynced', data: result }]);
  });

  it('lists a failure after the last success, and forgets it at the next success', () => {
    const synced = decider.decide({ type: 'RecordSynced', result }, decider.initialState);
    const failure = decider.decide(failed, decider.initialState);
    expect(fold([...synced, ...failure])).toEqual({ last_sync: result, last_failure: { at: failed.failed_at, message: 'HTTP 503' } });
    expect(fold([...synced, ...failure, ...synced])).toEqual({ last_sync: result, last_failure: null });
  });

  it('names one stream per source, a uuid derived from the source id', () => {
    expect(jobSourceStream('acme-lever')).toMatch(/^jobsource-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobSourceStream('acme-lever')).toBe(jobSourceStream('acme-lever'));
    expect(jobSourceStream('acme-lever')).not.toBe(jobSourceStream('acme-greenhouse'));
    expect(jobSourceAggregate.streamOf(failed)).toBe(jobSourceStream('acme-lever'));
  });
});
