import { UserCommand } from '../../contracts/users/commands';
import { UserEvent } from '../../contracts/users/events';
import { Aggregate } from '../shared/command-handler';
import { streamName } from '../shared/streams';
import { userDecider, UserState } from './user-decider';

/** Users live on `user-<uuid>` streams; a request is the command itself. */
export const userAggregate: Aggregate<UserCommand, UserCommand, UserEvent, UserState> = {
  decider: userDecider,
  streamOf: (command) => streamName('user', command.user_id),
};
