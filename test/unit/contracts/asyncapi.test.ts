import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { ALL_INTEGRATION_TOPICS, IntegrationEventsByTopic } from '../../../contracts/integration';
import { ASYNCAPI_FILE, asyncApiDocument, asyncApiYaml } from '../../../contracts/asyncapi/document';

const file = join(__dirname, '../../../', ASYNCAPI_FILE);
const committed = existsSync(file) ? readFileSync(file, 'utf8') : '<missing>';

/** Spectral's severities: 0 error, 1 warning, 2 information, 3 hint. */
const ERROR = 0;
const WARNING = 1;

describe('contracts/asyncapi.yaml', () => {
  it('is what the generator writes from the zod contracts (run `npm run contracts:generate` after changing a contract)', () => {
    const stale = committed !== asyncApiYaml();
    expect({ stale, fix: stale ? 'npm run contracts:generate' : 'none' }).toEqual({ stale: false, fix: 'none' });
  });

  it('validates with the official AsyncAPI parser, without errors or warnings', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    const problems = diagnostics
      .filter((d) => d.severity === ERROR || d.severity === WARNING)
      .map((d) => `${d.severity === ERROR ? 'error' : 'warning'} ${d.code} at ${d.path.join('.')}: ${d.message}`);
    expect(problems).toEqual([]);
    expect(document?.channels().all().map((channel) => channel.address()).sort()).toEqual(
      ALL_INTEGRATION_TOPICS.flatMap((topic) => [topic, `${topic}.dlq`]).sort(),
    );
  }, 60_000);

  it('has a message for every integration event of each topic, with its schema_version in payload and headers', () => {
    const document = asyncApiDocument() as {
      channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
      components: { messages: Record<string, { headers: { properties: { schema_version: { const: string } } } }>; schemas: Record<string, { properties: { schema_version: { const: number } } }> };
    };
    for (const topic of ALL_INTEGRATION_TOPICS) {
      const channel = Object.values(document.channels).find((c) => c.address === topic)!;
      const described = Object.keys(channel.messages).map((name) => ({
        name,
        header: document.components.messages[name].headers.properties.schema_version.const,
        body: document.components.schemas[name].properties.schema_version.const,
      }));
      const defined = IntegrationEventsByTopic[topic].map((schema) => String(schema.shape.schema_version.value));
      expect(described.map((d) => d.header)).toEqual(defined);
      expect(described.map((d) => String(d.body))).toEqual(defined);
    }
  });
});
