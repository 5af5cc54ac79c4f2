import { randomBytes, randomUUID } from 'node:crypto';
import { Collection, Doc, ReadStore } from '../read-store/port';
import { KEY_BYTES, KeyStore, SubjectKey } from './port';
import { unwrapKey, WrappedKey, wrapKey } from './wrapping';

export const SUBJECT_KEYS_COLLECTION = 'subject_keys';

type KeyDoc = Doc & { subject: string; wrapped: WrappedKey; created_at: string };

/**
 * Keys in the `subject_keys` collection of the read store (MongoDB when MONGODB_URL is set),
 * wrapped by the master key. Two processes creating a subject's first key at once both succeed:
 * either key decrypts what was encrypted with it, and destruction removes all of them.
 */
export class CollectionKeyStore implements KeyStore {
  private readonly keys: Collection<KeyDoc>;

  constructor(
    readStore: ReadStore,
    private readonly master: Buffer,
  ) {
    this.keys = readStore.collection<KeyDoc>(SUBJECT_KEYS_COLLECTION);
  }

  async keyFor(subject: string): Promise<SubjectKey> {
    const [existing] = await this.keys.find({ subject }, { sort: { created_at: 1 }, limit: 1 });
    if (existing) return this.unwrap(existing);
    const kid = randomUUID();
    const key = randomBytes(KEY_BYTES);
    await this.keys.upsert({ _id: kid, subject, wrapped: wrapKey(this.master, key, kid, subject), created_at: new Date().toISOString() });
    return { kid, subject, key };
  }

  async keyById(kid: string): Promise<SubjectKey | null> {
    const doc = await this.keys.get(kid);
    return doc ? this.unwrap(doc) : null;
  }

  async destroySubject(subject: string): Promise<void> {
    await this.keys.deleteMany({ subject });
  }

  private unwrap(doc: KeyDoc): SubjectKey {
    return { kid: doc._id, subject: doc.subject, key: unwrapKey(this.master, doc.wrapped, doc._id, doc.subject) };
  }
}
