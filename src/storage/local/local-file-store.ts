import { randomUUID } from 'node:crypto';
import { Dirent } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { KeyStore } from '../../key-store/port';
import { openFile, sealFile } from '../file-crypto';
import { assertValidOwner, assertValidPath, DOCUMENT_TYPES, FileOwner, FileStore, StoredFilePath } from '../port';

export interface LocalFileStoreOptions {
  /** Temp files older than this are removed on open (younger ones may be another process's write in progress). */
  stale_temp_ms?: number;
}

/**
 * Files under `<root>/{user_id}/{document_type}/{document_id}/{name}` (root is DATA_DIR/storage),
 * encrypted with the owner's key (src/storage/file-crypto.ts).
 *
 * A write goes to `.{name}.{uuid}.tmp` in the same directory, is fsynced, renamed over the target
 * and the directory fsynced. A valid name never starts with a dot, so a temp file left by a crash
 * can never be read as a file; `open` removes the stale ones.
 */
export class LocalFileStore implements FileStore {
  private constructor(
    private readonly root: string,
    private readonly keys: KeyStore,
  ) {}

  static async open(root: string, keys: KeyStore, options: LocalFileStoreOptions = {}): Promise<LocalFileStore> {
    const absolute = resolve(root);
    await mkdir(absolute, { recursive: true, mode: 0o700 });
    await removeStaleTempFiles(absolute, Date.now() - (options.stale_temp_ms ?? 10 * 60_000));
    return new LocalFileStore(absolute, keys);
  }

  async put(path: StoredFilePath, bytes: Buffer): Promise<void> {
    const target = this.fileOf(path);
    const sealed = sealFile(bytes, await this.keys.keyFor(path.user_id), path);
    const dir = dirname(target);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temp = join(dir, `.${path.name}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(sealed);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(dir);
  }

  async get(path: StoredFilePath): Promise<Buffer | null> {
    const file = this.fileOf(path);
    let sealed: Buffer;
    try {
      sealed = await readFile(file);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    return openFile(sealed, path, this.keys);
  }

  async delete(path: StoredFilePath): Promise<void> {
    const file = this.fileOf(path);
    try {
      await unlink(file);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    await syncDirectory(dirname(file));
  }

  async deleteAll(owner: FileOwner): Promise<number> {
    assertValidOwner(owner);
    const types = owner.document_type ? [owner.document_type] : DOCUMENT_TYPES;
    const dirs =
      owner.document_id !== undefined
        ? types.map((type) => join(this.root, owner.user_id, type, owner.document_id!))
        : owner.document_type
          ? [join(this.root, owner.user_id, owner.document_type)]
          : [join(this.root, owner.user_id)];
    let removed = 0;
    for (const dir of dirs) {
      const files = await filesUnder(dir);
      if (files === null) continue;
      removed += files.filter((file) => !isTempName(file.name)).length;
      await rm(dir, { recursive: true, force: true });
      await syncDirectory(dirname(dir));
    }
    return removed;
  }

  private fileOf(path: StoredFilePath): string {
    assertValidPath(path);
    const file = join(this.root, path.user_id, path.document_type, path.document_id, path.name);
    // The validation already makes escaping impossible; this keeps it so if the rules ever loosen.
    if (!file.startsWith(this.root + sep)) throw new Error(`stored file path escapes the storage root: ${file}`);
    return file;
  }
}

const isTempName = (name: string): boolean => name.startsWith('.') && name.endsWith('.tmp');

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Every regular file below dir (any depth); null when dir does not exist. */
async function filesUnder(dir: string): Promise<{ name: string; path: string }[] | null> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const files: { name: string; path: string }[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...((await filesUnder(path)) ?? []));
    else if (entry.isFile()) files.push({ name: entry.name, path });
  }
  return files;
}

async function removeStaleTempFiles(root: string, olderThan: number): Promise<void> {
  for (const file of (await filesUnder(root)) ?? []) {
    if (!isTempName(file.name)) continue;
    try {
      if ((await stat(file.path)).mtimeMs <= olderThan) await rm(file.path, { force: true });
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
