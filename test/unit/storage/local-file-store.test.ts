import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FileKeyStore } from '../../../src/key-store/file-key-store';
import { KeyStore } from '../../../src/key-store/port';
import { LocalFileStore } from '../../../src/storage/local/local-file-store';
import { FileDecryptError, StoredFilePath } from '../../../src/storage/port';

const SECRET = 'Ada Lovelace, 12 St James Square, ada@example.org';

const pathOf = (overrides: Partial<StoredFilePath> = {}): StoredFilePath => ({
  user_id: randomUUID(),
  document_type: 'resume',
  document_id: randomUUID(),
  name: 'v1.professional.txt',
  ...overrides,
});

describe('local file store', () => {
  let dir: string;
  let root: string;
  let keys: KeyStore;
  let files: LocalFileStore;
  const fileOf = (path: StoredFilePath) => join(root, path.user_id, path.document_type, path.document_id, path.name);
  const allFiles = (from: string): string[] =>
    readdirSync(from, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? allFiles(join(from, entry.name)) : [join(from, entry.name)]));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jobwise-local-files-'));
    root = join(dir, 'storage');
    keys = await FileKeyStore.open(join(dir, 'keys', 'subject-keys.json'), randomBytes(32));
    files = await LocalFileStore.open(root, keys);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores a file at <root>/{user_id}/{document_type}/{document_id}/{name}, with no temp file left', async () => {
    const path = pathOf({ document_type: 'cover_letter' });
    await files.put(path, Buffer.from(SECRET));
    expect(readdirSync(dirname(fileOf(path)))).toEqual([path.name]);
    expect(readFileSync(fileOf(path)).subarray(0, 4)).toEqual(Buffer.from('JWF\u0001', 'latin1'));
  });

  it('keeps none of the plain text on disk', async () => {
    const path = pathOf();
    const plain = Buffer.from(`${SECRET}\n`.repeat(2000));
    await files.put(path, plain);
    await files.put({ ...path, name: 'v2.txt' }, plain);
    const stored = allFiles(root);
    expect(stored).toHaveLength(2);
    for (const file of stored) {
      const bytes = readFileSync(file);
      expect(bytes.length).toBeGreaterThanOrEqual(plain.length);
      expect(bytes.includes(Buffer.from('Ada Lovelace'))).toBe(false);
      expect(bytes.includes(Buffer.from('ada@example.org'))).toBe(false);
    }
    expect((await files.get(path))?.equals(plain)).toBe(true);
  });

  it('reads an erased owner’s file as null although its bytes are still on disk, also after a reopen', async () => {
    const path = pathOf();
    await files.put(path, Buffer.from(SECRET));
    await keys.destroySubject(path.user_id);
    expect(existsSync(fileOf(path))).toBe(true);
    expect(await files.get(path)).toBeNull();
    const reopened = await LocalFileStore.open(root, await FileKeyStore.open(join(dir, 'keys', 'subject-keys.json'), randomBytes(32)));
    expect(await reopened.get(path)).toBeNull();
  });

  it.each([
    ['the ciphertext', (bytes: Buffer) => bytes.length - 40],
    ['the tag', (bytes: Buffer) => bytes.length - 1],
    ['the nonce', () => 3 + 2 + 36 + 5],
    ['the key id', () => 3 + 2 + 1],
    ['the header check', () => 3 + 2 + 36 + 12 + 1],
    ['the version', () => 3],
    ['the key id length', () => 4],
    ['the magic', () => 0],
  ])('refuses a file with a flipped byte in %s', async (_, at) => {
    const path = pathOf();
    await files.put(path, Buffer.from(SECRET.repeat(10)));
    const bytes = readFileSync(fileOf(path));
    bytes[at(bytes)] ^= 0x01;
    writeFileSync(fileOf(path), bytes);
    await expect(files.get(path)).rejects.toThrow(FileDecryptError);
  });

  it('refuses a truncated file', async () => {
    const path = pathOf();
    await files.put(path, Buffer.from(SECRET));
    const bytes = readFileSync(fileOf(path));
    writeFileSync(fileOf(path), bytes.subarray(0, bytes.length - 20));
    await expect(files.get(path)).rejects.toThrow(FileDecryptError);
    writeFileSync(fileOf(path), bytes.subarray(0, 10));
    await expect(files.get(path)).rejects.toThrow(FileDecryptError);
  });

  it('refuses a file copied to another user’s path, another document or another name', async () => {
    const path = pathOf();
    await files.put(path, Buffer.from(SECRET));
    const other = pathOf();
    await files.put(other, Buffer.from('the other user’s own file'));
    const targets = [
      { ...path, user_id: other.user_id, document_id: other.document_id },
      { ...path, document_id: randomUUID() },
      { ...path, name: 'v2.professional.txt' },
      { ...path, document_type: 'cover_letter' as const },
    ];
    for (const target of targets) {
      mkdirSync(dirname(fileOf(target)), { recursive: true });
      copyFileSync(fileOf(path), fileOf(target));
      await expect(files.get(target)).rejects.toThrow(FileDecryptError);
    }
    expect((await files.get(path))?.toString()).toBe(SECRET);
  });

  it('never serves a temp file left by a crash, and removes stale ones on open', async () => {
    const path = pathOf();
    await files.put(path, Buffer.from('complete'));
    const sealed = readFileSync(fileOf(path));
    const next = { ...path, name: 'v2.professional.txt' };
    // A crash after the temp file was written but before the rename: the target does not exist.
    const leftover = join(dirname(fileOf(path)), `.${next.name}.${randomUUID()}.tmp`);
    writeFileSync(leftover, sealed);
    // A crash while overwriting: the old complete file stays what is served.
    const half = join(dirname(fileOf(path)), `.${path.name}.${randomUUID()}.tmp`);
    writeFileSync(half, sealed.subarray(0, 20));
    expect(await files.get(next)).toBeNull();
    expect((await files.get(path))?.toString()).toBe('complete');

    const old = new Date(Date.now() - 60 * 60_000);
    utimesSync(leftover, old, old);
    await LocalFileStore.open(root, keys);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(half)).toBe(true); // young: may be another process's write in progress
    await LocalFileStore.open(root, keys, { stale_temp_ms: 0 });
    expect(existsSync(half)).toBe(false);
    expect(readdirSync(dirname(fileOf(path)))).toEqual([path.name]);
    expect((await files.get(path))?.toString()).toBe('complete');
  });

  it('does not count temp files in deleteAll and removes them with the document', async () => {
    const path = pathOf();
    await files.put(path, Buffer.from('x'));
    writeFileSync(join(dirname(fileOf(path)), `.${path.name}.${randomUUID()}.tmp`), 'x');
    expect(await files.deleteAll({ user_id: path.user_id, document_id: path.document_id })).toBe(1);
    expect(existsSync(dirname(fileOf(path)))).toBe(false);
  });

  it('keeps the last of concurrent writes to one path whole', async () => {
    const path = pathOf();
    const versions = Array.from({ length: 8 }, (_, i) => Buffer.alloc(256 * 1024, i + 1));
    await Promise.all(versions.map((bytes) => files.put(path, bytes)));
    const read = await files.get(path);
    expect(versions.some((bytes) => read?.equals(bytes))).toBe(true);
    expect(readdirSync(dirname(fileOf(path)))).toEqual([path.name]);
  });
});
