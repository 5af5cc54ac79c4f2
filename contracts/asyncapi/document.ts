import { z } from 'zod';
import { ALL_INTEGRATION_TOPICS, IntegrationEventsByTopic, IntegrationTopic } from '../integration';
import { toYaml } from './yaml';
import { DEAD_LETTER_HEADERS, describeTopic, SERVICE_DESCRIPTION } from './texts';

/**
 * The AsyncAPI 3.0 document of the integration topics (`contracts/asyncapi.yaml`), generated
 * from the zod contracts like the JSON Schema files: a channel per topic and per dead-letter
 * topic, a message per integration event with its headers, key and payload, and the service's
 * `send` operations. `npm run contracts:generate` writes it; a test fails when it is stale.
 */
export const ASYNCAPI_FILE = 'contracts/asyncapi.yaml';

/** Partitions of a topic the relay creates (`KAFKA_TOPIC_PARTITIONS`, default 3). */
export const DEFAULT_PARTITIONS = 3;

type Schema = Record<string, unknown>;
type IntegrationSchema = (typeof IntegrationEventsByTopic)[IntegrationTopic][number];

/** The aggregate a topic is about: `jobwise.profiles.v1` → `profile` (also its keys' prefix). */
export const topicAggregate = (topic: IntegrationTopic): string => topic.split('.')[1].replace(/s$/, '');

/** `profile.experience_added` → `profileExperienceAdded`, an AsyncAPI component key. */
const componentKey = (name: string): string => name.replace(/[._]([a-z])/g, (_, c: string) => c.toUpperCase());
const topicKey = (topic: IntegrationTopic): string => `${topicAggregate(topic)}s`;
const ref = (path: string) => ({ $ref: `#/components/${path}` });

/** The relay's headers on every message (`toBusMessage` in src/relay/mapping.ts), all strings. */
export function messageHeaders(event_type: string, schema_version: number): Schema {
  return {
    type: 'object',
    required: ['event_id', 'event_type', 'schema_version', 'correlation_id', 'source_position'],
    properties: {
      event_id: { type: 'string', format: 'uuid', description: 'The event id, as in the body: deduplicate with it.' },
      event_type: { type: 'string', const: event_type, description: 'As in the body: route on it without parsing the value.' },
      schema_version: { type: 'string', const: String(schema_version), description: 'The body’s schema_version as a decimal string.' },
      correlation_id: { type: 'string', minLength: 1, maxLength: 200, description: 'The request or process the event belongs to.' },
      source_position: { type: 'string', minLength: 1, description: 'Global position of the stored event (for operators; opaque).' },
      replay: { type: 'string', const: 'true', description: 'Present on messages an admin re-published from history (POST /admin/replays): the event happened before; act on it only to rebuild analytics. JobWise’s own consumers ignore them.' },
      replay_id: { type: 'string', format: 'uuid', description: 'The replay a re-published message belongs to.' },
    },
  };
}

/** A dead letter keeps the relay's headers (any of the topic's event types) and gets the x- ones. */
function deadLetterHeaders(): Schema {
  const original = messageHeaders('', 0) as { required: string[]; properties: Record<string, Schema> };
  const properties = { ...original.properties, event_type: { type: 'string' }, schema_version: { type: 'string', pattern: '^[0-9]+$' }, ...DEAD_LETTER_HEADERS };
  return { type: 'object', required: [...original.required, ...Object.keys(DEAD_LETTER_HEADERS)], properties };
}

/** Message key: the source stream, `<aggregate>-<id>`. */
export const keySchema = (topic: IntegrationTopic): Schema => ({
  type: 'string',
  pattern: `^${topicAggregate(topic)}-.+$`,
  description: 'The source stream id: every event of one stream has the same key, so lands in one partition, in order.',
});

/** The payload schema as draft-07 JSON Schema (AsyncAPI's default schema format), without `$schema`. */
function payloadSchema(schema: IntegrationSchema): Schema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any' }) as Schema;
  return rest;
}

function message(topic: IntegrationTopic, schema: IntegrationSchema): Schema {
  const event_type = schema.shape.event_type.value;
  const schema_version = schema.shape.schema_version.value;
  const description = schema.shape.data.description;
  return {
    name: event_type,
    title: `${event_type} v${schema_version}`,
    summary: `${event_type}, schema_version ${schema_version}. JSON Schema: contracts/schemas/integration/${event_type}.json`,
    ...(description ? { description } : {}),
    contentType: 'application/json',
    correlationId: { location: '$message.header#/correlation_id' },
    headers: messageHeaders(event_type, schema_version),
    payload: ref(`schemas/${componentKey(event_type)}`),
    bindings: { kafka: { key: keySchema(topic), bindingVersion: '0.5.0' } },
  };
}

const channelBindings = (topic: string) => ({ kafka: { topic, partitions: DEFAULT_PARTITIONS, bindingVersion: '0.5.0' } });

export function asyncApiDocument(): Schema {
  const channels: Schema = {};
  const operations: Schema = {};
  const messages: Schema = {};
  const schemas: Schema = {};
  for (const topic of ALL_INTEGRATION_TOPICS) {
    const key = topicKey(topic);
    const events = IntegrationEventsByTopic[topic];
    const names = events.map((schema) => componentKey(schema.shape.event_type.value));
    events.forEach((schema, i) => {
      messages[names[i]] = message(topic, schema);
      schemas[names[i]] = payloadSchema(schema);
    });
    const channelMessages = Object.fromEntries(names.map((name) => [name, ref(`messages/${name}`)]));
    channels[key] = {
      address: topic,
      title: topic,
      description: describeTopic(topic, events.map((schema) => schema.shape.event_type.value)),
      messages: channelMessages,
      bindings: channelBindings(topic),
    };
    channels[`${key}DeadLetter`] = {
      address: `${topic}.dlq`,
      title: `${topic}.dlq`,
      description:
        `Dead-letter topic of ${topic}: a message a consumer of this service could not handle after its retries, ` +
        `unchanged (same key, value and headers) plus the ${Object.keys(DEAD_LETTER_HEADERS).join(', ')} headers. ` +
        'For operators; analytics consumers need not read it.',
      messages: { [`${key}DeadLetter`]: ref(`messages/${key}DeadLetter`) },
      bindings: channelBindings(`${topic}.dlq`),
    };
    messages[`${key}DeadLetter`] = {
      name: `${topic}.dlq`,
      title: `Dead letter of ${topic}`,
      contentType: 'application/json',
      headers: deadLetterHeaders(),
      payload: { oneOf: names.map((name) => ref(`schemas/${name}`)) },
      bindings: { kafka: { key: keySchema(topic), bindingVersion: '0.5.0' } },
    };
    operations[`publish${componentKey(`_${key}`)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${key}` },
      title: `Publish ${topic}`,
      summary: `The relay publishes every ${topicAggregate(topic)} event once the event store has it (at least once).`,
      messages: names.map((name) => ({ $ref: `#/channels/${key}/messages/${name}` })),
    };
    operations[`deadLetter${componentKey(`_${key}`)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${key}DeadLetter` },
      title: `Dead-letter ${topic}`,
      summary: `This service's own consumers of ${topic} send what they cannot handle here.`,
      messages: [{ $ref: `#/channels/${key}DeadLetter/messages/${key}DeadLetter` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'JobWise integration events',
      version: '1.0.0',
      description: SERVICE_DESCRIPTION,
      license: { name: 'UNLICENSED' },
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description: 'The Kafka cluster named by KAFKA_BROKERS (this host is a placeholder for a local broker).',
      },
    },
    channels,
    operations,
    components: { messages, schemas },
  };
}

export const asyncApiYaml = (): string =>
  `# Generated from the zod contracts by \`npm run contracts:generate\` (contracts/asyncapi/). Do not edit.\n${toYaml(asyncApiDocument())}`;
