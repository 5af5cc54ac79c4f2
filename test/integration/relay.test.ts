import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_INTEGRATION_TOPICS, IntegrationEvent, IntegrationTopics } from '../../contracts/integration';
import { CheckpointStore } from '../../src/read-store/checkpoints';
import { createInProcessBus, InProcessBus } from '../../src/bus/in-process';
import { ConsumedMessage, MessageBus } from '../../src/bus/port';
import { openEmbeddedEventStore } from '../../src/event-store/embedded';
import { EventStore } from '../../src/event-store/port';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { EventRelay, RELAY_CHECKPOINT, RELAY_FAILURES_COLLECTION } from '../../src/relay';
import { silentLogger } from '../../src/shared/logger';
import { sampleHistory } from '../unit/relay/samples';
import { AppendedStream, appendInterleaved, metadata } from '../unit/relay/streams';

const fast = { backoff: { initial_ms: 5, max_ms: 50 } };

let dir: string;
let store: EventStore;
let readStore: EmbeddedReadStore;
let bus: InProcessBus;
const relays: EventRelay[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobwise-relay-'));
  store = await openEmbeddedEventStore(dir);
  readStore = new EmbeddedReadStore();
  bus = createInProcessBus();
});

afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  await bus.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function relay(over: MessageBus = bus, events: EventStore = store, options = {}): EventRelay {
  const created = new EventRelay(events, over, readStore, silentLogger(), { ...fast, ...options });
  relays.push(created);
  return created;
}

/** The test bus with another publish (a broker that fails or delays its acknowledgement). */
function withPublish(publish: MessageBus['publish']): MessageBus {
  return { publish, subscribe: (o) => bus.subscribe(o), ensureTopics: (t) => bus.ensureTopics(t), ping: () => bus.ping(), close: () => bus.close() };
}

/** The test store with another subscribeToAll (a connection that drops). */
function withSubscribe(subscribeToAll: EventStore['subscribeToAll']): EventStore {
  return {
    subscribeToAll,
    appendToStream: (...a) => store.appendToStream(...a),
    readStream: (...a) => store.readStream(...a),
    readAll: (...a) => store.readAll(...a),
    headPosition: () => store.headPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

/** Every message on the integration topics, in the order a consumer saw them. */
async function collect(): Promise<ConsumedMessage[]> {
  const received: ConsumedMessage[] = [];
  await bus.subscribe({ group_id: `probe-${randomUUID()}`, topics: [...ALL_INTEGRATION_TOPICS], from_beginning: true, handler: async (m) => void received.push(m) });
  return received;
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeout_ms = 10_000): Promise<void> {
  const deadline = Date.now() + timeout_ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Each published stream's event ids, in the order they arrived. */
function arrivals(received: ConsumedMessage[]): Map<string, string[]> {
  const byStream = new Map<string, string[]>();
  for (const message of received) byStream.set(message.key, [...(byStream.get(message.key) ?? []), message.headers.event_id]);
  return byStream;
}

/** Published events and streams in one sample history (claim, admin-read and notification streams stay internal). */
const PUBLISHED_STREAMS = sampleHistory().streams.filter((stream) => !['useremail-', 'adminaccess-', 'notification-', 'notificationprefs-', 'savedsearch-', 'jobalert-', 'jobalertmatch-', 'jobalertdigest-', 'jobsource-'].some((p) => stream.stream_id.startsWith(p)));
const PER_HISTORY = PUBLISHED_STREAMS.reduce((n, stream) => n + stream.events.length, 0);
const STREAMS_PER_HISTORY = PUBLISHED_STREAMS.length;

const TOPIC_BY_CATEGORY: Record<string, string> = {
  user: IntegrationTopics.users,
  profile: IntegrationTopics.profiles,
  job: IntegrationTopics.jobs,
  generation: IntegrationTopics.generations,
  document: IntegrationTopics.documents,
  application: IntegrationTopics.applications,
};

const expectedArrivals = (appended: AppendedStream[]) =>
  new Map(appended.filter((s) => s.published).map((s) => [s.stream_id, s.event_ids]));

async function appendSamples(histories = 3) {
  return appendInterleaved(store, Array.from({ length: histories }, () => sampleHistory().streams).flat());
}

describe('event relay (embedded store, in-process bus)', () => {
  it('given events in several streams, when the relay runs, then each arrives once on its topic, in stream order, with headers', async () => {
    const { appended, head } = await appendSamples();
    const received = await collect();
    const running = relay();
    await running.start();
    await running.waitFor(head);
    const published = appended.filter((s) => s.published).reduce((n, s) => n + s.event_ids.length, 0);
    await until(() => received.length === published, 'every message');

    expect(arrivals(received)).toEqual(expectedArrivals(appended));
    for (const message of received) {
      const event = IntegrationEvent.parse(message.value);
      expect(message.topic).toBe(TOPIC_BY_CATEGORY[message.key.split('-')[0]]);
      expect(message.key).toBe(event.source_stream);
      expect(message.headers).toEqual({
        event_id: event.event_id,
        event_type: event.event_type,
        schema_version: '1',
        correlation_id: `corr-${message.key}`,
        source_position: expect.any(String),
      });
    }
    const internal = appended.filter((s) => !s.published).reduce((n, s) => n + s.event_ids.length, 0);
    expect(internal).toBeGreaterThan(0);
    expect(running.snapshot()).toMatchObject({ state: 'live', checkpoint: head, events_published: published, events_internal: internal, events_failed: 0 });
    expect(await new CheckpointStore(readStore).load(RELAY_CHECKPOINT)).toBe(head);
  });

  it('given a live relay, when events are appended, then they are published as they come', async () => {
    const received = await collect();
    const running = relay();
    await running.start();
    await until(() => running.snapshot().state === 'live', 'live');
    const { appended, head } = await appendSamples(2);
    await running.waitFor(head);
    await until(() => received.length === 2 * PER_HISTORY, 'every message');
    expect(arrivals(received)).toEqual(expectedArrivals(appended));
  });

  it('given the broker has not acknowledged, then the checkpoint does not move', async () => {
    const { head } = await appendSamples(1);
    let release!: () => void;
    const acked = new Promise<void>((resolve) => (release = resolve));
    const gated = withPublish(async (topic, messages) => {
      await acked;
      await bus.publish(topic, messages);
    });
    const running = relay(gated);
    await running.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await new CheckpointStore(readStore).load(RELAY_CHECKPOINT)).toBe('');
    expect(running.snapshot()).toMatchObject({ checkpoint: '', events_published: 0 });
    release();
    await running.waitFor(head);
    expect(await new CheckpointStore(readStore).load(RELAY_CHECKPOINT)).toBe(head);
  });

  it('given publish fails 4 times, then the relay retries from its checkpoint and loses nothing', async () => {
    const { appended, head } = await appendSamples();
    const received = await collect();
    let failures = 4;
    const checkpointsSeenAtFailure: string[] = [];
    const flaky = withPublish(async (topic, messages) => {
      if (failures-- > 0) {
        checkpointsSeenAtFailure.push(await new CheckpointStore(readStore).load(RELAY_CHECKPOINT));
        throw new Error('broker unavailable');
      }
      await bus.publish(topic, messages);
    });
    const running = relay(flaky, store, { max_batch: 7 });
    await running.start();
    await running.waitFor(head);
    await until(() => arrivals(received).size === 3 * STREAMS_PER_HISTORY && [...arrivals(received).values()].flat().length >= 3 * PER_HISTORY, 'every message');

    expect(checkpointsSeenAtFailure).toEqual(['', '', '', '']);
    // At least once: duplicates allowed, but the first arrivals keep every stream complete and in order.
    const firsts = new Map([...arrivals(received)].map(([stream, ids]) => [stream, [...new Set(ids)]]));
    expect(firsts).toEqual(expectedArrivals(appended));
    expect(running.snapshot()).toMatchObject({ state: 'live', checkpoint: head, last_error: 'broker unavailable' });
  });

  it('given a publish fails mid-way, then batches already acknowledged are not published again', async () => {
    const { head } = await appendSamples();
    const received = await collect();
    let calls = 0;
    const flaky = withPublish(async (topic, messages) => {
      if (++calls === 4) throw new Error('broker unavailable');
      await bus.publish(topic, messages);
    });
    const running = relay(flaky, store, { max_batch: 10 });
    await running.start();
    await running.waitFor(head);
    await until(() => received.length >= 3 * PER_HISTORY, 'every message');
    const ids = received.map((m) => m.headers.event_id);
    // Only the failed batch (at most 10 events, one topic of it acknowledged) can repeat.
    expect(ids.length - new Set(ids).size).toBeLessThanOrEqual(10);
    expect(new Set(ids).size).toBe(3 * PER_HISTORY);
    expect(running.snapshot()).toMatchObject({ last_error: 'broker unavailable', checkpoint: head });
  });

  it('given the store drops the subscription, then the relay resubscribes and loses nothing', async () => {
    const { appended, head } = await appendSamples();
    const received = await collect();
    let drops = 2;
    const dropping = withSubscribe((options) => {
      let delivered = 0;
      const dropAfter = drops-- > 0 ? 5 : Infinity;
      return store.subscribeToAll({
        ...options,
        on_event: async (event) => {
          if (++delivered > dropAfter) throw new Error('connection reset');
          await options.on_event(event);
        },
      });
    });
    const running = relay(bus, dropping);
    await running.start();
    await running.waitFor(head);
    await until(() => new Set(received.map((m) => m.headers.event_id)).size === 3 * PER_HISTORY, 'every message');
    const firsts = new Map([...arrivals(received)].map(([stream, ids]) => [stream, [...new Set(ids)]]));
    expect(firsts).toEqual(expectedArrivals(appended));
    expect(running.snapshot().last_error).toBe('connection reset');
  });

  it('given a clean stop, when a new relay starts from the checkpoint, then nothing is published twice', async () => {
    const first = await appendSamples(2);
    const received = await collect();
    const before = relay();
    await before.start();
    await before.waitFor(first.head);
    await before.stop();
    expect(before.snapshot().state).toBe('stopped');

    const second = await appendSamples(2);
    const after = relay();
    await after.start();
    await after.waitFor(second.head);
    await until(() => received.length >= 4 * PER_HISTORY, 'every message');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const ids = received.map((m) => m.headers.event_id);
    expect(ids).toHaveLength(4 * PER_HISTORY);
    expect(new Set(ids).size).toBe(4 * PER_HISTORY);
    expect(after.snapshot().events_published).toBe(2 * PER_HISTORY);
    expect(arrivals(received)).toEqual(expectedArrivals([...first.appended, ...second.appended]));
  });

  it('given an event that cannot be decoded, then it is recorded and skipped and the rest goes on', async () => {
    const stream_id = `profile-${randomUUID()}`;
    const bad = { event_id: randomUUID(), type: 'ExperienceRemoved', data: { experience_id: 'not-a-uuid' }, metadata: { ...metadata(stream_id), schema_version: 1 } };
    const unknown = { event_id: randomUUID(), type: 'ProfileTeleported', data: {}, metadata: { ...metadata(stream_id), schema_version: 1 } };
    await store.appendToStream(stream_id, [bad, unknown], 'any');
    const { appended, head } = await appendSamples(1);
    const received = await collect();
    const running = relay();
    await running.start();
    await running.waitFor(head);
    await until(() => received.length === PER_HISTORY, 'every good message');

    expect(arrivals(received)).toEqual(expectedArrivals(appended));
    const failures = await readStore.collection(RELAY_FAILURES_COLLECTION).find({}, { sort: { position: 1 } });
    expect(failures).toEqual([
      expect.objectContaining({ _id: bad.event_id, event_type: 'ExperienceRemoved', stream_id, revision: 0, error: expect.stringContaining('experience_id') }),
      expect.objectContaining({ _id: unknown.event_id, event_type: 'ProfileTeleported', stream_id, revision: 1, error: expect.stringContaining('unknown event type') }),
    ]);
    expect(running.snapshot()).toMatchObject({ events_failed: 2, events_published: PER_HISTORY, checkpoint: head });
  });
});
