import { ReadStore } from './port';

export const CHECKPOINTS_COLLECTION = 'projection_checkpoints';

export interface CheckpointDoc {
  _id: string;
  position: string;
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

  /** Never moves a checkpoint backwards. */
  async save(name: string, position: string): Promise<void> {
    const current = await this.load(name);
    if (position <= current) return;
    await this.collection.upsert({ _id: name, position, updated_at: new Date().toISOString() });
  }
}
