import { PassThrough } from 'node:stream';
import { AllStreamResolvedEvent, EventStoreDBClient, NO_STREAM, WrongExpectedVersionError } from '@eventstore/db-client';
import { decodePosition, encodePosition } from '../../src/event-store/eventstoredb';
import { toEsdbRevision, toWrongExpectedRevision } from '../../src/event-store/eventstoredb/mapping';
import { EsdbCatchUpSubscription } from '../../src/event-store/eventstoredb/subscription';
import { WrongExpectedRevisionError } from '../../src/event-store/port';
import { eventually, sleep } from './event-store.support';

/**
 * The EventStoreDB adapter's own logic, checked without a server (the contract suite needs one):
 * position encoding, error mapping, and how the subscription turns live, skips and drops.
 */

describe('eventstoredb positions', () => {
  it('given positions of different magnitudes, when encoded, then string order is (commit, prepare) order', () => {
    const positions = [
      { commit: 9n, prepare: 9n },
      { commit: 10n, prepare: 3n },
      { commit: 10n, prepare: 10n },
      { commit: 18446744073709551615n, prepare: 18446744073709551615n },
    ];
    const encoded = positions.map(encodePosition);
    expect([...encoded].sort()).toEqual(encoded);
    expect(encoded[1]).toBe('00000000000000000010/00000000000000000003');
    expect(encoded.map(decodePosition)).toEqual(positions);
    expect('' < encoded[0]!).toBe(true);
  });

  it('given something that is not an encoded position, when decoded, then it is refused', () => {
    expect(() => decodePosition('0000000000000042')).toThrow(RangeError);
    expect(() => decodePosition('10/3')).toThrow(RangeError);
  });
});

describe('eventstoredb revisions and conflicts', () => {
  it('given our expected revisions, when mapped, then they become the client constants or a bigint', () => {
    expect([toEsdbRevision('no_stream'), toEsdbRevision('any'), toEsdbRevision(4)]).toEqual(['no_stream', 'any', 4n]);
  });

  it('given a WrongExpectedVersionError, when mapped, then it is our error with a numeric or no_stream actual', () => {
    const existing = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 3n });
    const missing = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: NO_STREAM });
    expect(toWrongExpectedRevision('s', 0, existing)).toEqual(new WrongExpectedRevisionError('s', 0, 3));
    expect(toWrongExpectedRevision('s', 0, missing)).toMatchObject({ stream_id: 's', expected: 0, actual: 'no_stream' });
  });
});

describe('eventstoredb subscription', () => {
  /** Stands in for the client's subscription stream: events are written in, `caughtUp` emitted. */
  class FakeServerStream extends PassThrough {
    unsubscribed = false;
    constructor() {
      super({ objectMode: true });
    }
    async unsubscribe(): Promise<void> {
      this.unsubscribed = true;
    }
  }

  const resolved = (commit: number, type = 'ThingHappened', isJson = true): AllStreamResolvedEvent =>
    ({
      event: {
        streamId: 's',
        id: `event-${commit}`,
        isJson,
        revision: BigInt(commit),
        type,
        created: new Date('2025-01-01T00:00:00.000Z'),
        data: { commit },
        metadata: { correlation_id: 'c' },
        position: { commit: BigInt(commit), prepare: BigInt(commit) },
      },
    }) as unknown as AllStreamResolvedEvent;
  const at = (commit: number) => encodePosition({ commit: BigInt(commit), prepare: BigInt(commit) });

  function subscribe(options: { after?: string; head?: Promise<string>; on_event?: () => Promise<void> } = {}) {
    const server = new FakeServerStream();
    const client = { subscribeToAll: () => server } as unknown as EventStoreDBClient;
    const log: string[] = [];
    const drops: Error[] = [];
    const subscription = new EsdbCatchUpSubscription(
      client,
      {
        after_position: options.after,
        on_event: async (event) => {
          log.push(event.event_id);
          await options.on_event?.();
        },
        on_live: () => log.push('live'),
        on_drop: (error) => drops.push(error),
      },
      () => options.head ?? new Promise<string>(() => undefined),
      () => undefined,
    );
    return { server, subscription, log, drops };
  }

  it('given events buffered before the server says caught up, when handled, then on_live follows them once', async () => {
    const { server, log } = subscribe({ on_event: () => sleep(5) });
    server.write(resolved(1));
    server.write(resolved(2));
    server.write(resolved(3));
    server.emit('caughtUp');
    await eventually(() => expect(log).toContain('live'));
    server.write(resolved(4));
    server.emit('caughtUp');
    await eventually(() => expect(log).toHaveLength(5));
    expect(log).toEqual(['event-1', 'event-2', 'event-3', 'live', 'event-4']);
  });

  it('given a server without caughtUp, when the head read at subscribe time is handled, then it turns live', async () => {
    const { server, log } = subscribe({ head: Promise.resolve(at(2)) });
    server.write(resolved(1));
    server.write(resolved(2));
    await eventually(() => expect(log).toContain('live'));
    server.write(resolved(3));
    await eventually(() => expect(log).toHaveLength(4));
    expect(log).toEqual(['event-1', 'event-2', 'live', 'event-3']);
  });

  it('given a head not after the start position, when subscribing, then it is live at once', async () => {
    const { log } = subscribe({ after: at(5), head: Promise.resolve(at(5)) });
    await eventually(() => expect(log).toEqual(['live']));
  });

  it('given system, binary and already-seen events, when they arrive, then they are skipped', async () => {
    const { server, log } = subscribe({ after: at(1), head: Promise.resolve(at(5)) });
    for (const event of [resolved(1), resolved(2, '$statsCollected'), resolved(3, 'Blob', false), resolved(4), resolved(5, '$metadata')]) {
      server.write(event);
    }
    await eventually(() => expect(log).toContain('live'));
    expect(log).toEqual(['event-4', 'live']);
  });

  it('given a handler that throws, when an event arrives, then the subscription drops and unsubscribes', async () => {
    const failure = new Error('handler failed');
    const { server, log, drops } = subscribe({
      on_event: async () => {
        throw failure;
      },
    });
    server.write(resolved(1));
    server.write(resolved(2));
    await eventually(() => expect(drops).toEqual([failure]));
    await sleep(20);
    expect(log).toEqual(['event-1']);
    expect(server.unsubscribed).toBe(true);
  });

  it('given a live subscription, when the server stream fails or ends, then on_drop is called once', async () => {
    const failing = subscribe({ head: Promise.resolve('') });
    failing.server.destroy(new Error('connection reset'));
    await eventually(() => expect(failing.drops.map((e) => e.message)).toEqual(['connection reset']));

    const ending = subscribe({ head: Promise.resolve('') });
    ending.server.end();
    await eventually(() => expect(ending.drops).toHaveLength(1));
  });

  it('given a subscription, when stopped, then it unsubscribes without on_drop and delivers nothing more', async () => {
    const { server, subscription, log, drops } = subscribe({ head: Promise.resolve('') });
    await eventually(() => expect(log).toEqual(['live']));
    await subscription.stop();
    server.write(resolved(1));
    await sleep(20);
    expect(log).toEqual(['live']);
    expect(drops).toEqual([]);
    expect(server.unsubscribed).toBe(true);
  });
});
