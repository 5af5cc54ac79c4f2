import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore, openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { EventData, EventStore, RecordedEvent, SubscribeToAllOptions } from '../../../src/event-store/port';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { CheckpointStore, isEventPosition } from '../../../src/read-store/checkpoints';
import { silentLogger } from '../../../src/shared/logger';
import { BatchContext, CheckpointedSubscription, CheckpointedSubscriptionOptions, SubscriptionState } from '../../../src/subscriptions';

const CHECKPOINT = 'test_subscriber';
const SKIPPED = 'test_skipped';
const fast = { initial_ms: 5, max_ms: 50 };

let dir: string;
let store: EmbeddedEventStore;
let readStore: EmbeddedReadStore;
const running: CheckpointedSubscription<string>[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobwise-subscription-'));
  store = await openEmbeddedEventStore(dir);
  readStore = new EmbeddedReadStore();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

type Handle = CheckpointedSubscriptionOptions<'handled'>['handle'];

/** Records what it is handed; a test may replace `handle` to fail or skip. */
function subscriber(handle: Handle = async () => undefined, options: Partial<CheckpointedSubscriptionOptions<'handled'>> = {}) {
  const handed: RecordedEvent[][] = [];
  const subscription = new CheckpointedSubscription<'handled'>({
    checkpoint_id: CHECKPOINT,
    events: store,
    read_store: readStore,
    logger: silentLogger(),
    handle: async (events, context) => {
      handed.push([...events]);
      await handle(events, context);
      context.count('handled', events.length);
    },
    skipped: { collection: SKIPPED },
    backoff: fast,
    counters: ['handled'],
    ...options,
  });
  running.push(subscription as CheckpointedSubscription<string>);
  const ids = () => handed.flat().map((event) => event.event_id);
  return { subscription, handed, ids };
}

function event(type = 'ThingHappened', data: Record<string, unknown> = {}): EventData {
  return {
    event_id: randomUUID(),
    type,
    data,
    metadata: { correlation_id: 'test', causation_id: null, actor: null, occurred_at: '2026-11-24T10:00:00.000Z', schema_version: 1 },
  };
}

/** Appends `count` events, one per stream, and returns them as stored. */
async function given(count: number, type?: string): Promise<RecordedEvent[]> {
  for (let n = 0; n < count; n++) await store.appendToStream(`thing-${randomUUID()}`, [event(type)], 'no_stream');
  return (await store.readAll()).slice(-count);
}

const storedCheckpoint = () => new CheckpointStore(readStore).load(CHECKPOINT);

async function until(condition: () => boolean | Promise<boolean>, what: string, timeout_ms = 5_000): Promise<void> {
  const deadline = Date.now() + timeout_ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('checkpointed subscription', () => {
  it('given no checkpoint, when started, then it hands over every event in order, saves the head and turns live', async () => {
    const events = await given(5);
    const { subscription, ids } = subscriber();
    expect(subscription.snapshot().state).toBe('starting');

    await subscription.start();
    await subscription.waitFor(events[4].position, 5_000);
    await until(() => subscription.snapshot().state === 'live', 'live');

    expect(ids()).toEqual(events.map((e) => e.event_id));
    expect(await storedCheckpoint()).toBe(events[4].position);
    expect(subscription.snapshot()).toEqual({
      name: CHECKPOINT,
      state: 'live',
      checkpoint: events[4].position,
      events_skipped: 0,
      counts: { handled: 5 },
      last_error: null,
    });
  });

  it('given a stored checkpoint, when started, then it resumes after it and goes on with live events', async () => {
    const events = await given(4);
    await new CheckpointStore(readStore).save(CHECKPOINT, events[1].position);
    const { subscription, ids } = subscriber();

    await subscription.start();
    await subscription.waitFor(events[3].position, 5_000);
    const [live] = await given(1);
    await subscription.waitFor(live.position, 5_000);

    expect(ids()).toEqual([events[2], events[3], live].map((e) => e.event_id));
    expect(await storedCheckpoint()).toBe(live.position);
  });

  it('given a stopped subscriber, when a new one starts, then nothing is handed over twice', async () => {
    const first = await given(3);
    const before = subscriber();
    await before.subscription.start();
    await before.subscription.waitFor(first[2].position, 5_000);
    await before.subscription.stop();
    expect(before.subscription.snapshot().state).toBe('stopped');

    const second = await given(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(before.ids()).toHaveLength(3);
    const after = subscriber();
    await after.subscription.start();
    await after.subscription.waitFor(second[1].position, 5_000);
    expect(after.ids()).toEqual(second.map((e) => e.event_id));
  });

  it('given a checkpoint ahead of a finished batch, when the batch is saved, then the checkpoint does not move backwards', async () => {
    const events = await given(3);
    // Another instance got further meanwhile: saved while this one handles the first event.
    const { subscription } = subscriber(async ([handled]) => {
      if (handled.event_id === events[0].event_id) await new CheckpointStore(readStore).save(CHECKPOINT, events[2].position);
    });
    await subscription.start();
    await until(() => subscription.snapshot().counts.handled >= 1, 'the first event');

    expect(await storedCheckpoint()).toBe(events[2].position);
    await subscription.waitFor(events[2].position, 5_000);
    expect(await storedCheckpoint()).toBe(events[2].position);
  });

  it('given failing batches and live saves, then every checkpoint observed is at or after the one before', async () => {
    await given(30);
    let failures = 3;
    const observed: string[] = [];
    const { subscription } = subscriber(
      async (batch) => {
        observed.push(await storedCheckpoint(), subscription.snapshot().checkpoint);
        if (batch.length > 1 && failures-- > 0) throw new Error('store unavailable');
      },
      { max_batch: 4 },
    );
    await subscription.start();
    const [last] = await given(1);
    await subscription.waitFor(last.position, 5_000);
    observed.push(await storedCheckpoint());

    const stored = observed.filter((_, n) => n % 2 === 0);
    expect(stored).toEqual([...stored].sort());
    expect(observed.at(-1)).toBe(last.position);
  });

  it('given a bad event, when the handler skips it, then it is recorded, counted and passed over, and not handed over again', async () => {
    const [good, bad, after] = [...(await given(1)), ...(await given(1, 'Garbled')), ...(await given(1))];
    const { subscription, ids } = subscriber(async (batch, context: BatchContext<'handled'>) => {
      for (const e of batch) if (e.type === 'Garbled') await context.skip(e, new Error('cannot decode Garbled'));
    });
    await subscription.start();
    await subscription.waitFor(after.position, 5_000);

    expect(ids()).toEqual([good.event_id, bad.event_id, after.event_id]);
    expect(subscription.snapshot()).toMatchObject({ events_skipped: 1, last_error: 'cannot decode Garbled', checkpoint: after.position });
    expect(await readStore.collection(SKIPPED).find({})).toEqual([
      {
        _id: bad.event_id,
        event_id: bad.event_id,
        event_type: 'Garbled',
        stream_id: bad.stream_id,
        revision: 0,
        position: bad.position,
        error: 'cannot decode Garbled',
        failed_at: expect.any(String),
      },
    ]);

    await subscription.stop();
    const again = subscriber();
    await again.subscription.start();
    const [next] = await given(1);
    await again.subscription.waitFor(next.position, 5_000);
    expect(again.ids()).toEqual([next.event_id]);
  });

  it('given a handler that fails, when the subscription drops, then it resubscribes from the checkpoint with growing backoff and loses nothing', async () => {
    const events = await given(4);
    const attempts: number[] = [];
    const states = new Set<SubscriptionState>();
    const { subscription, ids } = subscriber(
      async ([handled]) => {
        states.add(subscription.snapshot().state);
        if (handled.event_id !== events[2].event_id) return;
        attempts.push(Date.now());
        if (attempts.length <= 3) throw new Error('connection reset');
      },
      { backoff: { initial_ms: 40, max_ms: 1_000 } },
    );
    await subscription.start();
    await subscription.waitFor(events[3].position, 5_000);

    // The first two events were handled once; the third was handed over until it succeeded.
    expect(ids()).toEqual([events[0], events[1], events[2], events[2], events[2], events[2], events[3]].map((e) => e.event_id));
    const gaps = attempts.slice(1).map((at, n) => at - attempts[n]);
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[1]).toBeGreaterThanOrEqual(75);
    expect(gaps[2]).toBeGreaterThanOrEqual(155);
    expect(subscription.snapshot()).toMatchObject({ last_error: 'connection reset', counts: { handled: 4 }, events_skipped: 0 });
    expect(await storedCheckpoint()).toBe(events[3].position);
  });

  it('given a dropped subscription, then the status says reconnecting until it resubscribed', async () => {
    const [first] = await given(1);
    let fail = true;
    const { subscription } = subscriber(
      async () => {
        if (fail) throw new Error('read store unavailable');
      },
      { backoff: { initial_ms: 200, max_ms: 200 } },
    );
    await subscription.start();
    await until(() => subscription.snapshot().state === 'reconnecting', 'reconnecting');
    expect(subscription.snapshot()).toMatchObject({ checkpoint: '', last_error: 'read store unavailable' });
    fail = false;
    await subscription.waitFor(first.position, 5_000);
    await until(() => subscription.snapshot().state === 'live', 'live');
  });

  it('given events the subscriber does not accept, then they are not handed over, yet the checkpoint passes them once live', async () => {
    const events = [...(await given(2, 'Wanted')), ...(await given(3, 'Other'))];
    const { subscription, ids } = subscriber(undefined, { event_types: ['Wanted'] });
    await subscription.start();
    await subscription.waitFor(events[4].position, 5_000);
    await until(async () => (await storedCheckpoint()) === events[4].position, 'the checkpoint after the unaccepted tail');
    expect(ids()).toEqual([events[0].event_id, events[1].event_id]);
  });

  it('given an event store that hands over every type, then the subscriber still hands its handler only the types it takes', async () => {
    const events = [...(await given(1, 'Other')), ...(await given(2, 'Wanted')), ...(await given(1, 'Other'))];
    const unfiltered: EventStore = Object.create(store, {
      subscribeToAll: { value: (options: SubscribeToAllOptions) => store.subscribeToAll({ ...options, event_types: undefined }) },
    });
    const { subscription, ids } = subscriber(undefined, { event_types: ['Wanted'], events: unfiltered });
    await subscription.start();
    await subscription.waitFor(events[3].position, 5_000);
    expect(ids()).toEqual([events[1].event_id, events[2].event_id]);
  });

  it('given events it does not accept after one it does, when live, then the checkpoint passes them and the change marker stays at the last one handed over', async () => {
    const { subscription } = subscriber(undefined, { event_types: ['Wanted'] });
    await subscription.start();
    const [wanted] = await given(1, 'Wanted');
    await until(async () => (await storedCheckpoint()) === wanted.position, 'the wanted event');
    const checkpoints = new CheckpointStore(readStore);
    expect(await checkpoints.changedAt(CHECKPOINT)).toBe(wanted.position);

    const others = await given(3, 'Other');
    await until(async () => (await storedCheckpoint()) === others[2].position, 'the unaccepted events');
    expect(await checkpoints.changedAt(CHECKPOINT)).toBe(wanted.position);

    const [next] = await given(1, 'Wanted');
    await until(async () => (await checkpoints.changedAt(CHECKPOINT)) === next.position, 'the next wanted event');
  });

  it('given max_batch, then events come in ordered batches no larger than it', async () => {
    const events = await given(23);
    const { subscription, handed } = subscriber(undefined, { max_batch: 5 });
    await subscription.start();
    await subscription.waitFor(events[22].position, 5_000);
    expect(handed.every((batch) => batch.length >= 1 && batch.length <= 5)).toBe(true);
    expect(handed.flat().map((e) => e.position)).toEqual(events.map((e) => e.position));
  });

  it('given a batch in flight, when stopped, then stop waits for it and nothing else is handed over', async () => {
    const events = await given(3);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { subscription, ids } = subscriber(async ([handled]) => {
      if (handled.event_id === events[0].event_id) await gate;
    });
    await subscription.start();
    await until(() => ids().length === 1, 'the first event');
    let stopped = false;
    const stopping = subscription.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await given(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ids()).toEqual([events[0].event_id]);
    expect(subscription.snapshot()).toMatchObject({ state: 'stopped', checkpoint: events[0].position });
    expect(await storedCheckpoint()).toBe(events[0].position);
  });
});

describe('change markers', () => {
  it('tells event positions of both event stores from the markers markChanged records, and refuses a marker that looks like a position', async () => {
    expect(isEventPosition('0000000000000042')).toBe(true);
    expect(isEventPosition('00000000000000001234/00000000000000001234')).toBe(true);
    expect(isEventPosition('rebuild 7f3c')).toBe(false);
    expect(isEventPosition('')).toBe(false);
    const checkpoints = new CheckpointStore(new EmbeddedReadStore());
    await checkpoints.save('jobs_v2', '0000000000000042', '0000000000000042');
    await expect(checkpoints.markChanged('jobs_v2', '0000000000000043')).rejects.toThrow(/position/);
    await checkpoints.markChanged('jobs_v2', 'rebuild 7f3c');
    expect(await checkpoints.changedAt('jobs_v2')).toBe('rebuild 7f3c');
  });
});
