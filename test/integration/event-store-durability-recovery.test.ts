import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreLockedError, LOG_FILE_NAME, openEmbeddedEventStore } from '../../src/event-store/embedded';
import { countedEvent as event } from '../contract/event-store.support';

/** What opening the embedded store does with a damaged log tail and with its lock file. */
let dir: string;
const log = () => join(dir, LOG_FILE_NAME);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobwise-recovery-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});


/** Three appends to one stream (revisions 0, 1-2, 3), then closed. */
async function givenClosedStore(): Promise<void> {
  const store = await openEmbeddedEventStore(dir);
  await store.appendToStream('s', [event(0)], 'no_stream');
  await store.appendToStream('s', [event(1), event(2)], 0);
  await store.appendToStream('s', [event(3)], 2);
  await store.close();
}

async function reopenAndRead() {
  const store = await openEmbeddedEventStore(dir);
  const ids = (await store.readStream('s')).map((e) => e.event_id);
  return { store, ids };
}

describe('torn or corrupt log tail', () => {
  it('given garbage after the last record, when the store opens, then the garbage is cut and kept aside, and appends continue', async () => {
    await givenClosedStore();
    const intact = (await stat(log())).size;
    await appendFile(log(), Buffer.from([0x2a, 0x00, 0x00, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x7b, 0x22]));

    const { store, ids } = await reopenAndRead();
    expect(ids).toEqual(['event-0', 'event-1', 'event-2', 'event-3']);
    expect(store.recovery).toMatchObject({ truncated_bytes: 10, quarantine_file: expect.any(String) });
    expect((await readFile(store.recovery.quarantine_file!)).length).toBe(10);
    expect((await stat(log())).size).toBe(intact);
    await store.appendToStream('s', [event(4)], 3);
    await store.close();

    const reopened = await reopenAndRead();
    expect(reopened.ids).toEqual(['event-0', 'event-1', 'event-2', 'event-3', 'event-4']);
    expect(reopened.store.recovery.truncated_bytes).toBe(0);
    await reopened.store.close();
  });

  it('given the last record cut short (a crash mid-write), when the store opens, then only that append is lost', async () => {
    await givenClosedStore();
    await truncate(log(), (await stat(log())).size - 5);

    const { store, ids } = await reopenAndRead();
    expect(ids).toEqual(['event-0', 'event-1', 'event-2']);
    expect(store.recovery.reason).toMatch(/incomplete/);
    expect((await store.appendToStream('s', [event(9)], 2)).next_expected_revision).toBe(3);
    await store.close();
  });

  it('given a flipped byte in the last record, when the store opens, then its checksum fails and earlier appends survive', async () => {
    await givenClosedStore();
    const bytes = await readFile(log());
    bytes[bytes.length - 3] ^= 0xff;
    await writeFile(log(), bytes);

    const { store, ids } = await reopenAndRead();
    expect(ids).toEqual(['event-0', 'event-1', 'event-2']);
    expect(store.recovery.reason).toMatch(/checksum/);
    expect(await store.headPosition()).toBe('0000000000000003');
    await store.close();
  });

  it('given a file that is not an event log, when the store opens, then it refuses with a clear error', async () => {
    await writeFile(log(), 'name,email\nada,ada@example.com\n');
    await expect(openEmbeddedEventStore(dir)).rejects.toThrow(/not a JobWise event log/);
  });
});

describe('lock file', () => {
  it('given an open store, when the same directory is opened again, then it fails until the first is closed', async () => {
    const first = await openEmbeddedEventStore(dir);
    await expect(openEmbeddedEventStore(dir)).rejects.toBeInstanceOf(EventStoreLockedError);
    await expect(openEmbeddedEventStore(dir)).rejects.toThrow(`already open in another process (pid ${process.pid}`);
    await first.close();
    const second = await openEmbeddedEventStore(dir);
    await second.close();
  });

  it('given a lock left by a process that died, when the store opens, then it takes the lock over', async () => {
    await givenClosedStore();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    await writeFile(join(dir, 'LOCK'), JSON.stringify({ pid: dead, host: hostname() }));

    const { store, ids } = await reopenAndRead();
    expect(ids).toHaveLength(4);
    await expect(openEmbeddedEventStore(dir)).rejects.toBeInstanceOf(EventStoreLockedError);
    await store.close();
  });
});
