import { JobAlertCommand } from '../../../contracts/job-search/alerts';
import { AlertFrequency, JobAlertEvent } from '../../../contracts/job-search/alerts-events';
import { Aggregate } from '../../shared/command-handler';
import { assertNever, Decider } from '../../shared/decider';
import { DomainError } from '../../shared/errors';
import { streamName } from '../../shared/streams';

export interface ActiveAlert {
  status: 'active';
  alert_id: string;
  user_id: string;
  criteria_id: string;
  frequency: AlertFrequency;
  paused: boolean;
}
export type JobAlertState = { status: 'none' } | { status: 'deleted'; user_id: string } | ActiveAlert;

const notFound = () => new DomainError('JOB_ALERT.NOT_FOUND', 'No such job alert');

function owned(state: JobAlertState, user_id: string): ActiveAlert {
  if (state.status !== 'active' || state.user_id !== user_id) throw notFound();
  return state;
}

/**
 * A job alert of one user's on one of their saved searches. Pausing a paused alert or resuming
 * a running one records nothing; anyone else's alert is reported as missing.
 */
export function decide(command: JobAlertCommand, state: JobAlertState): JobAlertEvent[] {
  switch (command.type) {
    case 'CreateJobAlert': {
      if (state.status !== 'none') {
        if (state.user_id !== command.user_id) throw notFound();
        return [];
      }
      const { alert_id, user_id, criteria_id, frequency } = command;
      return [{ type: 'JobAlertCreated', data: { alert_id, user_id, criteria_id, frequency } }];
    }
    case 'PauseJobAlert': {
      const alert = owned(state, command.user_id);
      return alert.paused ? [] : [{ type: 'JobAlertPaused', data: { alert_id: alert.alert_id, user_id: alert.user_id } }];
    }
    case 'ResumeJobAlert': {
      const alert = owned(state, command.user_id);
      return alert.paused ? [{ type: 'JobAlertResumed', data: { alert_id: alert.alert_id, user_id: alert.user_id } }] : [];
    }
    case 'DeleteJobAlert': {
      const alert = owned(state, command.user_id);
      return [{ type: 'JobAlertDeleted', data: { alert_id: alert.alert_id, user_id: alert.user_id } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: JobAlertState, event: JobAlertEvent): JobAlertState {
  switch (event.type) {
    case 'JobAlertCreated':
      return { status: 'active', ...event.data, paused: false };
    case 'JobAlertDeleted':
      return { status: 'deleted', user_id: event.data.user_id };
    case 'JobAlertPaused':
    case 'JobAlertResumed':
      return state.status === 'active' ? { ...state, paused: event.type === 'JobAlertPaused' } : state;
    default:
      return assertNever(event);
  }
}

export const jobAlertDecider: Decider<JobAlertCommand, JobAlertEvent, JobAlertState> = { initialState: { status: 'none' }, decide, evolve };

export const jobAlertAggregate: Aggregate<JobAlertCommand, JobAlertCommand, JobAlertEvent, JobAlertState> = {
  decider: jobAlertDecider,
  streamOf: (command) => streamName('jobalert', command.alert_id),
};
