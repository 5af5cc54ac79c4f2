import { ApplicationCommand } from '../../contracts/applications/commands';
import { ApplicationEvent } from '../../contracts/applications/events';
import { Aggregate } from '../shared/command-handler';
import { streamName } from '../shared/streams';
import { applicationDecider, ApplicationState } from './application-decider';

/** Applications live on `application-<uuid>` streams; a request is the command itself. */
export const applicationAggregate: Aggregate<ApplicationCommand, ApplicationCommand, ApplicationEvent, ApplicationState> = {
  decider: applicationDecider,
  streamOf: (command) => streamName('application', command.application_id),
};
