import { randomUUID } from 'node:crypto';
import { binaryEvent, EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb';
import { AppendResult, EventData, RecordedEvent, WrongExpectedRevisionError } from '../../src/event-store/port';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { silentLogger } from '../../src/shared/logger';
import { CheckpointedSubscription } from '../../src/subscriptions';
import { eventually, events, labels, newEvent, recordSubscription, sleep, uniqueStream } from '../contract/event-store.support';
import { TestServerProcess } from '../support/eventstoredb-server/process';

/**
 * The EventStoreDB adapter over real gRPC where the shared contract suite cannot go: a server
 * that crashes (SIGKILL) or stops and comes back on the same port and data dir, one that hangs
 * (SIGSTOP), positions of every magnitude, servers older than 23.10 that never say caughtUp,
 * and system and binary events between ours. Each scenario has its own test server process.
 */

jest.setTimeout(90_000);

const timed = async <T>(promise: Promise<T>) => {
  const started = Date.now();
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: error as Error }),
  );
  return { ...outcome, ms: Date.now() - started };
};

describe('a server that crashes, stops or hangs', () => {
  let server: TestServerProcess;
  let store: EventStoreDbEventStore;

  beforeAll(async () => {
    server = await TestServerProcess.start({ args: ['--stats-interval-ms', '0'] });
    store = await EventStoreDbEventStore.connect(`${server.connection_string}&defaultDeadline=1500`);
  });
  afterAll(async () => {
    await store?.close();
    await server?.dispose();
  });

  /** Until the server is back: the client's first call on a dead channel may still fail. */
  async function untilReachable(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((await timed(store.ping())).ok === false) {
      if (Date.now() > deadline) throw new Error('the adapter did not reach the restarted server within 10 s');
      await sleep(50);
    }
  }

  it('given a live subscription, when the server is killed and then stopped cleanly, then each time on_drop is called once and nothing more arrives', async () => {
    for (const end of [() => server.kill(), () => server.stop()]) {
      const stream = uniqueStream();
      await store.appendToStream(stream, events(1), 'no_stream');
      const probe = recordSubscription(store, [stream], { after_position: '' });
      await eventually(() => expect(probe.log).toEqual([`${stream}@0`, 'live']));
      await end();
      await eventually(() => expect(probe.drops).toHaveLength(1));
      await server.restart();
      await untilReachable();
      await store.appendToStream(stream, [newEvent()], 0);
      await sleep(200);
      expect(probe.log).toEqual([`${stream}@0`, 'live']);
      expect(probe.drops).toHaveLength(1);
      await probe.subscription.stop();
    }
  });

  it('given writers and a checkpointed subscription, when the server is SIGKILLed and restarted, then appends fail fast while it is down, resume, and every acknowledged event is handled once in order', async () => {
    const handled: RecordedEvent[] = [];
    const subscription = new CheckpointedSubscription({
      checkpoint_id: `esdb-restart-${randomUUID()}`,
      events: store,
      read_store: new EmbeddedReadStore(),
      logger: silentLogger(),
      skipped: { collection: 'skipped_events' },
      backoff: { initial_ms: 50, max_ms: 400 },
      handle: async (batch) => void handled.push(...batch),
    });
    await subscription.start();

    const streams = Array.from({ length: 4 }, () => uniqueStream('restart'));
    const acknowledged: RecordedEvent[] = [];
    const failures: { ms: number; name: string }[] = [];
    let writing = true;
    const writer = async (stream: string) => {
      let revision: number | 'no_stream' = 'no_stream';
      while (writing) {
        const batch: EventData[] = [newEvent('Written'), newEvent('Written')];
        // Retried as it is until it succeeds: a write the server stored before dying comes back as an idempotent success.
        for (;;) {
          const attempt = await timed<AppendResult>(store.appendToStream(stream, batch, revision));
          if (attempt.ok) {
            const last: number = attempt.value.next_expected_revision;
            batch.forEach((event, i) => acknowledged.push({ ...event, stream_id: stream, revision: last - 1 + i, position: '', recorded_at: '' }));
            revision = last;
            break;
          }
          failures.push({ ms: attempt.ms, name: attempt.error.constructor.name });
          await sleep(50);
        }
        await sleep(10);
      }
    };
    const writers = streams.map(writer);

    await sleep(600);
    await server.kill();
    await sleep(1_000);
    const failedWhileDown = failures.length;
    await server.restart();
    await eventually(() => expect(acknowledged.length).toBeGreaterThan(0), 10_000);
    const ackedBeforeEnd = acknowledged.length;
    await eventually(() => expect(acknowledged.length).toBeGreaterThan(ackedBeforeEnd + 20), 15_000);
    writing = false;
    await Promise.all(writers);

    expect(failedWhileDown).toBeGreaterThan(0);
    for (const failure of failures) expect(failure.ms).toBeLessThan(3_000);

    const head = await store.headPosition();
    await subscription.waitFor(head, 20_000);
    await subscription.stop();
    expect(subscription.snapshot().last_error).not.toBeNull();

    const ids = handled.map((event) => event.event_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(acknowledged.map((event) => event.event_id)));
    handled.forEach((event, i) => i > 0 && expect(event.position > handled[i - 1]!.position).toBe(true));
    for (const stream of streams) {
      const revisions = handled.filter((event) => event.stream_id === stream).map((event) => event.revision);
      expect(revisions).toEqual(revisions.map((_, i) => i));
      expect(revisions.length).toBe((await store.readStream(stream)).length);
    }
  });

  it('given a server that holds connections open but answers nothing, when appending and reading, then each fails within its deadline, and works again once it answers', async () => {
    const stream = uniqueStream();
    await store.appendToStream(stream, events(1), 'no_stream');
    server.pause();
    try {
      const append = await timed(store.appendToStream(stream, [newEvent()], 0));
      const read = await timed(store.readStream(stream));
      const ping = await timed(store.ping());
      for (const attempt of [append, read, ping]) {
        expect(attempt.ok).toBe(false);
        expect(attempt.ms).toBeLessThan(5_000);
      }
    } finally {
      server.resume();
    }
    await untilReachable();
    // The append that timed out may still be applied after the server wakes up, even after a
    // first read: its outcome is unknown, so the next append takes the revision it then finds.
    let appended = false;
    for (let attempt = 0; attempt < 5 && !appended; attempt++) {
      const stored = await store.readStream(stream);
      expect(stored.length).toBeGreaterThanOrEqual(1);
      appended = await store.appendToStream(stream, [newEvent()], stored.length - 1).then(
        () => true,
        (error) => {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          return false;
        },
      );
    }
    expect(appended).toBe(true);
  });
});

describe('positions of every magnitude', () => {
  it('given positions that cross a power of ten, when read and subscribed after, then string order is still log order; foreign positions are refused', async () => {
    const server = await TestServerProcess.start({ args: ['--stats-interval-ms', '0', '--initial-position', '99999999999998000'] });
    const store = await EventStoreDbEventStore.connect(server.connection_string);
    try {
      const stream = uniqueStream();
      for (let n = 0; n < 30; n++) await store.appendToStream(stream, [newEvent('Padded', { n, padding: 'x'.repeat(100) })], n === 0 ? 'no_stream' : n - 1);
      const all = await store.readAll();
      expect(labels(all)).toEqual(Array.from({ length: 30 }, (_, n) => `${stream}@${n}`));
      expect(all[0]!.position.startsWith('00099999999999998')).toBe(true);
      expect(all[29]!.position.startsWith('001000000000000')).toBe(true);
      all.forEach((event, i) => i > 0 && expect(event.position > all[i - 1]!.position).toBe(true));
      const boundary = all.findIndex((event) => event.position.startsWith('001'));
      const probe = recordSubscription(store, [stream], { after_position: all[boundary - 1]!.position });
      await eventually(() => expect(probe.log).toContain('live'));
      expect(probe.log).toEqual([...labels(all.slice(boundary)), 'live']);
      await probe.subscription.stop();
      expect(await store.headPosition()).toBe(all[29]!.position);

      // Another store's checkpoint (the embedded store's 16 digits) is refused, never misread.
      for (const foreign of ['0000000000000042', '10/3']) {
        await expect(store.readAll({ after_position: foreign })).rejects.toThrow(RangeError);
        expect(() => store.subscribeToAll({ after_position: foreign, on_event: async () => undefined })).toThrow(RangeError);
      }
    } finally {
      await store.close();
      await server.dispose();
    }
  });
});

describe('a server before 23.10 (no caughtUp), with system and binary events between ours', () => {
  let server: TestServerProcess;
  let store: EventStoreDbEventStore;
  let raw: EventStoreDBClient;

  beforeAll(async () => {
    server = await TestServerProcess.start({ args: ['--caught-up', 'false', '--stats-interval-ms', '20'] });
    store = await EventStoreDbEventStore.connect(server.connection_string);
    raw = EventStoreDBClient.connectionString(server.connection_string);
  });
  afterAll(async () => {
    await raw?.dispose();
    await store?.close();
    await server?.dispose();
  });

  it('given stored events, when subscribing, then it turns live once after them (from the head read at subscribe time) and then delivers new ones', async () => {
    const stream = uniqueStream();
    await store.appendToStream(stream, events(3), 'no_stream');
    await sleep(60); // stats events land after ours
    const probe = recordSubscription(store, [stream], { after_position: '' });
    await eventually(() => expect(probe.log).toContain('live'));
    await store.appendToStream(stream, [newEvent()], 2);
    await eventually(() => expect(probe.received).toHaveLength(4));
    expect(probe.log).toEqual([`${stream}@0`, `${stream}@1`, `${stream}@2`, 'live', `${stream}@3`]);
    await probe.subscription.stop();
  });

  it('given an empty store apart from system events, when subscribing, then it is live at once', async () => {
    const stream = uniqueStream();
    const probe = recordSubscription(store, [stream], { after_position: await store.headPosition() });
    await eventually(() => expect(probe.log).toEqual(['live']));
    await probe.subscription.stop();
  });

  it('given $stats and binary events between ours, when reading all, asking the head and subscribing, then only our JSON events count', async () => {
    const start = await store.headPosition();
    const [ours, blobs] = [uniqueStream(), uniqueStream('blob')];
    await store.appendToStream(ours, events(2), 'no_stream');
    await raw.appendToStream(blobs, binaryEvent({ type: 'Blob', data: Uint8Array.from([1, 2, 3]) }));
    await sleep(60);
    const { position: last } = await store.appendToStream(ours, events(1), 1);
    await sleep(60);

    const read = await store.readAll({ after_position: start });
    expect(read.filter((event) => event.stream_id !== ours)).toEqual([]);
    expect(labels(read)).toEqual([`${ours}@0`, `${ours}@1`, `${ours}@2`]);
    expect(await store.headPosition()).toBe(last);
    const probe = recordSubscription(store, [ours, blobs], { after_position: start });
    await eventually(() => expect(probe.log).toContain('live'));
    expect(probe.log).toEqual([`${ours}@0`, `${ours}@1`, `${ours}@2`, 'live']);
    await probe.subscription.stop();
  });
});
