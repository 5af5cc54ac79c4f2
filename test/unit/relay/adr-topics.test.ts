import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_INTEGRATION_TOPICS, IntegrationEventsByTopic } from '../../../contracts/integration';

const ADR = join(__dirname, '../../../docs/decisions/0005-relay-and-integration-events.md');

/** `a.{b,c}_{d,e}` → a.b_d, a.b_e, a.c_d, a.c_e */
function expand(pattern: string): string[] {
  const match = /\{([^}]*)\}/.exec(pattern);
  if (!match) return [pattern];
  return match[1].split(',').flatMap((part) => expand(pattern.slice(0, match.index) + part + pattern.slice(match.index + match[0].length)));
}

/** The ADR's topics table: topic → event types (`none yet` → none). */
function documentedTopics(): Map<string, string[]> {
  const rows = readFileSync(ADR, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `jobwise.'));
  return new Map(
    rows.map((row) => {
      const [topic, , events] = row.split('|').slice(1, 4).map((cell) => cell.trim());
      const types = events.startsWith('none yet') ? [] : events.split(/,\s*(?![^{]*\})/).flatMap((cell) => expand(cell.replace(/`/g, '').trim()));
      return [topic.replace(/`/g, ''), types.sort()];
    }),
  );
}

describe('ADR 0005 topics table', () => {
  it('lists every integration topic with exactly the events its contract defines', () => {
    const defined = new Map(
      ALL_INTEGRATION_TOPICS.map((topic) => [topic, IntegrationEventsByTopic[topic].map((schema) => schema.shape.event_type.value as string).sort()]),
    );
    expect(documentedTopics()).toEqual(defined);
  });
});
