import { randomUUID } from 'node:crypto';
import { EventData, EventStore, RecordedEvent, Subscription } from '../../src/event-store/port';

/** Fixtures and probes for the event store contract. */

export const uniqueStream = (prefix = 'contract') => `${prefix}-${randomUUID()}`;

export function newEvent(type = 'ThingHappened', data: Record<string, unknown> = { n: 1 }): EventData {
  return {
    event_id: randomUUID(),
    type,
    data,
    metadata: {
      correlation_id: randomUUID(),
      causation_id: null,
      actor: 'user-1',
      occurred_at: '2025-01-02T03:04:05.678Z',
      schema_version: 1,
    },
  };
}

/** Event `n` with fixed ids and times, for tests that compare what the log holds byte for byte or record by record. */
export const countedEvent = (n: number, extra: Record<string, unknown> = {}): EventData => ({
  event_id: `event-${n}`,
  type: 'Counted',
  data: { n, ...extra },
  metadata: { correlation_id: 'c', causation_id: null, actor: null, occurred_at: '2025-01-01T00:00:00.000Z', schema_version: 1 },
});

export const events = (count: number, type = 'ThingHappened') =>
  Array.from({ length: count }, (_, i) => newEvent(type, { n: i }));

/** `stream@revision` labels, the shape most assertions compare. */
export const labels = (recorded: RecordedEvent[]) => recorded.map((event) => `${event.stream_id}@${event.revision}`);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function eventually(assertion: () => void, timeout_ms = 5_000): Promise<void> {
  const deadline = Date.now() + timeout_ms;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(10);
    }
  }
}

/**
 * A subscription that records, in order, `stream@revision` for events of `streams` (others may
 * share the store) and `live` when on_live is called.
 */
export function recordSubscription(
  store: EventStore,
  streams: string[],
  options: { after_position?: string; on_event?: (event: RecordedEvent) => Promise<void> } = {},
) {
  const ours = new Set(streams);
  const log: string[] = [];
  const received: RecordedEvent[] = [];
  const drops: Error[] = [];
  const subscription: Subscription = store.subscribeToAll({
    after_position: options.after_position,
    on_event: async (event) => {
      if (!ours.has(event.stream_id)) return;
      received.push(event);
      log.push(`${event.stream_id}@${event.revision}`);
      await options.on_event?.(event);
    },
    on_live: () => log.push('live'),
    on_drop: (error) => drops.push(error),
  });
  return { log, received, drops, subscription };
}
