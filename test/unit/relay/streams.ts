import { randomUUID } from 'node:crypto';
import { DomainEvent } from '../../../contracts/events';
import { EventStore } from '../../../src/event-store/port';
import { serializeEvent } from '../../../src/event-store/serializer';
import { sampleHistory, SampleStream } from './samples';

export interface AppendedStream {
  stream_id: string;
  /** Ids of the stream's events in revision order. */
  event_ids: string[];
  /** Whether the relay publishes this stream (claim streams are internal). */
  published: boolean;
}

/**
 * Appends the streams' events one at a time, round-robin across streams, so streams
 * interleave in the global order. Returns each stream's event ids and the head position.
 */
export async function appendInterleaved(store: EventStore, streams: SampleStream[]): Promise<{ appended: AppendedStream[]; head: string }> {
  const appended = streams.map(({ stream_id }) => ({ stream_id, event_ids: [] as string[], published: !isInternal(stream_id) }));
  const longest = Math.max(...streams.map((s) => s.events.length));
  let head = '';
  for (let i = 0; i < longest; i++) {
    for (const [n, { stream_id, events }] of streams.entries()) {
      if (i >= events.length) continue;
      const stored = serializeEvent(events[i], metadata(stream_id));
      head = (await store.appendToStream(stream_id, [stored], 'any')).position;
      appended[n].event_ids.push(stored.event_id);
    }
  }
  return { appended, head };
}

export function metadata(stream_id: string) {
  return { correlation_id: `corr-${stream_id}`, causation_id: null, actor: null, occurred_at: new Date().toISOString() };
}

/** Streams whose events are all internal (INTERNAL_EVENTS): claims, admin reads, notifications, saved searches and job alerts. */
const INTERNAL_PREFIXES = ['useremail-', 'userprofile-', 'adminaccess-', 'notification-', 'notificationprefs-', 'savedsearch-', 'jobalert-', 'jobalertmatch-', 'jobalertdigest-', 'jobsource-'];
const isInternal = (stream_id: string) => INTERNAL_PREFIXES.some((prefix) => stream_id.startsWith(prefix));

/** A profile stream of `count` events: a realistic history, padded with removals. */
export function profileStream(count: number): SampleStream {
  const profile = sampleHistory().streams.find((s) => s.stream_id.startsWith('profile-'))!;
  const events: DomainEvent[] = profile.events.slice(0, count);
  while (events.length < count) events.push({ type: 'ExperienceRemoved', data: { experience_id: randomUUID() } });
  return { stream_id: profile.stream_id, events };
}
