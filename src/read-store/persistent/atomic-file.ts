import { randomUUID } from 'node:crypto';
import { FileHandle, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a crash leaves either the old or the new content, never a mix: the
 * bytes go to a hidden temp file beside it, which is fsynced, renamed over the target, and the
 * directory fsynced (so the rename itself survives a power loss).
 */
export async function writeAtomically(path: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const file = await open(temp, 'w', 0o600);
  try {
    await write(file);
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await file.close();
  await rename(temp, path);
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** Temp files a crash left behind (`.<name>.<uuid>.tmp`). */
export const isLeftoverTemp = (name: string) => name.startsWith('.') && name.endsWith('.tmp');
