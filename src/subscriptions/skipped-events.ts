import { RecordedEvent } from '../event-store/port';
import { ReadStore } from '../read-store/port';

/**
 * Where a subscriber (a projection, the relay) records an event it had to skip, so that an
 * admin can find and replay it; the subscriber logs it and goes on.
 */
export async function recordSkippedEvent(
  readStore: ReadStore,
  collection: string,
  record: { _id: string } & Record<string, unknown>,
  event: Pick<RecordedEvent, 'event_id' | 'type' | 'stream_id' | 'revision' | 'position'>,
  error: Error,
): Promise<void> {
  await readStore.collection(collection).upsert({
    ...record,
    event_id: event.event_id,
    event_type: event.type,
    stream_id: event.stream_id,
    revision: event.revision,
    position: event.position,
    error: error.message,
    failed_at: new Date().toISOString(),
  });
}
