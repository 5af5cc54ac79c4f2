import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KEY_BYTES, KeyStore, SubjectKey } from './port';
import { unwrapKey, WrappedKey, wrapKey } from './wrapping';

interface StoredKey {
  kid: string;
  subject: string;
  wrapped: WrappedKey;
  created_at: string;
}

interface KeyFile {
  format: 1;
  keys: StoredKey[];
}

/**
 * The embedded key store: one JSON file (under DATA_DIR, apart from the event log) of data keys
 * wrapped by the master key. Every change rewrites the file atomically (temp file, fsync,
 * rename, fsync of the directory). A destroyed key is removed from the file.
 */
export class FileKeyStore implements KeyStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly master: Buffer,
    private readonly keys: Map<string, StoredKey>,
  ) {}

  static async open(file: string, master: Buffer): Promise<FileKeyStore> {
    let keys: StoredKey[] = [];
    try {
      keys = (JSON.parse(await readFile(file, 'utf8')) as KeyFile).keys;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return new FileKeyStore(file, master, new Map(keys.map((key) => [key.kid, key])));
  }

  async keyFor(subject: string): Promise<SubjectKey> {
    for (const stored of this.keys.values()) if (stored.subject === subject) return this.unwrap(stored);
    const kid = randomUUID();
    const key = randomBytes(KEY_BYTES);
    this.keys.set(kid, { kid, subject, wrapped: wrapKey(this.master, key, kid, subject), created_at: new Date().toISOString() });
    await this.persist();
    return { kid, subject, key };
  }

  async keyById(kid: string): Promise<SubjectKey | null> {
    const stored = this.keys.get(kid);
    return stored ? this.unwrap(stored) : null;
  }

  async destroySubject(subject: string): Promise<void> {
    for (const [kid, stored] of this.keys) if (stored.subject === subject) this.keys.delete(kid);
    await this.persist();
  }

  private unwrap(stored: StoredKey): SubjectKey {
    return { kid: stored.kid, subject: stored.subject, key: unwrapKey(this.master, stored.wrapped, stored.kid, stored.subject) };
  }

  /** Writes are queued: each one writes the whole current map. */
  private persist(): Promise<void> {
    const write = this.writing.then(() => this.writeFile());
    this.writing = write.catch(() => undefined);
    return write;
  }

  private async writeFile(): Promise<void> {
    const content: KeyFile = { format: 1, keys: [...this.keys.values()] };
    await mkdir(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${randomUUID()}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(content));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
    const dir = await open(dirname(this.file), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}
