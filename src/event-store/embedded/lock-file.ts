import { hostname } from 'node:os';
import { join } from 'node:path';
import { open, readFile, stat, unlink } from 'node:fs/promises';

export const LOCK_FILE_NAME = 'LOCK';

export class EventStoreLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: string,
  ) {
    super(
      `The event store in ${dir} is already open in another process (${holder}). ` +
        `Stop that process, or delete ${join(dir, LOCK_FILE_NAME)} if you are sure it is stale.`,
    );
    this.name = 'EventStoreLockedError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
}

/**
 * A lock file holding the owner's pid. A lock left by a dead process on this host (kill -9, crash)
 * is taken over; a live owner, or one on another host we cannot check, keeps it.
 */
export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(me));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return () => unlink(path).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(path);
    if (owner && (owner.host !== me.host || isAlive(owner.pid))) {
      throw new EventStoreLockedError(dir, `pid ${owner.pid} on ${owner.host}`);
    }
    if (!owner && (await isFresh(path))) throw new EventStoreLockedError(dir, 'a process that is opening it right now');
    await unlink(path).catch(() => undefined);
  }
  throw new EventStoreLockedError(dir, 'another process took the lock at the same time');
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host } : null;
  } catch {
    return null; // unreadable or half-written by a crashed owner: stale
  }
}

/** An unreadable lock younger than this is probably being written by its new owner. */
const HALF_WRITTEN_GRACE_MS = 5_000;

async function isFresh(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs < HALF_WRITTEN_GRACE_MS;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
