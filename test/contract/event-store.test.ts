import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore, openEmbeddedEventStore } from '../../src/event-store/embedded';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('embedded', async () => openEmbeddedEventStore(await mkdtemp(join(tmpdir(), 'jobwise-events-'))), {
  starts_empty: true,
  dispose: async (store) => {
    await store.close();
    await rm((store as EmbeddedEventStore).dir, { recursive: true, force: true });
  },
});

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('eventstoredb', () => EventStoreDbEventStore.connect(connectionString), { test_timeout_ms: 30_000 });
} else {
  // No ESDB server exists on CI machines either, so a missing connection string skips there too.
  describe.skip('eventstoredb event store contract (set EVENTSTORE_CONNECTION_STRING=esdb://host:2113?tls=false to run)', () => {
    it('needs a server', () => undefined);
  });
}
