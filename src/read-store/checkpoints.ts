import { ReadStore } from './port';

export const CHECKPOINTS_COLLECTION = 'projection_checkpoints';

export interface CheckpointDoc {
  _id: string;
  position: string;
  /**
   * Changes whenever the subscriber's documents may have changed: the position of the last event
   * it was handed, or another marker (a rebuild's switch). Readers only compare it for equality.
   * The position itself also passes events the subscriber does not take.
   */
  changed_at?: string;
  updated_at: string;
  [key: string]: unknown;
}

/** Checkpoints live in the read store beside the documents they describe. */
export class CheckpointStore {
  constructor(private readonly store: ReadStore) {}

  private get collection() {
    return this.store.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION);
  }

  async load(name: string): Promise<string> {
    return (await this.collection.get(name))?.position ?? '';
  }

  /**
   * Where the subscriber's documents last changed: a reader that keeps a copy of them can keep it
   * while this stays. Checkpoints saved without it answer their position (a copy is dropped more
   * often, never kept too long).
   */
  async changedAt(name: string): Promise<string> {
    const doc = await this.collection.get(name);
    return doc?.changed_at ?? doc?.position ?? '';
  }

  /** Records a change of the documents that no event made (a rebuild replaced the collection): `marker` must not be an event position. */
  async markChanged(name: string, marker: string): Promise<void> {
    if (isEventPosition(marker)) throw new Error(`A change marker that is not an event position must not look like one: ${marker}`);
    const current = await this.collection.get(name);
    if (current) await this.collection.upsert({ ...current, changed_at: marker, updated_at: new Date().toISOString() });
  }

  /** Never moves a checkpoint backwards. `changed_at`: the last event handed over, when this batch had one. */
  async save(name: string, position: string, changed_at?: string): Promise<void> {
    const current = await this.collection.get(name);
    if (position <= (current?.position ?? '')) return;
    const changed = changed_at ?? current?.changed_at ?? current?.position;
    await this.collection.upsert({ _id: name, position, ...(changed === undefined ? {} : { changed_at: changed }), updated_at: new Date().toISOString() });
  }
}

/**
 * Whether a change marker is an event position (both event stores' positions are zero-padded
 * numbers) rather than a marker `markChanged` recorded: only after a position do the documents
 * written since carry later positions.
 */
export function isEventPosition(marker: string): boolean {
  return /^[0-9]/.test(marker);
}
