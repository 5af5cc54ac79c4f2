import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrationEvent } from '../../../contracts/integration';
import { ConsumedMessage, MessageBus } from '../../../src/bus/port';
import { openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { EventStore } from '../../../src/event-store/port';
import { notificationFor, Notifier } from '../../../src/notifications/notifier';
import { NotificationQueries } from '../../../src/notifications/notification-queries';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { CommandHandler } from '../../../src/shared/command-handler';
import { silentLogger } from '../../../src/shared/logger';

const generation_id = randomUUID();
const user_id = randomUUID();
const completed = (event_id = randomUUID()): IntegrationEvent =>
  ({
    event_id,
    event_type: 'generation.completed',
    schema_version: 1,
    occurred_at: '2026-11-30T10:00:00.000Z',
    correlation_id: 'corr',
    source_stream: `generation-${generation_id}`,
    source_revision: 12,
    data: { generation_id, ats_score: 0.7 },
  }) as IntegrationEvent;
const message = (event: IntegrationEvent): ConsumedMessage => ({ topic: 'jobwise.generations.v1', partition: 0, offset: '1', key: event.source_stream, value: event, headers: {} }) as unknown as ConsumedMessage;

describe('notifier', () => {
  let dir: string;
  let events: EventStore;
  let notifier: Notifier;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'notifier-'));
    events = await openEmbeddedEventStore(join(dir, 'events'));
    notifier = new Notifier({
      bus: {} as MessageBus,
      commands: new CommandHandler(events),
      queries: new NotificationQueries(new EmbeddedReadStore()),
      ownerOf: async () => user_id,
      clock: { now: () => new Date('2026-11-30T10:00:01.000Z') },
      logger: silentLogger(),
    });
  });
  afterEach(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const raised = async () => (await events.readAll()).filter((e) => e.type === 'NotificationRaised');

  it('given the same generation.completed delivered twice, when handled, then one notification is raised', async () => {
    const event = completed();
    await notifier.handle(message(event));
    await notifier.handle(message(event));
    const found = await raised();
    expect(found).toHaveLength(1);
    expect(found[0].data).toMatchObject({ user_id, kind: 'generation_completed', source_event_id: event.event_id, refs: { generation_id } });
  });

  it('given another event, when handled, then it raises its own notification', async () => {
    await notifier.handle(message(completed()));
    await notifier.handle(message(completed()));
    expect(await raised()).toHaveLength(2);
  });

  it('given a message re-published by an admin replay, when handled, then nothing is raised', async () => {
    await notifier.handle({ ...message(completed()), headers: { replay: 'true', replay_id: randomUUID() } } as unknown as ConsumedMessage);
    expect(await raised()).toHaveLength(0);
  });

  it('ignores events that notify nobody and messages that are no integration event', async () => {
    await notifier.handle(message({ ...completed(), event_type: 'generation.stage_started', data: { generation_id, stage: 'job_analysis', attempt: 1 } } as IntegrationEvent));
    await notifier.handle({ ...message(completed()), value: { nonsense: true } } as unknown as ConsumedMessage);
    expect(await raised()).toHaveLength(0);
    expect(notificationFor(completed())).toMatchObject({ kind: 'generation_completed' });
  });
});
