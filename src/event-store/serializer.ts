import { randomUUID } from 'node:crypto';
import { CURRENT_SCHEMA_VERSION, DomainEnvelope, DomainEvent, DomainEventSchemas } from '../../contracts/events';
import { EventMetadata, EventMetadataSchema } from '../../contracts/shared/envelope';
import { PersonalPaths } from '../../contracts/personal';
import { KeyStore } from '../key-store/port';
import { decryptAll, encryptPaths } from './field-crypto';
import { OpenedFields } from './opened-fields';
import { EventData, RecordedEvent } from './port';

/**
 * The one place where domain events become stored events and back. Payload encryption per
 * user (crypto-shredding for the right to deletion, ADR 0009) happens here and nowhere else:
 * `EventSerializer` encrypts the personal fields each contract declares (contracts/personal.ts)
 * with the data subject's key and decrypts them on read. The pure functions below handle plain
 * events (no personal fields, or no key store).
 */

const schemaByType = new Map<string, (typeof DomainEventSchemas)[number]>(
  DomainEventSchemas.map((schema) => [schema.shape.type.value, schema]),
);

export type NewEventMetadata = Omit<EventMetadata, 'schema_version'>;

export class EventDecodeError extends Error {
  constructor(
    readonly event_id: string,
    readonly event_type: string,
    reason: string,
  ) {
    super(`Cannot decode event ${event_id} of type ${event_type}: ${reason}`);
    this.name = 'EventDecodeError';
  }
}

/**
 * Checks an event against its contract before it is stored: what the decoder would refuse must
 * never be written, or the event would be stored for good and skipped by every reader.
 */
export function assertEncodable(event: DomainEvent): void {
  const schema = schemaByType.get(event.type);
  const parsed = schema?.safeParse(event);
  if (!parsed?.success) {
    throw new EventEncodeError(event.type, parsed ? parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') : 'unknown event type');
  }
}

export class EventEncodeError extends Error {
  constructor(
    readonly event_type: string,
    reason: string,
  ) {
    super(`Refusing to store a ${event_type} that does not fit its contract: ${reason}`);
    this.name = 'EventEncodeError';
  }
}

export function serializeEvent(event: DomainEvent, metadata: NewEventMetadata): EventData {
  return {
    event_id: randomUUID(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { ...metadata, schema_version: CURRENT_SCHEMA_VERSION },
  };
}

export function isKnownEventType(type: string): boolean {
  return schemaByType.has(type);
}

/** Parses a stored event with its contract schema; throws EventDecodeError when it does not fit. */
export function deserializeEvent(recorded: RecordedEvent): DomainEnvelope {
  const schema = schemaByType.get(recorded.type);
  if (!schema) throw new EventDecodeError(recorded.event_id, recorded.type, 'unknown event type');
  const parsed = schema.safeParse({ type: recorded.type, data: recorded.data });
  if (!parsed.success) throw new EventDecodeError(recorded.event_id, recorded.type, parsed.error.message);
  const metadata = EventMetadataSchema.safeParse(recorded.metadata);
  if (!metadata.success) throw new EventDecodeError(recorded.event_id, recorded.type, metadata.error.message);
  return {
    event_id: recorded.event_id,
    type: parsed.data.type,
    data: parsed.data.data,
    metadata: metadata.data,
    stream_id: recorded.stream_id,
    revision: recorded.revision,
    position: recorded.position,
    recorded_at: recorded.recorded_at,
  } as DomainEnvelope;
}

/**
 * An event's envelope with its metadata validated and without its data (neither decrypted nor
 * validated): for a projection that reads only the envelope (Projection.metadataOnly). Throws
 * EventDecodeError on an unknown type or bad metadata, as deserializeEvent does.
 */
export function deserializeMetadata(recorded: RecordedEvent): DomainEnvelope {
  if (!schemaByType.has(recorded.type)) throw new EventDecodeError(recorded.event_id, recorded.type, 'unknown event type');
  const metadata = EventMetadataSchema.safeParse(recorded.metadata);
  if (!metadata.success) throw new EventDecodeError(recorded.event_id, recorded.type, metadata.error.message);
  const { event_id, type, stream_id, revision, position, recorded_at } = recorded;
  return { event_id, type, data: undefined, metadata: metadata.data, stream_id, revision, position, recorded_at } as unknown as DomainEnvelope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person an event's personal fields are about: the event's `user_id` when it has one (a
 * registration, a profile or job created for a user; null for jobs nobody owns), otherwise the
 * acting user. System actors (catalogue sync, expiry) are no data subject: nothing is encrypted.
 */
export function dataSubjectOf(event: DomainEvent, metadata: NewEventMetadata): string | null {
  const data = event.data as Record<string, unknown>;
  if ('user_id' in data) return typeof data.user_id === 'string' ? data.user_id : null;
  return metadata.actor && UUID.test(metadata.actor) ? metadata.actor : null;
}

/**
 * Serializer with per-subject encryption; without a key store it reads and writes plain events.
 * Every event written is read back by several subscribers in this process; the plaintexts of
 * the fields it encrypted or decrypted recently (OpenedFields) spare them the AES work, never
 * the key lookup.
 */
export class EventSerializer {
  private readonly opened = new OpenedFields();

  constructor(readonly keys: KeyStore | null) {}

  /** Drops the remembered plaintexts (an erasure calls it after destroying the subject's keys). */
  forgetOpenedFields(): void {
    this.opened.clear();
  }

  async serialize(event: DomainEvent, metadata: NewEventMetadata): Promise<EventData> {
    assertEncodable(event);
    const stored = serializeEvent(event, metadata);
    const paths = PersonalPaths[event.type];
    const subject = this.keys && paths.length > 0 ? dataSubjectOf(event, metadata) : null;
    if (!subject || !this.keys) return stored;
    return { ...stored, data: encryptPaths(stored.data, paths, await this.keys.keyFor(subject), this.opened) };
  }

  /** The stored event with its personal fields decrypted (or erased); throws EventDecodeError on tampering. */
  async open(recorded: RecordedEvent): Promise<RecordedEvent> {
    return (await this.decrypt(recorded)).recorded;
  }

  async deserialize(recorded: RecordedEvent): Promise<DomainEnvelope> {
    const { recorded: opened, erased } = await this.decrypt(recorded);
    try {
      return deserializeEvent(opened);
    } catch (error) {
      // An erased e-mail or URL no longer fits its schema; the event was valid when recorded.
      if (!erased) throw error;
      return { ...opened, data: opened.data, metadata: opened.metadata } as unknown as DomainEnvelope;
    }
  }

  private async decrypt(recorded: RecordedEvent): Promise<{ recorded: RecordedEvent; erased: boolean }> {
    if (!this.keys) return { recorded, erased: false };
    try {
      const { data, erased } = await decryptAll(recorded.data, this.keys, this.opened);
      return { recorded: data === recorded.data ? recorded : { ...recorded, data }, erased };
    } catch (error) {
      throw new EventDecodeError(recorded.event_id, recorded.type, error instanceof Error ? error.message : String(error));
    }
  }
}

/** Reads and writes plain events: for tests and for event types without personal fields. */
export const plainSerializer = new EventSerializer(null);
