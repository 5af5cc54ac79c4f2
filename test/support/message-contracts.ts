import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asyncApiDocument } from '../../contracts/asyncapi/document';
import { ALL_INTEGRATION_TOPICS, IntegrationEvent } from '../../contracts/integration';
import { ConsumedMessage, Consumer, MessageBus } from '../../src/bus/port';

/**
 * Checks a published message against every form of its contract: the zod schema, the committed
 * JSON Schema file (contracts/schemas/integration/<event_type>.json) and the AsyncAPI
 * document's headers and key. The JSON Schema validator is the ajv 8 that @asyncapi/parser
 * brings along (the top-level ajv is eslint's ajv 6, which knows no draft 2020-12).
 */
type Validate = ((value: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
interface AjvInstance {
  compile(schema: object): Validate;
}
const parserDir = dirname(require.resolve('@asyncapi/parser'));
const load = (name: string) => (require(require.resolve(name, { paths: [parserDir] })) as { default: unknown }).default;
const Ajv2020 = load('ajv/dist/2020') as new (options: object) => AjvInstance;
const Ajv7 = load('ajv') as new (options: object) => AjvInstance;
const addFormats = load('ajv-formats') as (ajv: AjvInstance) => void;

const SCHEMAS = join(__dirname, '../../contracts/schemas/integration');

interface AsyncApiMessage {
  name: string;
  headers: object;
  bindings: { kafka: { key: object } };
}

export function messageContracts() {
  const files = new Ajv2020({ allErrors: true, strict: true });
  const asyncapi = new Ajv7({ allErrors: true, strict: true });
  addFormats(files);
  addFormats(asyncapi);
  const messages = Object.values((asyncApiDocument() as { components: { messages: Record<string, AsyncApiMessage> } }).components.messages);
  const bodies = new Map<string, Validate>();
  const headers = new Map<string, Validate>();
  const keys = new Map<string, Validate>();
  for (const m of messages.filter((m) => !m.name.endsWith('.dlq'))) {
    bodies.set(m.name, files.compile(JSON.parse(readFileSync(join(SCHEMAS, `${m.name}.json`), 'utf8'))));
    headers.set(m.name, asyncapi.compile(m.headers));
    keys.set(m.name, asyncapi.compile(m.bindings.kafka.key));
  }
  const check = (what: string, validate: Validate | undefined, value: unknown): string[] => {
    if (!validate) return [`${what}: no schema`];
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${what}${e.instancePath} ${e.message}`);
  };

  /** Every way `message` breaks its contract (an empty list when it keeps it). */
  return (message: ConsumedMessage): string[] => {
    const type = String(message.value.event_type);
    const parsed = IntegrationEvent.safeParse(message.value);
    return [
      ...(parsed.success ? [] : parsed.error.issues.map((issue) => `zod ${issue.path.join('.')}: ${issue.message}`)),
      ...check('json schema', bodies.get(type), message.value),
      ...check('headers', headers.get(type), message.headers),
      ...check('key', keys.get(type), message.key),
      ...(message.key === message.value.source_stream ? [] : ['key is not source_stream']),
    ].map((problem) => `${type} ${message.headers.event_id}: ${problem}`);
  };
}

/** Every message published on the integration topics, read by a fresh consumer group from the beginning. */
export async function captureIntegrationTopics(bus: MessageBus): Promise<{ messages: ConsumedMessage[]; consumer: Consumer }> {
  const messages: ConsumedMessage[] = [];
  const consumer = await bus.subscribe({
    group_id: `contract-probe-${randomUUID()}`,
    topics: [...ALL_INTEGRATION_TOPICS],
    from_beginning: true,
    handler: async (message) => void messages.push(message),
  });
  return { messages, consumer };
}
