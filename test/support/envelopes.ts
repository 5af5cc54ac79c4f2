import { randomUUID } from 'node:crypto';
import { DomainEnvelope } from '../../contracts/events';

/** Where and when a test event was recorded; the rest of the envelope is filled in. */
export interface Recorded {
  stream_id: string;
  revision: number;
  occurred_at: string;
  actor?: string | null;
  correlation_id?: string;
  /** Defaults to the revision + 1, zero-padded like the embedded store's positions. */
  position?: string;
}

/** A domain event as a projector or the relay receives it: typed by the event, with its envelope. */
export function envelope(event: { type: string; data: unknown }, at: Recorded): DomainEnvelope {
  return {
    event_id: randomUUID(),
    ...event,
    metadata: { correlation_id: at.correlation_id ?? 'c', causation_id: null, actor: at.actor ?? null, occurred_at: at.occurred_at, schema_version: 1 },
    stream_id: at.stream_id,
    revision: at.revision,
    position: at.position ?? String(at.revision + 1).padStart(16, '0'),
    recorded_at: at.occurred_at,
  } as DomainEnvelope;
}

/** One stream's history, revisions from 0, all at `occurred_at` (or `at(revision)`). */
export function envelopes(stream_id: string, events: Array<{ type: string; data: unknown }>, at: string | ((revision: number) => string), extra: Pick<Recorded, 'actor' | 'correlation_id'> = {}): DomainEnvelope[] {
  return events.map((event, revision) => envelope(event, { stream_id, revision, occurred_at: typeof at === 'string' ? at : at(revision), ...extra }));
}
