import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore, EventLogCorruptError, EventLogInconsistentError, INDEX_FILE_NAME, LOG_FILE_NAME, openEmbeddedEventStore } from '../../../../src/event-store/embedded';
import { crc32 } from '../../../../src/event-store/embedded/crc32';
import { FILE_MAGIC, scanRecordAt } from '../../../../src/event-store/embedded/record-codec';
import { RecordedEvent } from '../../../../src/event-store/port';
import { eventually, newEvent } from '../../../contract/event-store.support';

/**
 * A subscription with `event_types` on the embedded store: the index knows the type of every
 * event appended or covered by the index saved at a clean close, so runs of other types are
 * passed over without reading them from the log; events whose types it does not know (records
 * checked at open) are read and filtered.
 */
let dir: string;
let store: EmbeddedEventStore | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobwise-typed-'));
});
afterEach(async () => {
  await store?.close();
  store = null;
  await rm(dir, { recursive: true, force: true });
});

/** Ten one-event appends, `Wanted` at 0 and 5, `Other` elsewhere; closed cleanly (the index is saved). */
async function givenAClosedLog(): Promise<RecordedEvent[]> {
  const writer = await openEmbeddedEventStore(dir);
  for (let i = 0; i < 10; i++) await writer.appendToStream(`s-${i}`, [newEvent(i % 5 === 0 ? 'Wanted' : 'Other', { i })], 'no_stream');
  const all = await writer.readAll();
  await writer.close();
  return all;
}

/** Flips a byte inside the payload of the record at `record` (0-based): its checksum no longer holds. */
async function damageRecord(record: number): Promise<void> {
  const bytes = await readFile(join(dir, LOG_FILE_NAME));
  let offset = FILE_MAGIC.length;
  for (let r = 0; r < record; r++) {
    const scanned = scanRecordAt(bytes, offset);
    if (scanned.kind !== 'record') throw new Error('bad fixture');
    offset = scanned.next;
  }
  const handle = await open(join(dir, LOG_FILE_NAME), 'r+');
  const at = offset + 8 + 20;
  await handle.write(Buffer.from([bytes[at]! ^ 0x01]), 0, 1, at);
  await handle.close();
}

function subscribe(opened: EmbeddedEventStore, event_types?: string[]) {
  const delivered: RecordedEvent[] = [];
  const checkpoints: string[] = [];
  const drops: Error[] = [];
  let live = false;
  const subscription = opened.subscribeToAll({
    event_types,
    on_event: (event) => void delivered.push(event),
    on_checkpoint: (position) => void checkpoints.push(position),
    on_live: () => (live = true),
    on_drop: (error) => drops.push(error),
  });
  return { delivered, checkpoints, drops, subscription, live: () => live };
}

/** Subscribes to `Wanted` until live: it came without a drop, and only the two `Wanted` events of `all` came. */
async function subscribedToWanted(opened: EmbeddedEventStore, all: RecordedEvent[]) {
  const wanted = subscribe(opened, ['Wanted']);
  await eventually(() => expect(wanted.live()).toBe(true));
  expect(wanted.drops).toEqual([]);
  expect(wanted.delivered.map((event) => event.event_id)).toEqual([all[0]!.event_id, all[5]!.event_id]);
  return wanted;
}

describe('subscribing to some event types on the embedded store', () => {
  it('given a cleanly closed log with a damaged record of another type, when subscribing to one type, then that record is never read, and the checkpoints pass it', async () => {
    const all = await givenAClosedLog();
    await damageRecord(3);
    store = await openEmbeddedEventStore(dir);

    const wanted = await subscribedToWanted(store, all);
    expect(wanted.checkpoints.at(-1)).toBe(all[9]!.position);
    expect(wanted.checkpoints).toEqual([...wanted.checkpoints].sort());
    await wanted.subscription.stop();

    // The same log read whole: the damaged record fails the read.
    const everything = subscribe(store);
    await eventually(() => expect(everything.drops).toHaveLength(1));
    expect(everything.drops[0]).toBeInstanceOf(EventLogCorruptError);
  });

  it('given a log opened without its saved index, when subscribing to one type, then every record is read and only that type is handed over', async () => {
    const all = await givenAClosedLog();
    await rm(join(dir, INDEX_FILE_NAME));
    store = await openEmbeddedEventStore(dir);

    const wanted = await subscribedToWanted(store, all);
    expect(wanted.checkpoints.at(-1)).toBe(all[9]!.position);
    await wanted.subscription.stop();
  });

  it('given a log opened without its saved index, when every record was read once and the store closed, then the next open knows their types', async () => {
    const all = await givenAClosedLog();
    await rm(join(dir, INDEX_FILE_NAME));
    const reader = await openEmbeddedEventStore(dir);
    expect(await reader.readAll()).toHaveLength(10);
    await reader.close();
    await damageRecord(3);
    store = await openEmbeddedEventStore(dir);

    // The damaged record is passed over unread: the types were learnt and saved.
    await (await subscribedToWanted(store, all)).subscription.stop();
  });

  it('given a live subscription to one type, when other types are appended, then they are passed over and the next wanted one is handed over', async () => {
    store = await openEmbeddedEventStore(dir);
    const wanted = subscribe(store, ['Wanted']);
    await eventually(() => expect(wanted.live()).toBe(true));

    const others = await store.appendToStream('live-1', [newEvent('Other'), newEvent('Other')], 'no_stream');
    await eventually(() => expect(wanted.checkpoints.at(-1)).toBe(others.position));
    const next = await store.appendToStream('live-2', [newEvent('Wanted')], 'no_stream');
    await eventually(() => expect(wanted.delivered.map((event) => event.position)).toEqual([next.position]));
    await wanted.subscription.stop();
  });

  it('given a saved index whose types disagree with the log, when a record is read, then the read fails instead of answering it', async () => {
    await givenAClosedLog();
    // Same length, so the layout holds; the checksum is made to match again.
    const path = join(dir, INDEX_FILE_NAME);
    const bytes = await readFile(path);
    const at = bytes.indexOf('"Other"');
    expect(at).toBeGreaterThan(0);
    bytes.write('"Othex"', at);
    bytes.writeUInt32LE(crc32(bytes.subarray(12)), 8);
    await writeFile(path, bytes);
    store = await openEmbeddedEventStore(dir);
    expect(store.saved_index_events).toBe(10);

    await expect(store.readAll()).rejects.toThrow(EventLogInconsistentError);
  });
});
