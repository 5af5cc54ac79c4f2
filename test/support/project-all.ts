import { Projection } from '../../contracts/shared/projection';
import { ProjectedDoc, Unprojected } from '../../contracts/shared/read-model';
import { EventStore } from '../../src/event-store/port';
import { Doc, ReadStore } from '../../src/read-store/port';

/**
 * A projection's collection made again from every event in the store, as its runner would make
 * it (without checkpoints, batches or decryption): for tests that read a read model their
 * subject feeds through events, without running the projector.
 */
export async function projectAll<D extends ProjectedDoc>(events: EventStore, store: ReadStore, projection: Projection<D>): Promise<void> {
  const collection = store.collection<Doc>(projection.collection);
  await collection.deleteMany();
  const docs = new Map<string, Unprojected<D> | null>();
  for (const recorded of await events.readAll()) {
    if (!projection.handles.includes(recorded.type)) continue;
    const envelope = recorded as never;
    const id = projection.documentId(envelope);
    docs.set(id, projection.evolve(docs.get(id) ?? null, envelope));
  }
  for (const [id, doc] of docs) if (doc) await collection.upsert({ _id: id, ...doc });
}
