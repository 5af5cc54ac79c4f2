import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrationEvent } from '../../../contracts/integration';
import { PreferencesReadModel } from '../../../contracts/notifications/read-model';
import { ConsumedMessage, MessageBus } from '../../../src/bus/port';
import { openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { EventStore } from '../../../src/event-store/port';
import { NotificationQueries } from '../../../src/notifications/notification-queries';
import { Notifier } from '../../../src/notifications/notifier';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { Doc } from '../../../src/read-store/port';
import { CommandHandler } from '../../../src/shared/command-handler';
import { silentLogger } from '../../../src/shared/logger';

/**
 * The notifier's kinds besides a completed generation (issue 14 item 4): a failed generation and
 * a view of a shared document notify their owner, once per event; nobody when the owner is gone
 * or turned the kind off.
 */
const owner = randomUUID();
const generation_id = randomUUID();
const document_id = randomUUID();
const share_id = randomUUID();

const event = (event_type: string, data: Record<string, unknown>, source_stream: string): IntegrationEvent =>
  ({ event_id: randomUUID(), event_type, schema_version: 1, occurred_at: '2026-11-30T10:00:00.000Z', correlation_id: 'corr', source_stream, source_revision: 3, data }) as IntegrationEvent;
const failed = () => event('generation.failed', { generation_id, stage: 'content_generation' }, `generation-${generation_id}`);
const viewed = () => event('document.viewed', { document_id, share_id }, `document-${document_id}`);
const message = (e: IntegrationEvent, topic: string): ConsumedMessage => ({ topic, partition: 0, offset: '1', key: e.source_stream, value: e, headers: {} }) as unknown as ConsumedMessage;

let dir: string;
let events: EventStore;
let store: EmbeddedReadStore;
let owners: Map<string, string | null>;
let notifier: Notifier;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'notifier-kinds-'));
  events = await openEmbeddedEventStore(join(dir, 'events'));
  store = new EmbeddedReadStore();
  owners = new Map([[generation_id, owner], [document_id, owner]]);
  notifier = new Notifier({
    bus: {} as MessageBus,
    commands: new CommandHandler(events),
    queries: new NotificationQueries(store),
    ownerOf: async (ref) => owners.get('generation_id' in ref ? ref.generation_id : ref.document_id) ?? null,
    clock: { now: () => new Date('2026-11-30T10:00:01.000Z') },
    logger: silentLogger(),
  });
});
afterEach(async () => {
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

const raised = async () => (await events.readAll()).filter((e) => e.type === 'NotificationRaised').map((e) => e.data as Record<string, unknown>);

it('given a generation.failed delivered twice, when handled, then its owner gets one generation_failed notification', async () => {
  const e = failed();
  await notifier.handle(message(e, 'jobwise.generations.v1'));
  await notifier.handle(message(e, 'jobwise.generations.v1'));
  expect(await raised()).toEqual([expect.objectContaining({ user_id: owner, kind: 'generation_failed', refs: { generation_id }, source_event_id: e.event_id })]);
});

it('given a document.viewed, when handled, then the owner gets a share_viewed notification naming the document and the share', async () => {
  const e = viewed();
  await notifier.handle(message(e, 'jobwise.documents.v1'));
  expect(await raised()).toEqual([expect.objectContaining({ user_id: owner, kind: 'share_viewed', refs: { document_id, share_id } })]);
});

it('given the owner is gone, or turned the kind off, when handled, then nothing is raised', async () => {
  owners.set(generation_id, null);
  await notifier.handle(message(failed(), 'jobwise.generations.v1'));
  await store.collection<Doc>(PreferencesReadModel.collection).upsert({
    _id: owner, user_id: owner, version: 1, digest: 'instant', kinds: { generation_completed: true, generation_failed: true, share_viewed: false, job_alert: true },
  });
  await notifier.handle(message(viewed(), 'jobwise.documents.v1'));
  expect(await raised()).toEqual([]);
});
