import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKeyStore } from '../../../src/key-store/file-key-store';
import { resolveMasterKey } from '../../../src/key-store/master-key';
import { Logger, silentLogger } from '../../../src/shared/logger';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'jobwise-keys-')), 'keys', 'subject-keys.json');

describe('FileKeyStore', () => {
  it('keeps the keys wrapped: the file holds no raw key, and another master key cannot unwrap them', async () => {
    const file = freshFile();
    const master = randomBytes(32);
    const store = await FileKeyStore.open(file, master);
    const keys = await Promise.all([randomUUID(), randomUUID(), randomUUID()].map((subject) => store.keyFor(subject)));
    const text = readFileSync(file, 'utf8');
    const raw = readFileSync(file);
    for (const { key, kid } of keys) {
      expect(text).toContain(kid);
      expect(text).not.toContain(key.toString('base64'));
      expect(text).not.toContain(key.toString('hex'));
      expect(raw.includes(key)).toBe(false);
    }
    const wrongMaster = await FileKeyStore.open(file, randomBytes(32));
    await expect(wrongMaster.keyById(keys[0].kid)).rejects.toThrow();
    const rightMaster = await FileKeyStore.open(file, master);
    expect((await rightMaster.keyById(keys[0].kid))?.key.equals(keys[0].key)).toBe(true);
  });

  it('writes atomically (no temp file left behind) and destroyed keys stay destroyed after reopening', async () => {
    const file = freshFile();
    const master = randomBytes(32);
    const store = await FileKeyStore.open(file, master);
    const subject = randomUUID();
    const key = await store.keyFor(subject);
    await Promise.all([store.keyFor(randomUUID()), store.destroySubject(subject), store.keyFor(randomUUID())]);
    expect(readdirSync(join(file, '..'))).toEqual(['subject-keys.json']);
    expect(readFileSync(file, 'utf8')).not.toContain(key.kid);
    const reopened = await FileKeyStore.open(file, master);
    expect(await reopened.keyById(key.kid)).toBeNull();
  });
});

describe('resolveMasterKey', () => {
  it('uses JOBWISE_MASTER_KEY when set, else generates one once under DATA_DIR with a warning', async () => {
    const configured = randomBytes(32);
    const data_dir = mkdtempSync(join(tmpdir(), 'jobwise-master-'));
    expect((await resolveMasterKey({ configured, data_dir, logger: silentLogger() })).equals(configured)).toBe(true);
    const warnings: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger;
    const first = await resolveMasterKey({ data_dir, logger });
    const second = await resolveMasterKey({ data_dir, logger });
    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    expect(warnings).toHaveLength(1);
  });
});
