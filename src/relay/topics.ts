import { ALL_INTEGRATION_TOPICS } from '../../contracts/integration';
import { deadLetterTopic } from '../bus/retry';

/**
 * Every topic the relay owns: the public integration topics (contracts/integration/topics.ts),
 * including those without events yet, and the dead-letter topic of each, where their
 * consumers' poison messages go. Created in `EventRelay.start()` before anything is published,
 * so a consumer may subscribe before the first event.
 */
export function relayTopics(): string[] {
  return ALL_INTEGRATION_TOPICS.flatMap((topic) => [topic, deadLetterTopic(topic)]);
}
