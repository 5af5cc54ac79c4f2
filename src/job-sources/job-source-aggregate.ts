import { SyncResult } from '../../contracts/job-sources/http';
import { DomainEvent } from '../../contracts/events';
import { Aggregate } from '../shared/command-handler';
import { uuidV5 } from '../shared/ids';
import { streamName } from '../shared/streams';

type JobSourceEvent = Extract<DomainEvent, { type: 'JobSourceSynced' | 'JobSourceSyncFailed' }>;

/** What a sync did, or how it failed; always recorded. */
export type RecordSync =
  | { type: 'RecordSynced'; result: SyncResult }
  | { type: 'RecordSyncFailed'; source_id: string; started_at: string; failed_at: string; message: string };

/** The last finished sync, and the last failure when it came after it. */
export interface JobSourceHistory {
  last_sync: SyncResult | null;
  last_failure: { at: string; message: string } | null;
}

const STREAM_NAMESPACE = '8b4e2c17-93d0-4f6a-b5e8-1c7d9a3f6e02';
const sourceOf = (request: RecordSync) => (request.type === 'RecordSynced' ? request.result.source_id : request.source_id);

/** `jobsource-<uuid>`: the uuid derives from the configured source id. */
export const jobSourceStream = (source_id: string): string => streamName('jobsource', uuidV5(source_id, STREAM_NAMESPACE));

export const jobSourceAggregate: Aggregate<RecordSync, RecordSync, JobSourceEvent, JobSourceHistory> = {
  decider: {
    initialState: { last_sync: null, last_failure: null },
    decide: (request) => {
      if (request.type === 'RecordSynced') return [{ type: 'JobSourceSynced', data: request.result }];
      const { source_id, started_at, failed_at, message } = request;
      return [{ type: 'JobSourceSyncFailed', data: { source_id, started_at, failed_at, message: message.slice(0, 1000) } }];
    },
    evolve: (state, event) => {
      if (event.type === 'JobSourceSynced') return { last_sync: event.data, last_failure: null };
      return { ...state, last_failure: { at: event.data.failed_at, message: event.data.message } };
    },
  },
  streamOf: (request) => jobSourceStream(sourceOf(request)),
};
