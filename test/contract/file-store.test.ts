import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKeyStore } from '../../src/key-store/file-key-store';
import { LocalFileStore } from '../../src/storage/local/local-file-store';
import { fileStoreContract } from './file-store.contract';

const dir = mkdtempSync(join(tmpdir(), 'jobwise-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

fileStoreContract('local filesystem with the embedded key store', async () => {
  const keys = await FileKeyStore.open(join(dir, 'keys', 'subject-keys.json'), randomBytes(32));
  return { files: await LocalFileStore.open(join(dir, 'storage'), keys), keys };
});
