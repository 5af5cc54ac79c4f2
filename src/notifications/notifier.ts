import { IntegrationEvent, IntegrationTopics } from '../../contracts/integration';
import { NotificationKind } from '../../contracts/notifications/events';
import { actionable } from '../bus/actionable';
import { ConsumedMessage, Consumer, MessageBus } from '../bus/port';
import { Clock } from '../shared/clock';
import { CommandHandler } from '../shared/command-handler';
import { ID_NAMESPACES, uuidV5 } from '../shared/ids';
import { Logger } from '../shared/logger';
import { notificationAggregate } from './notification-decider';
import { NotificationQueries } from './notification-queries';

export const NOTIFIER_ACTOR = 'system:notifier';

/** What the notifier raises for one integration event: the kind, the owner to ask for, a generic title and the ids. Pure. */
export function notificationFor(event: IntegrationEvent): { kind: NotificationKind; title: string; owner: { generation_id: string } | { document_id: string }; refs: Record<string, string> } | null {
  switch (event.event_type) {
    case 'generation.completed': {
      const { generation_id } = event.data as { generation_id: string };
      return { kind: 'generation_completed', title: 'Your tailored document is ready', owner: { generation_id }, refs: { generation_id } };
    }
    case 'generation.failed': {
      const { generation_id } = event.data as { generation_id: string };
      return { kind: 'generation_failed', title: 'A generation could not be completed', owner: { generation_id }, refs: { generation_id } };
    }
    case 'document.viewed': {
      const { document_id, share_id } = event.data as { document_id: string; share_id: string };
      return { kind: 'share_viewed', title: 'Someone opened your shared document', owner: { document_id }, refs: { document_id, share_id } };
    }
    default:
      return null;
  }
}

export interface NotifierDeps {
  bus: MessageBus;
  commands: CommandHandler;
  queries: NotificationQueries;
  /** The user a generation or document belongs to (read from its stream), or null when it is gone. */
  ownerOf(ref: { generation_id: string } | { document_id: string }): Promise<string | null>;
  clock: Clock;
  logger: Logger;
  group_id?: string;
}

/**
 * The notifier role (issue 14 item 4): raises in-app notifications from the generations and
 * documents topics, as the user's preferences allow. A notification's id derives from the event
 * that raised it, so a redelivery or a replay of the topic raises nothing twice.
 */
export class Notifier {
  private consumer: Consumer | null = null;

  constructor(private readonly deps: NotifierDeps) {}

  async start(): Promise<void> {
    const topics = [IntegrationTopics.generations, IntegrationTopics.documents];
    await this.deps.bus.ensureTopics(topics);
    this.consumer = await this.deps.bus.subscribe({ group_id: this.deps.group_id ?? 'jobwise-notifier', topics, from_beginning: true, handler: (message) => this.handle(message) });
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = null;
  }

  async handle(message: ConsumedMessage): Promise<void> {
    const event = actionable(message, IntegrationEvent);
    if (!event) return;
    const wanted = notificationFor(event);
    if (!wanted) return;
    const user_id = await this.deps.ownerOf(wanted.owner);
    if (!user_id) return;
    const preferences = await this.deps.queries.preferences(user_id);
    if (!preferences.kinds[wanted.kind]) return;
    const now = this.deps.clock.now().toISOString();
    const notification_id = uuidV5(`${event.event_id}/${wanted.kind}`, ID_NAMESPACES.notification);
    const command = { type: 'RaiseNotification', now, notification_id, user_id, kind: wanted.kind, title: wanted.title, refs: wanted.refs, source_event_id: event.event_id } as const;
    await this.deps.commands.handle(notificationAggregate, command, { correlation_id: event.correlation_id, causation_id: event.event_id, actor: NOTIFIER_ACTOR, now });
  }
}
