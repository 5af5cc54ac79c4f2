import { DigestCommand } from '../../../contracts/job-search/alerts';
import { DigestPeriod, JobAlertDigestEvent } from '../../../contracts/job-search/alerts-events';
import { Aggregate } from '../../shared/command-handler';
import { assertNever, Decider } from '../../shared/decider';
import { streamName } from '../../shared/streams';

export type DigestState =
  | { status: 'none' }
  | { status: 'open' | 'closed' | 'sent'; user_id: string; frequency: DigestPeriod; period_start: string; period_end: string; job_ids: string[] };

/** A job arrived for a digest already closed: the matcher adds it to the next period's digest instead. */
export class DigestClosedError extends Error {
  constructor(readonly digest_id: string) {
    super('The digest is closed');
    this.name = 'DigestClosedError';
  }
}

/**
 * One digest: jobs are added once each while it is open; closing fixes the jobs it reports (the
 * sweep closes it after its period), and it is marked sent once its notification was raised.
 * Closing or marking again records nothing, so a sweep that crashed half-way can simply run again.
 */
export function decide(command: DigestCommand, state: DigestState): JobAlertDigestEvent[] {
  switch (command.type) {
    case 'AddDigestJob': {
      if (state.status !== 'none' && state.job_ids.includes(command.job_id)) return [];
      if (state.status === 'closed' || state.status === 'sent') throw new DigestClosedError(command.digest_id);
      const { type: _type, ...data } = command;
      return [{ type: 'JobAlertDigestJobAdded', data }];
    }
    case 'CloseDigest':
      return state.status === 'open' ? [{ type: 'JobAlertDigestClosed', data: { digest_id: command.digest_id, user_id: state.user_id, job_ids: state.job_ids } }] : [];
    case 'MarkDigestSent':
      return state.status === 'closed' ? [{ type: 'JobAlertDigestSent', data: { digest_id: command.digest_id, user_id: state.user_id, notification_id: command.notification_id } }] : [];
    default:
      return assertNever(command);
  }
}

export function evolve(state: DigestState, event: JobAlertDigestEvent): DigestState {
  switch (event.type) {
    case 'JobAlertDigestJobAdded': {
      const { user_id, frequency, period_start, period_end, job_id } = event.data;
      const job_ids = state.status === 'none' ? [] : state.job_ids;
      return { status: 'open', user_id, frequency, period_start, period_end, job_ids: [...job_ids, job_id] };
    }
    case 'JobAlertDigestClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed', job_ids: event.data.job_ids };
    case 'JobAlertDigestSent':
      return state.status === 'none' ? state : { ...state, status: 'sent' };
    default:
      return assertNever(event);
  }
}

export const digestDecider: Decider<DigestCommand, JobAlertDigestEvent, DigestState> = { initialState: { status: 'none' }, decide, evolve };

export const digestAggregate: Aggregate<DigestCommand, DigestCommand, JobAlertDigestEvent, DigestState> = {
  decider: digestDecider,
  streamOf: (command) => streamName('jobalertdigest', command.digest_id),
};
