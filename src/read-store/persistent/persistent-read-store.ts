import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { EventStore } from '../../event-store/port';
import { Logger } from '../../shared/logger';
import { CHECKPOINTS_COLLECTION, CheckpointDoc } from '../checkpoints';
import { isRebuildName } from '../rebuild-names';
import { Collection, Doc, ReadStore } from '../port';
import { isLeftoverTemp } from './atomic-file';
import { readDurableCheckpoints, writeDurableCheckpoints } from './durable-checkpoints';
import { TrackedCollection } from './tracked-collection';
import { CollectionImage } from '../column-image';
import { ImageAssembler, imageLines } from './column-lines';
import { readSnapshotFile, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotHeader, writeSnapshotFile } from './snapshot-file';

export const SNAPSHOT_FILE = 'snapshot.ndjson';
export const DURABLE_CHECKPOINTS_FILE = 'checkpoints.json';

/**
 * The in-memory store underneath (the embedded adapter, chosen in src/adapters.ts), with a bulk
 * load that takes a snapshot's freshly parsed documents of one (empty) collection without copying.
 */
export type InnerReadStore = ReadStore & {
  collectionNames(): string[];
  /** The documents, or for a collection held as columns its image, to write. */
  contents(name: string): Iterable<Doc> | CollectionImage;
  startLoad(name: string): BulkLoad;
  loadImage(name: string, image: CollectionImage): void;
};

/** A collection's bulk load from a snapshot, a document at a time. */
type BulkLoad = { add(doc: Doc): void; finish(): void };

export interface PersistentReadStoreOptions {
  /** A fresh, empty in-memory store. */
  createStore: () => InnerReadStore;
  /** Where the snapshot and the durable checkpoints live (DATA_DIR/read-models). */
  dir: string;
  events: EventStore;
  /** Every projection of the app: one whose collection changed is rebuilt, not restored. */
  projections: readonly { name: string; collection: string }[];
  logger: Logger;
  /** How often a snapshot is written in the background when something changed; 0: only at close. */
  snapshot_interval_ms?: number;
}

export interface RestoreOutcome {
  snapshot: 'loaded' | 'missing' | 'unreadable';
  reason?: string;
  documents: number;
  /** Projections restored from the snapshot; the others rebuild from the start of the log. */
  projections_restored: string[];
  durable_checkpoints: Record<string, string>;
  ms: number;
}

/** A checkpoint's position as it may be persisted; null: keep the one loaded at open. */
export type CheckpointCap = (position: string) => string | null;

/**
 * The embedded read store made restartable: read models and their checkpoints are written to
 * DATA_DIR as one snapshot (periodically in the background when something changed, and at
 * close), and loaded at open, so projectors apply only the events after their checkpoints. A
 * missing, unreadable, foreign or outdated snapshot — or a projection whose collection changed —
 * starts empty, so those projections rebuild from the log: never wrong data.
 *
 * Checkpoints given a cap (the relay's) are also written to a small file of their own each time
 * they move, so they survive a crash between snapshots; the cap keeps them at what consumers
 * have actually received (ADR 0005, embedded mode).
 */
export class PersistentReadStore implements ReadStore {
  private readonly caps = new Map<string, CheckpointCap>();
  private readonly tracked = new Map<string, TrackedCollection<Doc>>();
  private changed = false;
  private timer: NodeJS.Timeout | null = null;
  private snapshotting: Promise<void> | null = null;
  private durable_writing: Promise<void> | null = null;
  private durable_dirty = false;
  private closed = false;

  private constructor(
    private readonly inner: InnerReadStore,
    private readonly options: PersistentReadStoreOptions,
    private first_event_id: string | null,
    readonly restored: RestoreOutcome,
  ) {
    const interval = options.snapshot_interval_ms ?? 60_000;
    if (interval > 0) {
      this.timer = setInterval(() => void this.snapshotIfChanged(), interval);
      this.timer.unref();
    }
  }

  static async open(options: PersistentReadStoreOptions): Promise<PersistentReadStore> {
    const started = Date.now();
    await mkdir(options.dir, { recursive: true });
    await removeLeftoverTemps(options.dir);
    const head = await options.events.headPosition();
    const first_event_id = (await options.events.readAll({ max_count: 1 }))[0]?.event_id ?? null;
    const { store, outcome } = await restore(options, head, first_event_id);
    const durable = await readDurableCheckpoints(join(options.dir, DURABLE_CHECKPOINTS_FILE), first_event_id);
    const checkpoints = store.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION);
    const durable_checkpoints: Record<string, string> = {};
    for (const [name, position] of Object.entries(durable)) {
      if (position > head) continue;
      durable_checkpoints[name] = position;
      const current = await checkpoints.get(name);
      if (!current || current.position < position) await checkpoints.upsert({ _id: name, position, updated_at: new Date().toISOString() });
    }
    const restored = { ...outcome, durable_checkpoints, ms: Date.now() - started };
    options.logger.info({ ...restored, projections_restored: restored.projections_restored.length }, 'read models opened from their snapshot');
    return new PersistentReadStore(store, options, first_event_id, restored);
  }

  /** Persists checkpoint `name` on every move, through `cap` (and caps it in snapshots). */
  capCheckpoint(name: string, cap: CheckpointCap): void {
    this.caps.set(name, cap);
  }

  collection<T extends Doc>(name: string): Collection<T> {
    let collection = this.tracked.get(name);
    if (!collection) {
      const onWrite = name === CHECKPOINTS_COLLECTION ? (id?: string) => this.checkpointMoved(id) : () => void (this.changed = true);
      collection = new TrackedCollection(this.inner.collection<Doc>(name), onWrite);
      this.tracked.set(name, collection);
    }
    return collection as unknown as Collection<T>;
  }

  collectionNames(): string[] {
    return this.inner.collectionNames();
  }

  /** Written with the next snapshot: until then a restart restores the names as they were, with their checkpoints. */
  async renameCollection(from: string, to: string): Promise<void> {
    await this.inner.renameCollection(from, to);
    this.changed = true;
  }

  async dropCollection(name: string): Promise<void> {
    await this.inner.dropCollection(name);
    this.changed = true;
  }

  async ping(): Promise<void> {
    await this.inner.ping();
  }

  /** Writes a last snapshot (every task has stopped by now), then closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.snapshotting;
    try {
      await this.writeSnapshot();
      await this.writeDurable();
    } catch (error) {
      // The previous snapshot stays; what it lacks is replayed from the log at the next start.
      this.options.logger.warn({ err: (error as Error).message }, 'read-model snapshot at close failed');
    }
    await this.inner.close();
  }

  /** Writes the snapshot now (one at a time; a call during a write waits for it and writes again). */
  async writeSnapshot(): Promise<void> {
    while (this.snapshotting) await this.snapshotting;
    this.changed = false;
    this.snapshotting = this.dump().finally(() => (this.snapshotting = null));
    await this.snapshotting;
  }

  private async snapshotIfChanged(): Promise<void> {
    if (!this.changed || this.snapshotting || this.closed) return;
    try {
      await this.writeSnapshot();
      await this.writeDurable();
    } catch (error) {
      this.changed = true;
      this.options.logger.warn({ err: (error as Error).message }, 'read-model snapshot failed; the previous one stays');
    }
  }

  private async dump(): Promise<void> {
    const started = Date.now();
    // Checkpoints first: documents only move forward, so none is ever behind its checkpoint.
    // A rebuild in progress is left out (its collection and checkpoint): after a restart it starts again.
    const checkpoints = this.cappedCheckpoints(await this.inner.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION).find()).filter((doc) => !isRebuildName(doc._id));
    const names = this.inner.collectionNames().filter((name) => name !== CHECKPOINTS_COLLECTION && !isRebuildName(name));
    const header: SnapshotHeader = {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      created_at: new Date().toISOString(),
      head: await this.options.events.headPosition(),
      first_event_id: await this.firstEventId(),
      projections: Object.fromEntries(this.options.projections.map(({ name, collection }) => [name, collection])),
    };
    const inner = this.inner;
    async function* documents(): AsyncGenerator<unknown[]> {
      for (const doc of checkpoints) yield [CHECKPOINTS_COLLECTION, doc];
      // The stored documents themselves, read one at a time (no copy of every read model at each
      // snapshot), or a collection's columns, copied at once.
      for (const name of names) {
        const contents = inner.contents(name);
        if (Symbol.iterator in contents) for (const doc of contents) yield [name, doc];
        else yield* imageLines(name, contents);
      }
    }
    const count = await writeSnapshotFile(join(this.options.dir, SNAPSHOT_FILE), header, documents());
    this.options.logger.info({ documents: count, ms: Date.now() - started }, 'read-model snapshot written');
  }

  /** Read again while the log was empty at open. */
  private async firstEventId(): Promise<string | null> {
    this.first_event_id ??= (await this.options.events.readAll({ max_count: 1 }))[0]?.event_id ?? null;
    return this.first_event_id;
  }

  private cappedCheckpoints(docs: CheckpointDoc[]): CheckpointDoc[] {
    return docs.flatMap((doc) => {
      const cap = this.caps.get(doc._id);
      if (!cap) return [doc];
      const position = this.capped(doc._id, doc.position, cap);
      return position ? [{ ...doc, position }] : [];
    });
  }

  private capped(name: string, position: string, cap: CheckpointCap): string | null {
    const safe = cap(position);
    const loaded = this.restored.durable_checkpoints[name] ?? null;
    if (safe === null) return loaded;
    return loaded !== null && loaded > safe ? loaded : safe;
  }

  private checkpointMoved(id: string | undefined): void {
    this.changed = true;
    if (id === undefined || !this.caps.has(id) || this.closed) return;
    this.durable_dirty = true;
    if (!this.durable_writing) void this.writeDurable().catch((error: unknown) => this.options.logger.warn({ err: (error as Error).message }, 'durable checkpoint write failed'));
  }

  /** Rewrites the durable checkpoints until no move is left unwritten; one write at a time. */
  private async writeDurable(): Promise<void> {
    while (this.durable_writing) await this.durable_writing;
    this.durable_writing = (async () => {
      do {
        this.durable_dirty = false;
        const checkpoints: Record<string, string> = {};
        const collection = this.inner.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION);
        for (const [name, cap] of this.caps) {
          const doc = await collection.get(name);
          const position = doc ? this.capped(name, doc.position, cap) : this.restored.durable_checkpoints[name];
          if (position) checkpoints[name] = position;
        }
        await writeDurableCheckpoints(join(this.options.dir, DURABLE_CHECKPOINTS_FILE), await this.firstEventId(), checkpoints);
      } while (this.durable_dirty);
    })().finally(() => (this.durable_writing = null));
    await this.durable_writing;
  }
}

/**
 * Loads the snapshot into a fresh store, or returns an empty one saying why. Each collection's
 * documents go to one bulk load of the store as the file is read (no copies; indexes built once
 * at the end; a collection held as columns encodes each document at once); the store is used only
 * once the file's checksum has passed, else it is dropped for an empty one.
 */
async function restore(options: PersistentReadStoreOptions, head: string, first_event_id: string | null): Promise<{ store: InnerReadStore; outcome: Omit<RestoreOutcome, 'durable_checkpoints' | 'ms'> }> {
  const store = options.createStore();
  let restorable = new Set<string>();
  let skipped_collections = new Set<string>();
  const loads = new Map<string, BulkLoad>();
  let documents = 0;
  const images = new ImageAssembler((collection, image) => {
    if (skipped_collections.has(collection)) return;
    store.loadImage(collection, image);
    documents += image.live.reduce((sum, live) => sum + live, 0);
  });
  try {
    await readSnapshotFile(
      join(options.dir, SNAPSHOT_FILE),
      (header) => {
        if (header.first_event_id !== first_event_id) throw new Error('the snapshot belongs to another event log');
        if (header.head > head) throw new Error(`the snapshot is ahead of the event log (${header.head} > ${head})`);
        restorable = new Set(options.projections.filter(({ name, collection }) => header.projections[name] === collection).map(({ name }) => name));
        // Collections of outdated projections (theirs then or now) are left to the rebuild.
        skipped_collections = new Set([
          ...Object.entries(header.projections).filter(([name]) => !restorable.has(name)).map(([, collection]) => collection),
          ...options.projections.filter(({ name }) => !restorable.has(name)).map(({ collection }) => collection),
        ]);
      },
      (collection, doc) => {
        if (skipped_collections.has(collection)) return;
        if (collection === CHECKPOINTS_COLLECTION) {
          const position = (doc as CheckpointDoc).position;
          const projection = options.projections.some(({ name }) => name === doc._id);
          if (typeof position !== 'string' || position > head || (projection && !restorable.has(doc._id))) return;
        }
        documents++;
        let load = loads.get(collection);
        if (!load) loads.set(collection, (load = store.startLoad(collection)));
        load.add(doc);
      },
      (entry) => images.take(entry),
    );
    images.end();
    for (const load of loads.values()) load.finish();
    return { store, outcome: { snapshot: 'loaded', documents, projections_restored: [...restorable] } };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!missing) options.logger.warn({ err: (error as Error).message }, 'read-model snapshot not used; read models rebuild from the event log');
    return { store: options.createStore(), outcome: { snapshot: missing ? 'missing' : 'unreadable', reason: missing ? undefined : (error as Error).message, documents: 0, projections_restored: [] } };
  }
}

async function removeLeftoverTemps(dir: string): Promise<void> {
  for (const name of await readdir(dir)) if (isLeftoverTemp(name)) await unlink(join(dir, name)).catch(() => undefined);
}
