import { randomUUID } from 'node:crypto';
import { credentials, Metadata, ServiceError, status } from '@grpc/grpc-js';
import {
  AllStreamResolvedEvent,
  ANY,
  BACKWARDS,
  binaryEvent,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  FORWARDS,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  Position,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ServerFeaturesClient } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { TestServerProcess } from '../support/eventstoredb-server/process';
import { eventually } from '../contract/event-store.support';

/**
 * The EventStoreDB test server, checked through the official client (@eventstore/db-client) the
 * way EventStoreDB itself answers it: expected revisions and conflicts, idempotent retries,
 * stream and $all reads in both directions, filtered $all subscriptions with checkpoints and
 * caughtUp, limits, what it does not implement, and durability across SIGKILL. The adapter's
 * own behaviour is the contract suite's and eventstoredb-adapter.test.ts's.
 */

jest.setTimeout(60_000);

let server: TestServerProcess;
let client: EventStoreDBClient;

beforeAll(async () => {
  server = await TestServerProcess.start({ args: ['--stats-interval-ms', '0', '--max-append-size', '65536'] });
  client = EventStoreDBClient.connectionString(server.connection_string);
});
afterAll(async () => {
  await client?.dispose();
  await server?.dispose();
});

const stream = (prefix = 'server') => `${prefix}-${randomUUID()}`;
const event = (type = 'Happened', data: Record<string, unknown> = { n: 1 }) => jsonEvent({ type, data, metadata: { correlation_id: randomUUID() } });
const events = (count: number, type = 'Happened') => Array.from({ length: count }, (_, n) => event(type, { n }));

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

async function headPosition(): Promise<Position> {
  const [last] = await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }));
  return last!.event!.position;
}

describe('appending', () => {
  it('given each expected-revision form, when appending, then it succeeds or answers wrong expected version as EventStoreDB does', async () => {
    const name = stream();
    expect(await client.appendToStream(name, events(2), { expectedRevision: NO_STREAM })).toMatchObject({ success: true, nextExpectedRevision: 1n });
    expect(await client.appendToStream(name, event(), { expectedRevision: 1n })).toMatchObject({ success: true, nextExpectedRevision: 2n });
    expect(await client.appendToStream(name, event(), { expectedRevision: STREAM_EXISTS })).toMatchObject({ nextExpectedRevision: 3n });
    expect(await client.appendToStream(name, event(), { expectedRevision: ANY })).toMatchObject({ nextExpectedRevision: 4n });

    const conflicts = [
      [name, NO_STREAM, 4n],
      [name, 2n, 4n],
      [name, 9n, 4n],
      [stream('missing'), 0n, NO_STREAM],
      [stream('missing'), STREAM_EXISTS, NO_STREAM],
    ] as const;
    for (const [target, expected, current] of conflicts) {
      const error = await rejection(client.appendToStream(target, event(), { expectedRevision: expected }));
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamName: target, expectedVersion: expected, actualVersion: current });
    }
    expect(await collect(client.readStream(name))).toHaveLength(5);
  });

  it('given an append that is retried with the same event ids, when it arrives again, then it succeeds without storing twice', async () => {
    const name = stream();
    const batch = events(3);
    const first = await client.appendToStream(name, batch, { expectedRevision: NO_STREAM });
    expect(await client.appendToStream(name, batch, { expectedRevision: NO_STREAM })).toEqual(first);
    expect(await client.appendToStream(name, batch, { expectedRevision: ANY })).toEqual(first);
    // A retry that only partly matches is a conflict, as it is for EventStoreDB.
    expect(await rejection(client.appendToStream(name, [batch[0]!, event()], { expectedRevision: NO_STREAM }))).toBeInstanceOf(WrongExpectedVersionError);
    expect(await collect(client.readStream(name))).toHaveLength(3);
  });

  it('given appends, when they are read back, then positions rise with gaps and commit equals prepare', async () => {
    const name = stream();
    const result = await client.appendToStream(name, events(3), { expectedRevision: NO_STREAM });
    const read = await collect(client.readStream(name));
    const positions = read.map((resolved) => resolved.event!.position!);
    for (const position of positions) expect(position.commit).toBe(position.prepare);
    expect(positions[1]!.commit - positions[0]!.commit).toBeGreaterThan(1n);
    expect(positions[2]!.commit).toBeGreaterThan(positions[1]!.commit);
    expect(result.position).toEqual(positions[2]);
  });

  it('given JSON and binary events with metadata, when read back, then content type, bytes, ids and created come through', async () => {
    const name = stream();
    const id = randomUUID();
    const before = Date.now();
    await client.appendToStream(name, [
      jsonEvent({ id, type: 'Json', data: { text: 'Zoë ✓' }, metadata: { actor: 'a' } }),
      binaryEvent({ type: 'Blob', data: Uint8Array.from([0, 1, 254, 255]), metadata: Uint8Array.from([7]) }),
    ]);
    const [json, binary] = (await collect(client.readStream(name))).map((resolved) => resolved.event!);
    expect(json).toMatchObject({ id, type: 'Json', isJson: true, data: { text: 'Zoë ✓' }, metadata: { actor: 'a' }, revision: 0n, streamId: name });
    expect(json!.created.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(json!.created.getTime()).toBeLessThanOrEqual(Date.now());
    expect(binary).toMatchObject({ type: 'Blob', isJson: false, revision: 1n });
    expect(Buffer.from(binary!.data as Uint8Array)).toEqual(Buffer.from([0, 1, 254, 255]));
  });

  it('given an append over the maximum append size, when sent, then it is refused and nothing is stored', async () => {
    const name = stream();
    const error = await rejection(client.appendToStream(name, event('Big', { blob: 'x'.repeat(70_000) })));
    expect(error).toBeInstanceOf(MaxAppendSizeExceededError);
    expect(error).toMatchObject({ maxAppendSize: 65536 });
    expect(await rejection(collect(client.readStream(name)))).toBeInstanceOf(StreamNotFoundError);
  });

  it('given an event id that is not a UUID, when appended, then it is refused', async () => {
    const error = await rejection(client.appendToStream(stream(), jsonEvent({ id: 'not-a-uuid', type: 'T', data: {} })));
    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT });
  });
});

describe('reading', () => {
  it('given no such stream, when read either way, then the answer is stream not found', async () => {
    const name = stream('missing');
    expect(await rejection(collect(client.readStream(name)))).toMatchObject({ streamName: name });
    expect(await rejection(collect(client.readStream(name, { direction: BACKWARDS, fromRevision: END })))).toBeInstanceOf(StreamNotFoundError);
  });

  it('given a stream of five, when read from revisions with counts both ways, then the windows are EventStoreDB’s', async () => {
    const name = stream();
    await client.appendToStream(name, events(5));
    const revisions = async (options: Parameters<EventStoreDBClient['readStream']>[1]) =>
      (await collect(client.readStream(name, options))).map((resolved) => Number(resolved.event!.revision));
    expect(await revisions({ fromRevision: 2n, maxCount: 2 })).toEqual([2, 3]);
    expect(await revisions({ fromRevision: 7n })).toEqual([]);
    expect(await revisions({ direction: BACKWARDS, fromRevision: END, maxCount: 2 })).toEqual([4, 3]);
    expect(await revisions({ direction: BACKWARDS, fromRevision: 1n })).toEqual([1, 0]);
    expect(await revisions({ direction: BACKWARDS, fromRevision: 99n, maxCount: 1 })).toEqual([4]);
  });

  it('given $all, when read from a position, then forwards includes the event at it and backwards excludes it', async () => {
    const name = stream();
    await client.appendToStream(name, events(3));
    const mine = (await collect(client.readStream(name))).map((resolved) => resolved.event!.position!);
    const forwards = await collect(client.readAll({ direction: FORWARDS, fromPosition: mine[1]!, maxCount: 2 }));
    expect(forwards.map((resolved) => resolved.event!.position)).toEqual([mine[1], mine[2]]);
    const backwards = await collect(client.readAll({ direction: BACKWARDS, fromPosition: mine[1]!, maxCount: 1 }));
    expect(backwards.map((resolved) => resolved.event!.position)).toEqual([mine[0]]);
    const fromStart = await collect(client.readAll({ direction: FORWARDS, fromPosition: START, maxCount: 2 }));
    expect(fromStart.map((resolved) => resolved.event!.type)).toEqual(['$User', '$UserCreated']);
  });
});

describe('subscribing to $all', () => {
  /** Subscribes and records what the client emits: events (`stream@revision`) and `caughtUp`. */
  function record(options: Parameters<EventStoreDBClient['subscribeToAll']>[0], only?: (resolved: AllStreamResolvedEvent) => boolean) {
    const log: string[] = [];
    const subscription = client.subscribeToAll(options);
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      if (!only || only(resolved)) log.push(`${resolved.event!.streamId}@${resolved.event!.revision}`);
    });
    subscription.on('caughtUp', () => log.push('caughtUp'));
    subscription.on('error', (error) => log.push(`error ${error.message}`));
    return { log, subscription };
  }

  it('given stored events, when subscribing after a position, then it delivers later ones, says caughtUp once, then live appends', async () => {
    const name = stream();
    await client.appendToStream(name, events(3));
    const [first] = await collect(client.readStream(name, { maxCount: 1 }));
    const probe = record({ fromPosition: first!.event!.position }, (resolved) => resolved.event!.streamId === name);
    await eventually(() => expect(probe.log).toContain('caughtUp'));
    await client.appendToStream(name, event(), { expectedRevision: 2n });
    await eventually(() => expect(probe.log).toHaveLength(4));
    expect(probe.log).toEqual([`${name}@1`, `${name}@2`, 'caughtUp', `${name}@3`]);
    await probe.subscription.unsubscribe();
  });

  it('given event-type and stream-name filters by prefix and regex, when subscribing, then only matching events arrive', async () => {
    const start = await headPosition();
    const [a, b] = [stream('filter-a'), stream('filter-b')];
    await client.appendToStream(a, [event('OrderPlaced'), event('OrderShipped'), event('Invoiced')]);
    await client.appendToStream(b, [event('OrderPlaced'), event('$internal')]);
    const ours = (resolved: AllStreamResolvedEvent) => [a, b].includes(resolved.event!.streamId);
    const probes = [
      record({ fromPosition: start, filter: eventTypeFilter({ prefixes: ['Order', 'Inv'] }) }, ours),
      record({ fromPosition: start, filter: eventTypeFilter({ regex: '^Order(Placed)?$' }) }, ours),
      record({ fromPosition: start, filter: streamNameFilter({ prefixes: ['filter-b-'] }) }, ours),
      record({ fromPosition: start, filter: streamNameFilter({ regex: '^filter-a-' }) }, ours),
      record({ fromPosition: start, filter: eventTypeFilter({ regex: '^[^$].*' }) }, ours),
    ];
    for (const probe of probes) await eventually(() => expect(probe.log).toContain('caughtUp'));
    expect(probes.map((probe) => probe.log.filter((entry) => entry !== 'caughtUp'))).toEqual([
      [`${a}@0`, `${a}@1`, `${a}@2`, `${b}@0`],
      [`${a}@0`, `${b}@0`],
      [`${b}@0`, `${b}@1`],
      [`${a}@0`, `${a}@1`, `${a}@2`],
      [`${a}@0`, `${a}@1`, `${a}@2`, `${b}@0`],
    ]);
    for (const probe of probes) await probe.subscription.unsubscribe();
  });

  it('given a filtered subscription, when it looks at many events, then checkpoints come every window × multiplier events, rising', async () => {
    const start = await headPosition();
    const name = stream('checkpoints');
    await client.appendToStream(name, events(25, 'Skipped'));
    const checkpoints: Position[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: start,
      filter: eventTypeFilter({ prefixes: ['NeverThere'], maxSearchWindow: 5, checkpointInterval: 2, checkpointReached: (_s, position) => void checkpoints.push(position) }),
    });
    subscription.on('data', () => undefined);
    await eventually(() => expect(checkpoints.length).toBeGreaterThanOrEqual(2));
    const stored = (await collect(client.readStream(name))).map((resolved) => resolved.event!.position!);
    expect(checkpoints.slice(0, 2)).toEqual([stored[9], stored[19]]);
    await client.appendToStream(name, events(5, 'Skipped'), { expectedRevision: 24n });
    await eventually(() => expect(checkpoints).toHaveLength(3));
    expect(checkpoints[2]!.commit).toBeGreaterThan(stored[24]!.commit);
    await subscription.unsubscribe();
  });

  it('given a subscription from the end, when events are appended, then only those arrive', async () => {
    const name = stream();
    await client.appendToStream(name, events(2));
    const probe = record({ fromPosition: END }, (resolved) => resolved.event!.streamId === name);
    await eventually(() => expect(probe.log).toEqual(['caughtUp']));
    await client.appendToStream(name, event(), { expectedRevision: 1n });
    await eventually(() => expect(probe.log).toEqual(['caughtUp', `${name}@2`]));
    await probe.subscription.unsubscribe();
  });
});

describe('what it does not implement', () => {
  const call = <T>(invoke: (callback: (error: ServiceError | null, value?: T) => void) => void) =>
    new Promise<ServiceError | null>((resolve) => invoke((error) => resolve(error)));

  it('given BatchAppend, ServerFeatures, deletes or stream subscriptions, when called, then the answer is UNIMPLEMENTED', async () => {
    const address = `127.0.0.1:${server.port}`;
    const features = new ServerFeaturesClient(address, credentials.createInsecure());
    const streams = new StreamsClient(address, credentials.createInsecure());
    try {
      expect(await call((callback) => features.getSupportedMethods(new Empty(), callback))).toMatchObject({ code: status.UNIMPLEMENTED });
      const batch = streams.batchAppend(new Metadata());
      const batchError = await new Promise<ServiceError>((resolve) => batch.on('error', resolve));
      expect(batchError).toMatchObject({ code: status.UNIMPLEMENTED });
    } finally {
      features.close();
      streams.close();
    }
    expect(await rejection(client.deleteStream(stream()))).toMatchObject({ code: status.UNIMPLEMENTED });
    const subscription = client.subscribeToStream(stream());
    expect(await new Promise((resolve) => subscription.on('error', resolve))).toMatchObject({ code: status.UNIMPLEMENTED });
  });
});

describe('across a crash', () => {
  it('given acknowledged appends, when the server is killed with SIGKILL and restarted, then they are all there and positions keep rising', async () => {
    const name = stream();
    await client.appendToStream(name, events(20));
    const before = await collect(client.readStream(name));
    await server.kill();
    await server.restart();
    // The client's channel may still hold the dead connection: its first call can fail UNAVAILABLE.
    const after = await collect(client.readStream(name)).catch(() => collect(client.readStream(name)));
    expect(after.map((resolved) => resolved.event!.id)).toEqual(before.map((resolved) => resolved.event!.id));
    expect(after.map((resolved) => resolved.event!.position)).toEqual(before.map((resolved) => resolved.event!.position));
    const next = await client.appendToStream(name, event(), { expectedRevision: 19n });
    expect(next.position!.commit).toBeGreaterThan(before[19]!.event!.position!.commit);
  });
});
