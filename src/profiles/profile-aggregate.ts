import { ProfileCommand } from '../../contracts/profiles/commands';
import { ProfileEvent } from '../../contracts/profiles/events';
import { Aggregate } from '../shared/command-handler';
import { streamName } from '../shared/streams';
import { profileDecider, ProfileState } from './profile-decider';

/** Profiles live on `profile-<uuid>` streams; a request is the command itself. */
export const profileAggregate: Aggregate<ProfileCommand, ProfileCommand, ProfileEvent, ProfileState> = {
  decider: profileDecider,
  streamOf: (command) => streamName('profile', command.profile_id),
};
