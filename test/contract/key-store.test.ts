import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachedKeyStore } from '../../src/key-store/cached';
import { CollectionKeyStore } from '../../src/key-store/collection-key-store';
import { FileKeyStore } from '../../src/key-store/file-key-store';
import { connectMongoReadStore } from '../../src/read-store/mongo';
import { ReadStore } from '../../src/read-store/port';
import { resolveSharedMasterKey } from '../../src/key-store/master-key';
import { silentLogger } from '../../src/shared/logger';
import { onBackends } from '../support/real-backends';
import { keyStoreContract } from './key-store.contract';

const master = randomBytes(32);
const file = join(mkdtempSync(join(tmpdir(), 'jobwise-keys-')), 'keys', 'subject-keys.json');
keyStoreContract('embedded file', () => FileKeyStore.open(file, master));
keyStoreContract('embedded file behind the cache', async () => new CachedKeyStore(await FileKeyStore.open(file, master), 2));

onBackends(['MONGODB_URL'], 'key store on MongoDB', ([url]) => {
  const stores: ReadStore[] = [];
  const db = `jobwise_keys_${Date.now()}`;
  afterAll(async () => {
    for (const store of stores) await store.close();
  });
  keyStoreContract('MongoDB subject_keys', async () => {
    const readStore = await connectMongoReadStore(url, db);
    stores.push(readStore);
    return new CachedKeyStore(new CollectionKeyStore(readStore, master));
  });
});

describe('shared master key (MongoDB without JOBWISE_MASTER_KEY)', () => {
  it('is derived from the JWT secret every process shares, unless JOBWISE_MASTER_KEY is set', () => {
    const a = resolveSharedMasterKey({ jwt_secret: 'one-secret', logger: silentLogger() });
    expect(a).toHaveLength(32);
    expect(resolveSharedMasterKey({ jwt_secret: 'one-secret', logger: silentLogger() }).equals(a)).toBe(true);
    expect(resolveSharedMasterKey({ jwt_secret: 'another-secret', logger: silentLogger() }).equals(a)).toBe(false);
    const configured = randomBytes(32);
    expect(resolveSharedMasterKey({ configured, jwt_secret: 'one-secret', logger: silentLogger() }).equals(configured)).toBe(true);
  });
});
