import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore, EventLogCorruptError, LOG_FILE_NAME, openEmbeddedEventStore } from '../../../../src/event-store/embedded';
import { encodeRecord, readRecordHead, RECORD_HEADER_BYTES } from '../../../../src/event-store/embedded/record-codec';
import { RecordedEvent } from '../../../../src/event-store/port';
import { countedEvent as event } from '../../../contract/event-store.support';

/**
 * The embedded store keeps an index in memory and the events on disk (ADR 0003): after a reopen,
 * with a cache too small to hold them, every read decodes from the log and answers exactly what
 * the store answered while the events were fresh.
 */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobwise-on-disk-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});


/** Odd stream ids on purpose: the index reads them from the front of each record without parsing it. */
const STREAMS = ['plain-1', 'with "quotes" and \\ backslash', 'ünïcödé-✓', 'line\nbreak'];

/** 200 appends over four streams, every fifth one of three events; returns what reads answered before closing. */
async function givenAHistory(): Promise<{ all: RecordedEvent[]; streams: Map<string, RecordedEvent[]> }> {
  const store = await openEmbeddedEventStore(dir);
  let n = 0;
  for (let i = 0; i < 200; i++) {
    const stream = STREAMS[i % STREAMS.length]!;
    const events = i % 5 === 0 ? [event(n++), event(n++, { nested: { list: [1, 'two', { three: 3 }] } }), event(n++)] : [event(n++)];
    await store.appendToStream(stream, events, 'any');
  }
  const all = await store.readAll();
  const streams = new Map<string, RecordedEvent[]>();
  for (const stream of STREAMS) streams.set(stream, await store.readStream(stream));
  await store.close();
  return { all, streams };
}

describe('events read back from the log after a reopen', () => {
  let store: EmbeddedEventStore;
  afterEach(async () => {
    await store?.close();
  });

  it('given a history, when the store reopens with a cache of 5 events, then readAll, readStream and their options answer as before', async () => {
    const before = await givenAHistory();

    store = await openEmbeddedEventStore(dir, { cached_events: 5 });

    expect(await store.readAll()).toEqual(before.all);
    expect(before.all).toHaveLength(280);
    expect(await store.readAll({ after_position: before.all[99]!.position, max_count: 7 })).toEqual(before.all.slice(100, 107));
    expect(await store.headPosition()).toBe(before.all.at(-1)!.position);
    for (const stream of STREAMS) {
      const events = before.streams.get(stream)!;
      expect(await store.readStream(stream)).toEqual(events);
      expect(await store.readStream(stream, { from_revision: 10, max_count: 4 })).toEqual(events.slice(10, 14));
      expect(await store.readStream(stream, { direction: 'backwards', from_revision: 20, max_count: 6 })).toEqual(events.slice(15, 21).reverse());
    }
  });

  it('given a history, when a subscription catches up after a reopen with a tiny cache and appends follow, then it gets every event once, in order', async () => {
    const before = await givenAHistory();
    store = await openEmbeddedEventStore(dir, { cached_events: 3 });
    const seen: RecordedEvent[] = [];
    let live!: () => void;
    const isLive = new Promise<void>((resolve) => (live = resolve));

    const subscription = store.subscribeToAll({ after_position: before.all[9]!.position, on_event: async (e) => void seen.push(e), on_live: () => live() });
    await isLive;
    await store.appendToStream('after', [event(1000), event(1001)], 'no_stream');
    while (seen.length < 272) await new Promise((resolve) => setTimeout(resolve, 5));
    await subscription.stop();

    expect(seen.slice(0, 270)).toEqual(before.all.slice(10));
    expect(seen.slice(270).map((e) => [e.event_id, e.stream_id, e.revision])).toEqual([
      ['event-1000', 'after', 0],
      ['event-1001', 'after', 1],
    ]);
  });

  it('given a reopened store, when appends continue, then revisions, positions and expected-revision checks follow the history', async () => {
    const before = await givenAHistory();
    store = await openEmbeddedEventStore(dir, { cached_events: 2 });
    const stream = STREAMS[1]!;
    const last = before.streams.get(stream)!.at(-1)!;

    const result = await store.appendToStream(stream, [event(2000)], last.revision);

    expect(result).toEqual({ next_expected_revision: last.revision + 1, position: String(before.all.length + 1).padStart(16, '0') });
    await expect(store.appendToStream(stream, [event(2001)], last.revision)).rejects.toThrow(/expected revision/);
    await store.close();
    store = await openEmbeddedEventStore(dir, { cached_events: 2 });
    expect((await store.readStream(stream, { direction: 'backwards', max_count: 1 }))[0]).toMatchObject({ event_id: 'event-2000', revision: last.revision + 1 });
  });

  it('given events read back from disk, then they are frozen like fresh ones', async () => {
    await givenAHistory();
    store = await openEmbeddedEventStore(dir, { cached_events: 1 });

    const [first, second] = await store.readAll({ max_count: 2 });

    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first!.data)).toBe(true);
    expect(Object.isFrozen(first!.metadata)).toBe(true);
    // Every level of nested data, arrays included.
    const nested = (second!.data as { nested: { list: unknown[] } }).nested;
    expect(Object.isFrozen(nested)).toBe(true);
    expect(Object.isFrozen(nested.list)).toBe(true);
    expect(Object.isFrozen(nested.list[2])).toBe(true);
    expect(() => nested.list.push(4)).toThrow(TypeError);
  });

  it('given a record whose bytes change on disk while the store is open, when it is read from the log, then the read fails instead of returning them', async () => {
    const before = await givenAHistory();
    store = await openEmbeddedEventStore(dir, { cached_events: 1 });
    // Flip a byte inside the payload of the 50th record (its event ids are ASCII).
    const handle = await open(join(dir, LOG_FILE_NAME), 'r+');
    const bytes = (await handle.readFile()) as Buffer;
    let offset = 8;
    for (let i = 0; i < 50; i++) offset += RECORD_HEADER_BYTES + bytes.readUInt32LE(offset);
    const at = bytes.indexOf('event-', offset) + 2;
    await handle.write(Buffer.from([bytes[at]! ^ 0x01]), 0, 1, at);
    await handle.close();

    await expect(store.readAll()).rejects.toThrow(EventLogCorruptError);
    expect(await store.readAll({ max_count: 10 })).toEqual(before.all.slice(0, 10));
  });
});

describe('reading a record head without parsing the record', () => {
  it.each(STREAMS)('reads stream id %j, revision and sequence as JSON.parse does', (stream_id) => {
    const bytes = encodeRecord({ stream_id, revision: 12, sequence: 345678, recorded_at: 'now', events: [event(1)] });

    expect(readRecordHead(bytes.subarray(RECORD_HEADER_BYTES))).toEqual({ stream_id, revision: 12, sequence: 345678 });
  });

  it('says null for a payload of another shape, so opening falls back to parsing it whole', () => {
    expect(readRecordHead(Buffer.from('{"revision":1,"stream_id":"s","sequence":2,"events":[]}'))).toBeNull();
    expect(readRecordHead(Buffer.from('{"stream_id":"s","revision":"1","sequence":2}'))).toBeNull();
    expect(readRecordHead(Buffer.from('{"stream_id":"unterminated'))).toBeNull();
  });
});
