import { appendFile, copyFile, mkdir, mkdtemp, open, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore, INDEX_FILE_NAME, LOG_FILE_NAME, openEmbeddedEventStore } from '../../../../src/event-store/embedded';
import { RecordedEvent } from '../../../../src/event-store/port';
import { countedEvent as event } from '../../../contract/event-store.support';

/**
 * A clean close saves the log's index (ADR 0003), so the next open reads it instead of checking
 * every record; records after it are scanned as before, and an index that is damaged or does not
 * belong to the log is ignored. Whatever the index, a reopened store answers exactly what the log holds.
 */
let root: string;
let store: EmbeddedEventStore | undefined;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'jobwise-saved-index-'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(root, { recursive: true, force: true });
});

const STREAMS = ['a', 'b "quoted"', 'ü-✓'];

/** `count` appends over three streams (every fourth of two events), into `dir`, left open. */
async function appended(dir: string, count: number, first = 0): Promise<EmbeddedEventStore> {
  const opened = await openEmbeddedEventStore(dir);
  for (let i = first; i < first + count; i++) {
    const events = i % 4 === 0 ? [event(2 * i), event(2 * i + 1)] : [event(2 * i)];
    await opened.appendToStream(STREAMS[i % STREAMS.length]!, events, 'any');
  }
  return opened;
}

async function everything(opened: EmbeddedEventStore): Promise<{ all: RecordedEvent[]; streams: RecordedEvent[][] }> {
  return { all: await opened.readAll(), streams: await Promise.all(STREAMS.map((stream) => opened.readStream(stream))) };
}

/** `count` appends into `dir`, closed cleanly (which saves the index); what reads answered before closing. */
async function closedHistory(dir: string, count: number): Promise<{ all: RecordedEvent[]; streams: RecordedEvent[][] }> {
  const opened = await appended(dir, count);
  const before = await everything(opened);
  await opened.close();
  return before;
}

describe('the index saved at a clean close', () => {
  it('given a cleanly closed log, when it reopens, then the saved index covers every event and reads and appends answer as after a full scan', async () => {
    const dir = join(root, 'log');
    const before = await closedHistory(dir, 100);

    store = await openEmbeddedEventStore(dir);
    expect(store.saved_index_events).toBe(125);
    expect(await everything(store)).toEqual(before);
    const revision = before.streams[1]!.length;
    expect(await store.appendToStream('b "quoted"', [event(999)], revision - 1)).toEqual({ next_expected_revision: revision, position: '0000000000000126' });
    await store.close();

    await rm(join(dir, INDEX_FILE_NAME));
    store = await openEmbeddedEventStore(dir);
    expect(store.saved_index_events).toBe(0);
    expect((await everything(store)).all).toEqual([...before.all, expect.objectContaining({ event_id: 'event-999', revision })]);
  });

  it('given appends after a reopen and a crash before the next close, when it opens, then the saved index covers the old events and the later ones are scanned', async () => {
    const dir = join(root, 'log');
    await (await appended(dir, 40)).close();
    const running = await appended(dir, 20, 40);
    const before = await everything(running);
    // The crash: the files as they are on disk while the store is still open.
    const crashed = join(root, 'crashed');
    await mkdir(crashed);
    for (const file of [LOG_FILE_NAME, INDEX_FILE_NAME]) await copyFile(join(dir, file), join(crashed, file));
    await running.close();

    store = await openEmbeddedEventStore(crashed);
    expect(store.saved_index_events).toBe(50);
    expect(await everything(store)).toEqual(before);
    expect(before.all).toHaveLength(75);
  });

  it('given a torn write after the saved index, when it opens, then the tail is cut as ever and the saved index still serves', async () => {
    const dir = join(root, 'log');
    const before = await closedHistory(dir, 30);
    await appendFile(join(dir, LOG_FILE_NAME), Buffer.from([200, 0, 0, 0, 1, 2, 3]));

    store = await openEmbeddedEventStore(dir);
    expect(store.saved_index_events).toBe(38);
    expect(store.recovery.truncated_bytes).toBe(7);
    expect(await everything(store)).toEqual(before);
  });

  it('given a damaged index, when it opens, then the index is ignored and the log scanned', async () => {
    const dir = join(root, 'log');
    const before = await closedHistory(dir, 30);
    const handle = await open(join(dir, INDEX_FILE_NAME), 'r+');
    const size = (await handle.stat()).size;
    await handle.write(Buffer.from([0xff]), 0, 1, size - 3);
    await handle.close();

    store = await openEmbeddedEventStore(dir);
    expect(store.saved_index_events).toBe(0);
    expect(await everything(store)).toEqual(before);
  });

  it('given the index of another log, when it opens, then the index is ignored and the log answers its own events', async () => {
    const [mine, other] = [join(root, 'mine'), join(root, 'other')];
    const before = await closedHistory(mine, 30);
    // Another log with more records of other sizes, whose index is copied over this one's.
    const foreign = await openEmbeddedEventStore(other);
    for (let i = 0; i < 60; i++) await foreign.appendToStream(STREAMS[i % 2]!, [event(10_000 + i)], 'any');
    await foreign.close();
    await copyFile(join(other, INDEX_FILE_NAME), join(mine, INDEX_FILE_NAME));

    store = await openEmbeddedEventStore(mine);
    expect(store.saved_index_events).toBe(0);
    expect(await everything(store)).toEqual(before);
  });

  it('given a log cut short below what the index covers, when it opens, then the index is ignored and the whole records left are kept', async () => {
    const dir = join(root, 'log');
    const before = await closedHistory(dir, 30);
    const cut = before.all[20]!;
    const size = (await (await open(join(dir, LOG_FILE_NAME), 'r')).stat()).size;
    await truncate(join(dir, LOG_FILE_NAME), size - 100);

    store = await openEmbeddedEventStore(dir);
    expect(store.saved_index_events).toBe(0);
    expect(store.recovery.truncated_bytes).toBeGreaterThan(0);
    const after = await everything(store);
    expect(after.all).toEqual(before.all.slice(0, after.all.length));
    expect(after.all.length).toBeGreaterThan(before.all.indexOf(cut));
  });
});
