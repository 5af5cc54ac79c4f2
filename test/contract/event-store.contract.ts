import { EventStore, WrongExpectedRevisionError } from '../../src/event-store/port';
import { eventually, events, labels, newEvent, recordSubscription, sleep, uniqueStream } from './event-store.support';

/**
 * The behaviour every EventStore adapter must show. Scenarios use fresh stream names and only
 * look at events after the head they start from, so they also run against a shared server.
 */
export type EventStoreFactory = () => Promise<EventStore>;

export interface EventStoreContractOptions {
  /** Releases a store after each scenario; defaults to `close()`. */
  dispose?: (store: EventStore) => Promise<void>;
  /** The factory hands out an empty store, so global claims can be exact. */
  starts_empty?: boolean;
  test_timeout_ms?: number;
}

export function describeEventStoreContract(name: string, factory: EventStoreFactory, options: EventStoreContractOptions = {}): void {
  const timeout = options.test_timeout_ms ?? 10_000;

  describe(`${name} event store contract`, () => {
    let store: EventStore;
    /** The head before the scenario: everything after it is the scenario's (or a neighbour's). */
    let start: string;

    beforeEach(async () => {
      store = await factory();
      start = await store.headPosition();
    }, timeout);
    afterEach(async () => {
      if (store) await (options.dispose ?? ((s) => s.close()))(store);
    }, timeout);

    const scenario = (title: string, body: () => Promise<void>) => it(title, body, timeout);
    const given = async (stream: string, count: number) => {
      if (count > 0) await store.appendToStream(stream, events(count), 'no_stream');
      return stream;
    };
    const rejection = async (promise: Promise<unknown>) => {
      const error = await promise.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      return error as WrongExpectedRevisionError;
    };

    scenario('given a reachable store, when pinged, then it answers', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('appending', () => {
      scenario('given no stream, when events are appended with no_stream, then they are stored from revision 0', async () => {
        const stream = uniqueStream();
        const result = await store.appendToStream(stream, events(2), 'no_stream');
        const stored = await store.readStream(stream);
        expect(labels(stored)).toEqual([`${stream}@0`, `${stream}@1`]);
        expect(result).toEqual({ next_expected_revision: 1, position: stored[1]!.position });
      });

      scenario('given a stream, when appending with no_stream, then it fails with the actual revision', async () => {
        const stream = await given(uniqueStream(), 2);
        const error = await rejection(store.appendToStream(stream, [newEvent()], 'no_stream'));
        expect(error).toMatchObject({ stream_id: stream, expected: 'no_stream', actual: 1 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      scenario('given a stream at revision 1, when appending with expected revision 1, then the events follow', async () => {
        const stream = await given(uniqueStream(), 2);
        const result = await store.appendToStream(stream, events(2), 1);
        expect(result.next_expected_revision).toBe(3);
        expect(labels(await store.readStream(stream))).toEqual([0, 1, 2, 3].map((r) => `${stream}@${r}`));
      });

      scenario('given a stream at revision 1, when appending with a stale revision, then it fails and nothing is stored', async () => {
        const stream = await given(uniqueStream(), 2);
        const error = await rejection(store.appendToStream(stream, [newEvent()], 0));
        expect(error).toMatchObject({ stream_id: stream, expected: 0, actual: 1 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      scenario('given no stream, when appending with an expected revision, then it fails with no_stream as actual', async () => {
        const stream = uniqueStream();
        const error = await rejection(store.appendToStream(stream, [newEvent()], 0));
        expect(error).toMatchObject({ stream_id: stream, expected: 0, actual: 'no_stream' });
        expect(await store.readStream(stream)).toEqual([]);
      });

      scenario('given a stream or none, when appending with any, then the events are always stored', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent()], 'any');
        const result = await store.appendToStream(stream, [newEvent()], 'any');
        expect(result.next_expected_revision).toBe(1);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      scenario('given a stream, when five writers append with the same expected revision at once, then exactly one wins', async () => {
        const stream = await given(uniqueStream(), 1);
        const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => store.appendToStream(stream, [newEvent('Raced', { n })], 0)));
        const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(4);
        for (const error of lost) expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        const stored = await store.readStream(stream);
        expect(stored).toHaveLength(2);
        expect(stored[1]!.position).toBe((won[0] as PromiseFulfilledResult<{ position: string }>).value.position);
      });

      scenario('given one stream, when many writers append with any at once, then each gets its own revision', async () => {
        const stream = uniqueStream();
        const results = await Promise.all(Array.from({ length: 20 }, (_, n) => store.appendToStream(stream, [newEvent('Any', { n })], 'any')));
        expect(results.map((r) => r.next_expected_revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
        const stored = await store.readStream(stream);
        expect(stored.map((event) => event.revision)).toEqual(Array.from({ length: 20 }, (_, n) => n));
      });

      scenario('given an event with rich data and metadata, when it is read back, then both are exactly equal', async () => {
        const stream = uniqueStream();
        const data = {
          text: 'Zoë — 履歴書 ✓ "quoted" \\ back\nslash',
          int: 42,
          float: -0.125,
          big: 9007199254740991,
          flag: false,
          nothing: null,
          list: [1, 'two', { three: [3] }, []],
          nested: { deeper: { deepest: { empty: {} } } },
        };
        const event = newEvent('RichThingHappened', data);
        event.metadata = { ...event.metadata, causation_id: 'cause-1', actor: null, schema_version: 3 };
        const { position } = await store.appendToStream(stream, [event], 'no_stream');

        const [fromStream] = await store.readStream(stream);
        const fromAll = (await store.readAll({ after_position: start })).find((e) => e.stream_id === stream);
        const probe = recordSubscription(store, [stream], { after_position: start });
        await eventually(() => expect(probe.received).toHaveLength(1));
        await probe.subscription.stop();

        for (const read of [fromStream, fromAll, probe.received[0]]) {
          expect(read).toEqual({ ...event, stream_id: stream, revision: 0, position, recorded_at: expect.any(String) });
          expect(new Date(read!.recorded_at).toISOString()).toBe(read!.recorded_at);
        }
      });
    });

    describe('reading a stream', () => {
      scenario('given no such stream, when it is read, then the answer is empty', async () => {
        expect(await store.readStream(uniqueStream('missing'))).toEqual([]);
        expect(await store.readStream(uniqueStream('missing'), { direction: 'backwards' })).toEqual([]);
      });

      scenario('given five events, when read forwards, then from_revision and max_count select a window', async () => {
        const stream = await given(uniqueStream(), 5);
        const revisions = async (o: object) => (await store.readStream(stream, o)).map((e) => e.revision);
        expect(await revisions({})).toEqual([0, 1, 2, 3, 4]);
        expect(await revisions({ from_revision: 2 })).toEqual([2, 3, 4]);
        expect(await revisions({ max_count: 2 })).toEqual([0, 1]);
        expect(await revisions({ from_revision: 1, max_count: 3 })).toEqual([1, 2, 3]);
        expect(await revisions({ from_revision: 5 })).toEqual([]);
      });

      scenario('given five events, when read backwards, then they come newest first from from_revision', async () => {
        const stream = await given(uniqueStream(), 5);
        const revisions = async (o: object) => (await store.readStream(stream, { direction: 'backwards', ...o })).map((e) => e.revision);
        expect(await revisions({})).toEqual([4, 3, 2, 1, 0]);
        expect(await revisions({ max_count: 1 })).toEqual([4]);
        expect(await revisions({ from_revision: 2 })).toEqual([2, 1, 0]);
        expect(await revisions({ from_revision: 3, max_count: 2 })).toEqual([3, 2]);
      });
    });

    describe('reading all', () => {
      scenario('given appends to several streams, when all is read, then they come in append order with rising positions', async () => {
        const [a, b, c] = [uniqueStream('a'), uniqueStream('b'), uniqueStream('c')];
        const results = [
          await store.appendToStream(a, [newEvent()], 'no_stream'),
          await store.appendToStream(b, events(2), 'no_stream'),
          await store.appendToStream(a, [newEvent()], 0),
          await store.appendToStream(c, [newEvent()], 'no_stream'),
        ];
        const ours = (await store.readAll({ after_position: start })).filter((e) => [a, b, c].includes(e.stream_id));
        expect(labels(ours)).toEqual([`${a}@0`, `${b}@0`, `${b}@1`, `${a}@1`, `${c}@0`]);
        const positions = ours.map((e) => e.position);
        positions.forEach((position, i) => i > 0 && expect(position > positions[i - 1]!).toBe(true));
        expect(results.map((r) => r.position)).toEqual([positions[0], positions[2], positions[3], positions[4]]);
        expect(start < positions[0]!).toBe(true);
      });

      scenario('given appended events, when all is read after a position, then only later events come, at most max_count', async () => {
        const stream = await given(uniqueStream(), 4);
        const mine = (await store.readAll({ after_position: start })).filter((e) => e.stream_id === stream);
        const afterFirst = await store.readAll({ after_position: mine[0]!.position });
        expect(labels(afterFirst.filter((e) => e.stream_id === stream))).toEqual(labels(mine.slice(1)));
        expect(afterFirst.every((e) => e.position > mine[0]!.position)).toBe(true);

        const window = await store.readAll({ after_position: start, max_count: 2 });
        expect(window).toEqual((await store.readAll({ after_position: start })).slice(0, 2));
        expect(await store.readAll({ after_position: mine[3]!.position, max_count: 0 })).toEqual([]);
      });

      scenario('given appended events, when the head is asked, then it is at least the last append position', async () => {
        const { position } = await store.appendToStream(uniqueStream(), events(3), 'no_stream');
        const head = await store.headPosition();
        expect(head >= position).toBe(true);
        if (options.starts_empty) {
          expect(start).toBe('');
          expect(head).toBe(position);
        }
      });
    });

    describe('subscribing to all', () => {
      scenario('given stored events, when subscribing, then it catches up, calls on_live once, then delivers new events', async () => {
        const stream = await given(uniqueStream(), 2);
        const probe = recordSubscription(store, [stream], { after_position: start });
        await eventually(() => expect(probe.log).toContain('live'));
        await store.appendToStream(stream, [newEvent()], 1);
        await eventually(() => expect(probe.received).toHaveLength(3));
        await sleep(50);
        expect(probe.log).toEqual([`${stream}@0`, `${stream}@1`, 'live', `${stream}@2`]);
        await probe.subscription.stop();
      });

      scenario('given stored events, when subscribing after a position, then delivery starts after it', async () => {
        const stream = await given(uniqueStream(), 3);
        const [first] = await store.readStream(stream);
        const probe = recordSubscription(store, [stream], { after_position: first!.position });
        await eventually(() => expect(probe.log).toContain('live'));
        expect(probe.log).toEqual([`${stream}@1`, `${stream}@2`, 'live']);
        await probe.subscription.stop();
      });

      scenario('given a slow handler, when events arrive, then each waits for the previous one', async () => {
        const stream = uniqueStream();
        let running = 0;
        let overlap = false;
        const probe = recordSubscription(store, [stream], {
          after_position: start,
          on_event: async () => {
            overlap ||= ++running > 1;
            await sleep(5);
            running--;
          },
        });
        for (let n = 0; n < 5; n++) await store.appendToStream(stream, [newEvent(), newEvent()], n === 0 ? 'no_stream' : 2 * n - 1);
        await eventually(() => expect(probe.received).toHaveLength(10));
        expect(overlap).toBe(false);
        expect(probe.received.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        await probe.subscription.stop();
      });

      scenario('given a live subscription, when it is stopped, then later events are not delivered', async () => {
        const stream = await given(uniqueStream(), 1);
        const stopped = recordSubscription(store, [stream], { after_position: start });
        const control = recordSubscription(store, [stream], { after_position: start });
        await eventually(() => expect(stopped.log).toContain('live'));
        await stopped.subscription.stop();
        await store.appendToStream(stream, [newEvent()], 0);
        await eventually(() => expect(control.received).toHaveLength(2));
        await sleep(100);
        expect(stopped.log).toEqual([`${stream}@0`, 'live']);
        expect(stopped.drops).toEqual([]);
        await control.subscription.stop();
      });

      scenario('given event_types, then only events of those types are handed over, and on_checkpoint passes the others, caught up and live', async () => {
        const wanted = `Wanted${uniqueStream('').slice(1, 9)}`;
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent(wanted), newEvent('Other'), newEvent('Other')], 'no_stream');
        const stored = await store.readStream(stream);
        const delivered: string[] = [];
        const passed: string[] = [];
        let live = false;
        const subscription = store.subscribeToAll({
          after_position: start,
          event_types: [wanted],
          on_event: (event) => void delivered.push(`${event.type}@${event.revision}`),
          on_checkpoint: (position) => void passed.push(position),
          on_live: () => (live = true),
        });
        await eventually(() => expect(live && (passed.at(-1) ?? '') >= stored[2]!.position).toBe(true));
        expect(delivered).toEqual([`${wanted}@0`]);

        const other = await store.appendToStream(stream, [newEvent('Other')], 2);
        await eventually(() => expect((passed.at(-1) ?? '') >= other.position).toBe(true));
        await store.appendToStream(stream, [newEvent(wanted)], 3);
        await eventually(() => expect(delivered).toEqual([`${wanted}@0`, `${wanted}@4`]));
        expect(passed).toEqual([...passed].sort());
        await subscription.stop();
      });

      scenario('given a handler that throws, when an event is delivered, then the subscription drops and delivers nothing more', async () => {
        const stream = await given(uniqueStream(), 2);
        const failure = new Error('projection failed');
        const probe = recordSubscription(store, [stream], {
          after_position: start,
          on_event: async () => {
            throw failure;
          },
        });
        await eventually(() => expect(probe.drops).toHaveLength(1));
        expect(probe.drops[0]).toBe(failure);
        await store.appendToStream(stream, [newEvent()], 1);
        await sleep(100);
        expect(probe.log).toEqual([`${stream}@0`]);
        await probe.subscription.stop();
      });
    });
  });
}
