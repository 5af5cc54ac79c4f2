import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore, openEmbeddedEventStore } from '../../src/event-store/embedded';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb';
import { onBackends } from '../support/real-backends';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('embedded', async () => openEmbeddedEventStore(await mkdtemp(join(tmpdir(), 'jobwise-events-'))), {
  starts_empty: true,
  dispose: async (store) => {
    await store.close();
    await rm((store as EmbeddedEventStore).dir, { recursive: true, force: true });
  },
});

onBackends(['EVENTSTORE_CONNECTION_STRING'], 'eventstoredb event store contract', ([connectionString]) => {
  describeEventStoreContract('eventstoredb', () => EventStoreDbEventStore.connect(connectionString), { test_timeout_ms: 30_000 });
});
