import { BusMessage } from '../bus/port';
import { RecordedEvent } from '../event-store/port';
import { deserializeEvent } from '../event-store/serializer';
import { toBusMessage, toIntegrationEvent } from './mapping';

export interface PreparedBatch {
  /** Messages per topic, each topic's list in global (hence per-stream) order. */
  by_topic: Map<string, BusMessage[]>;
  /** Events that could not be decoded or mapped: recorded and skipped. */
  failures: { event: RecordedEvent; error: Error }[];
  /** Internal events (claims): nothing to publish. */
  internal: number;
  /** Position of the last event: where the checkpoint moves once the batch is acknowledged. */
  last_position: string;
}

/** Decodes and maps consecutive stored events into per-topic publish batches. */
export function prepareBatch(events: readonly RecordedEvent[]): PreparedBatch {
  const batch: PreparedBatch = { by_topic: new Map(), failures: [], internal: 0, last_position: events.at(-1)?.position ?? '' };
  for (const event of events) {
    let outgoing;
    try {
      outgoing = toIntegrationEvent(deserializeEvent(event));
    } catch (error) {
      batch.failures.push({ event, error: error instanceof Error ? error : new Error(String(error)) });
      continue;
    }
    if (!outgoing) {
      batch.internal++;
      continue;
    }
    const messages = batch.by_topic.get(outgoing.topic) ?? [];
    messages.push(toBusMessage(outgoing, event.position));
    batch.by_topic.set(outgoing.topic, messages);
  }
  return batch;
}

export const publishedCount = (batch: PreparedBatch): number =>
  [...batch.by_topic.values()].reduce((sum, messages) => sum + messages.length, 0);
