import { NotificationCommand, SetPreferences } from '../../contracts/notifications/commands';
import { NotificationEvent } from '../../contracts/notifications/events';
import { Aggregate } from '../shared/command-handler';
import { assertNever, Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';
import { streamName } from '../shared/streams';

type Raised = Extract<NotificationEvent, { type: 'NotificationRaised' }>;
type Read = Extract<NotificationEvent, { type: 'NotificationRead' }>;
type PreferencesSet = Extract<NotificationEvent, { type: 'NotificationPreferencesSet' }>;

export type NotificationState = { status: 'none' } | { status: 'raised'; user_id: string; read: boolean };

/**
 * A notification is raised once (its id derives from the event that raised it, so a redelivery
 * finds it raised and adds nothing) and read once; someone else's is reported as missing.
 */
export function decide(command: NotificationCommand, state: NotificationState): (Raised | Read)[] {
  switch (command.type) {
    case 'RaiseNotification': {
      if (state.status !== 'none') return [];
      const { type: _type, now: _now, ...data } = command;
      return [{ type: 'NotificationRaised', data }];
    }
    case 'ReadNotification': {
      if (state.status !== 'raised' || state.user_id !== command.user_id) throw new DomainError('NOTIFICATION.NOT_FOUND', 'No such notification');
      return state.read ? [] : [{ type: 'NotificationRead', data: { notification_id: command.notification_id, user_id: command.user_id } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: NotificationState, event: Raised | Read): NotificationState {
  if (event.type === 'NotificationRaised') return { status: 'raised', user_id: event.data.user_id, read: false };
  return state.status === 'raised' ? { ...state, read: true } : state;
}

export const notificationDecider: Decider<NotificationCommand, Raised | Read, NotificationState> = { initialState: { status: 'none' }, decide, evolve };

export const notificationAggregate: Aggregate<NotificationCommand, NotificationCommand, Raised | Read, NotificationState> = {
  decider: notificationDecider,
  streamOf: (command) => streamName('notification', command.notification_id),
};

/** A user's preferences: the last set wins; setting the same again records nothing. */
export const preferencesAggregate: Aggregate<SetPreferences, SetPreferences, PreferencesSet, string | null> = {
  decider: {
    initialState: null,
    decide: ({ user_id, kinds, digest }, current) => {
      const next = JSON.stringify({ kinds, digest });
      return next === current ? [] : [{ type: 'NotificationPreferencesSet', data: { user_id, kinds, digest } }];
    },
    evolve: (_state, event) => JSON.stringify({ kinds: event.data.kinds, digest: event.data.digest }),
  },
  streamOf: (command) => streamName('notificationprefs', command.user_id),
};
