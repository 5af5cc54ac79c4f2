import { ApplicationCommand } from '../../contracts/applications/commands';
import { ApplicationEvent, ApplicationStatus } from '../../contracts/applications/events';
import { assertNever, Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';

/**
 * The statuses an application may move to from each status. Accepted, rejected and withdrawn
 * are final. A status may be skipped forward (an offer without interviews, applying straight
 * from not_applied); preparing may go back to not_applied.
 */
export const TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  not_applied: ['preparing', 'applied', 'withdrawn'],
  preparing: ['not_applied', 'applied', 'withdrawn'],
  applied: ['interviewing', 'offer_received', 'rejected', 'withdrawn'],
  interviewing: ['offer_received', 'rejected', 'withdrawn'],
  offer_received: ['accepted', 'rejected', 'withdrawn'],
  accepted: [],
  rejected: [],
  withdrawn: [],
};

/** The table in words, for the OpenAPI summary and problem details. */
export const TRANSITIONS_TEXT = (Object.entries(TRANSITIONS) as [ApplicationStatus, readonly ApplicationStatus[]][])
  .map(([from, to]) => `${from}→${to.length ? to.join('|') : '(final)'}`)
  .join(', ');

export interface Application {
  status: 'active';
  application_id: string;
  user_id: string;
  current: ApplicationStatus;
  applied_date: string | null;
  notes: string;
}

export type ApplicationState = { status: 'none' } | { status: 'deleted'; user_id: string } | Application;

const notFound = () => new DomainError('APPLICATION.NOT_FOUND', 'No such application');

function owned(state: ApplicationState, user_id: string): Application {
  if (state.status !== 'active' || state.user_id !== user_id) throw notFound();
  return state;
}

const today = (now: string) => now.slice(0, 10);

/**
 * An application of one user's. Creating it again with the same id changes nothing (a retried
 * POST); a status change must be in TRANSITIONS (the same status is no change); anyone else's
 * application is reported as missing.
 */
export function decide(command: ApplicationCommand, state: ApplicationState): ApplicationEvent[] {
  switch (command.type) {
    case 'CreateApplication': {
      if (state.status !== 'none') {
        if (state.user_id !== command.user_id) throw notFound();
        return [];
      }
      const { type: _type, now, application_id, user_id, job_id, document_id, document_version, status, applied_date, notes } = command;
      const applied = applied_date ?? (status === 'applied' ? today(now) : null);
      return [{ type: 'ApplicationCreated', data: { application_id, user_id, job_id, document_id, document_version, status, applied_date: applied, notes } }];
    }
    case 'UpdateApplication': {
      const application = owned(state, command.user_id);
      const events: ApplicationEvent[] = [];
      const { status: to, note, notes } = command;
      if (to !== undefined && to !== application.current) {
        if (!TRANSITIONS[application.current].includes(to)) {
          const allowed = TRANSITIONS[application.current];
          const detail = allowed.length ? `it can move to ${allowed.join(', ')}` : `${application.current} is final`;
          throw new DomainError('APPLICATION.INVALID_TRANSITION', `An application cannot go from ${application.current} to ${to}: ${detail}`);
        }
        const applied_date = to === 'applied' && application.applied_date === null ? today(command.now) : null;
        events.push({ type: 'ApplicationStatusChanged', data: { user_id: application.user_id, from: application.current, to, note: note ?? null, applied_date } });
      }
      if (notes !== undefined && notes !== application.notes) events.push({ type: 'ApplicationNotesUpdated', data: { user_id: application.user_id, notes } });
      return events;
    }
    case 'DeleteApplication': {
      const { application_id, user_id } = owned(state, command.user_id);
      return [{ type: 'ApplicationDeleted', data: { application_id, user_id } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'ApplicationCreated': {
      const { application_id, user_id, status, applied_date, notes } = event.data;
      return { status: 'active', application_id, user_id, current: status, applied_date, notes };
    }
    case 'ApplicationDeleted':
      return { status: 'deleted', user_id: event.data.user_id };
    default:
      break;
  }
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'ApplicationStatusChanged':
      return { ...state, current: event.data.to, applied_date: event.data.applied_date ?? state.applied_date };
    case 'ApplicationNotesUpdated':
      return { ...state, notes: event.data.notes };
    default:
      return assertNever(event);
  }
}

export const applicationDecider: Decider<ApplicationCommand, ApplicationEvent, ApplicationState> = { initialState: { status: 'none' }, decide, evolve };
