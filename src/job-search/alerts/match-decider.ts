import { MatchJob } from '../../../contracts/job-search/alerts';
import { JobAlertMatchEvent } from '../../../contracts/job-search/alerts-events';
import { Aggregate } from '../../shared/command-handler';
import { Decider } from '../../shared/decider';
import { ID_NAMESPACES, uuidV5 } from '../../shared/ids';
import { streamName } from '../../shared/streams';

export type Match = JobAlertMatchEvent['data'];
export type MatchState = Match | null;

/** The one match (and instant notification) id of a user and a job. */
export const matchIdOf = (user_id: string, job_id: string): string => uuidV5(`${user_id}/${job_id}`, ID_NAMESPACES.job_alert_match);

/** A job matches a user's alerts once: a second match of the same user and job records nothing. */
export const matchDecider: Decider<MatchJob, JobAlertMatchEvent, MatchState> = {
  initialState: null,
  decide: (command, state) => {
    if (state) return [];
    const { type: _type, ...data } = command;
    return [{ type: 'JobAlertMatched', data }];
  },
  evolve: (_state, event) => event.data,
};

export const matchAggregate: Aggregate<MatchJob, MatchJob, JobAlertMatchEvent, MatchState> = {
  decider: matchDecider,
  streamOf: (command) => streamName('jobalertmatch', command.match_id),
};
