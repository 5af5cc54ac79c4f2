import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../src/event-store/embedded';
import { CheckpointStore } from '../../src/read-store/checkpoints';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { PersistentReadStore } from '../../src/read-store/persistent';
import { silentLogger } from '../../src/shared/logger';
import { events as someEvents } from './event-store.support';
import { describeReadStoreContract } from './read-store.contract';

/** The embedded store made restartable (the app's default) shows the same contract, switch included. */
const dir = mkdtempSync(join(tmpdir(), 'jobwise-persistent-contract-'));
const PROJECTIONS = [{ name: 'people_v1', collection: 'people_v1' }];

async function openStore(events: Awaited<ReturnType<typeof openEmbeddedEventStore>>) {
  return PersistentReadStore.open({ createStore: () => new EmbeddedReadStore(), dir: join(dir, 'read-models'), events, projections: PROJECTIONS, logger: silentLogger(), snapshot_interval_ms: 0 });
}

let events: Awaited<ReturnType<typeof openEmbeddedEventStore>>;
beforeAll(async () => {
  events = await openEmbeddedEventStore(join(dir, 'events'));
});
afterAll(async () => {
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

describeReadStoreContract('persistent embedded', () => openStore(events));

describe('persistent embedded read store, rebuild switch', () => {
  it('given a rebuilt collection renamed over the live one, when snapshotted and reopened, then the live name holds the rebuilt documents and nothing of a rebuild in progress is restored', async () => {
    const head = (await events.appendToStream('thing-1', someEvents(3), 'any')).position;
    const store = await openStore(events);
    await store.collection('people_v1').upsert({ _id: 'old', _applied: {} });
    await store.collection('people_v1__rebuild').upsert({ _id: 'new', _applied: {} });
    await store.renameCollection('people_v1__rebuild', 'people_v1');
    await new CheckpointStore(store).save('people_v1', head);
    // A second rebuild, still running when the process stops.
    await store.collection('people_v1__rebuild').upsert({ _id: 'half', _applied: {} });
    await new CheckpointStore(store).save('people_v1__rebuild', head);
    await store.close();

    const reopened = await openStore(events);
    expect(reopened.restored.projections_restored).toEqual(['people_v1']);
    expect(await reopened.collection('people_v1').find()).toEqual([{ _id: 'new', _applied: {} }]);
    expect(await reopened.collection('people_v1__rebuild').count()).toBe(0);
    expect(reopened.collectionNames()).not.toContain('people_v1__rebuild');
    expect(await new CheckpointStore(reopened).load('people_v1__rebuild')).toBe('');
    expect(await new CheckpointStore(reopened).load('people_v1')).toBe(head);
    await reopened.close();
  });
});
