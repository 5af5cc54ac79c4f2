import { documentAggregate } from '../documents/document-aggregate';
import { MessageBus } from '../bus/port';
import { EventStore } from '../event-store/port';
import { EventSerializer } from '../event-store/serializer';
import { generationAggregate } from '../generations/generation-aggregate';
import { RouteSpec } from '../http/route';
import { NotificationQueries } from '../notifications/notification-queries';
import { notificationRoutes } from '../notifications/notification-routes';
import { Notifier } from '../notifications/notifier';
import { ReadStore } from '../read-store/port';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { Clock } from '../shared/clock';
import { CommandHandler } from '../shared/command-handler';
import { Logger } from '../shared/logger';
import { streamName } from '../shared/streams';

export function notificationApiRoutes(deps: { commands: CommandHandler; readStore: ReadStore; waiter: ProjectionWaiter }): RouteSpec[] {
  return notificationRoutes({ commands: deps.commands, queries: new NotificationQueries(deps.readStore), waiter: deps.waiter });
}

/** The notifier (role `notifier`): who a generation or document belongs to comes from its stream. */
export function buildNotifier(deps: { events: EventStore; serializer: EventSerializer; bus: MessageBus; readStore: ReadStore; clock: Clock; logger: Logger; group_id: string }): Notifier {
  const commands = new CommandHandler(deps.events, deps.serializer);
  async function ownerOf(ref: { generation_id: string } | { document_id: string }): Promise<string | null> {
    if ('generation_id' in ref) {
      const { state } = await commands.load(generationAggregate.decider, streamName('generation', ref.generation_id));
      return state.status === 'none' || state.status === 'deleted' ? null : state.user_id;
    }
    const { state } = await commands.load(documentAggregate.decider, streamName('document', ref.document_id));
    return state.status === 'active' ? state.user_id : null;
  }
  return new Notifier({ bus: deps.bus, commands, queries: new NotificationQueries(deps.readStore), ownerOf, clock: deps.clock, logger: deps.logger.child({ component: 'notifier' }), group_id: deps.group_id });
}
