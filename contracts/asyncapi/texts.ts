import { IntegrationTopic } from '../integration';

/** The headers a dead-lettered message gets next to its original ones (src/bus/retry.ts, deadLetterHeaders). */
export const DEAD_LETTER_HEADERS = {
  'x-error': { type: 'string', maxLength: 1000, description: 'The last error, `<name>: <message>`.' },
  'x-original-topic': { type: 'string' },
  'x-original-partition': { type: 'string', pattern: '^[0-9]+$' },
  'x-original-offset': { type: 'string', pattern: '^[0-9]+$' },
  'x-attempts': { type: 'string', pattern: '^[0-9]+$', description: 'Handler attempts made; 0 for a value no handler could decode.' },
};

export const SERVICE_DESCRIPTION = `JobWise publishes what happens to each of its aggregates (one topic each, the channels below) as
integration events on Kafka: a public, personal-data-free projection of its stored domain events
(ADR 0005, docs/decisions/0005-relay-and-integration-events.md). The event store is the outbox:
one relay reads every stored event from its checkpoint and publishes the mapped integration event.

## Envelope
Every message value is a JSON object: event_id, event_type (\`<aggregate>.<snake_case past tense>\`),
schema_version, occurred_at (ISO-8601), correlation_id, source_stream, source_revision and data.
Headers repeat event_id, event_type, schema_version and correlation_id as UTF-8 strings, plus
source_position. The key is the source stream id, \`<aggregate>-<id>\`. Data schemas are strict:
a field not in the schema fails validation. The same schemas are in contracts/schemas/integration/
as JSON Schema (draft 2020-12) files, one per event type, generated from the zod contracts in
contracts/integration/.

## Ordering
Per key only. A stream's events go to one partition (the key is the source stream), in the
order they were stored (source_revision counts up by one within a stream). There is no order
across keys, so none across aggregates or topics: a generation.requested may arrive before the
profile.created it refers to.

## Delivery
At least once. The relay moves its checkpoint only after the broker acknowledged a batch, so a
crash or a failed publish republishes a batch: duplicates of a stream's events may follow later.
Consumers deduplicate by event_id (the stored event's id) and keep their offsets and their own
state consistently. Replaying history to a new consumer group needs nothing from JobWise: read
the topic from the beginning (retention permitting).

## Partitions and dead letters
The relay creates every topic before it publishes, with KAFKA_TOPIC_PARTITIONS partitions
(default 3) and KAFKA_REPLICATION_FACTOR replicas (default 1); a topic's partition count is
fixed when it is created. Each topic has a dead-letter topic \`<topic>.dlq\`, where JobWise's own
consumers of that topic (process manager, document keeper) put a message they could not handle
after their retries. A consumer outside JobWise owns its own error handling.

## Versioning and deprecation
schema_version is in every body and in the schema_version header. Adding an optional field or a
new event type is not breaking: consumers ignore event types they do not know. A breaking
change (removing or renaming a field, changing its type or meaning, making it required) never
happens in place: the event gets a new schema_version and the topic a new name (\`.v2\`), which the
relay publishes in parallel with the old one. The old topic is then deprecated: it stays
published, marked deprecated in this document, for at least 90 days and until every known
consumer group moved, and only then stops. An event type is retired the same way.

## No personal data
Integration events carry ids, event types, timestamps, dates, statuses, counts, skills and
scores. Never names, e-mail addresses, phone numbers, postal addresses or locations, URLs of a
person, passwords, tokens, share links, or any free text a user wrote (summaries, descriptions,
achievements, titles, companies, notes, tags, generated documents). A job's title and company
appear only in job.created of a public posting nobody owns (user_id null). A unit test maps
realistic histories with a marker in every personal field and fails if one reaches a message.
After user.erased the user's ids may still appear in later events (deletions), but nothing
that identifies the person.`;

/** The channel text of a topic: its key and what it carries. */
export function describeTopic(topic: IntegrationTopic, event_types: string[]): string {
  const aggregate = topic.split('.')[1].replace(/s$/, '');
  return [
    `The ${aggregate} events, ${event_types.length} types: ${event_types.join(', ')}.`,
    `Key: \`${aggregate}-<id>\`, the source stream, so one ${aggregate}'s events are in order.`,
    `Every message is valid against contracts/schemas/integration/<event_type>.json.`,
  ].join('\n');
}
