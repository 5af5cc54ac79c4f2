/**
 * A relay in its own process, for the kill test in test/integration/relay-kafka.test.ts:
 * embedded store in RELAY_STORE_DIR, checkpoints in MongoDB (MONGODB_URL, RELAY_MONGO_DB),
 * Kafka at KAFKA_BROKERS. Prints its status as one JSON line every few milliseconds.
 */
import { createKafkaBus } from '../../../src/bus/kafka';
import { openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { connectMongoReadStore } from '../../../src/read-store/mongo';
import { EventRelay } from '../../../src/relay';
import { silentLogger } from '../../../src/shared/logger';

async function main(): Promise<void> {
  const env = (name: string) => process.env[name] ?? fail(`${name} must be set`);
  const store = await openEmbeddedEventStore(env('RELAY_STORE_DIR'));
  const readStore = await connectMongoReadStore(env('MONGODB_URL'), env('RELAY_MONGO_DB'));
  const bus = createKafkaBus({ brokers: env('KAFKA_BROKERS').split(','), client_id: 'jobwise-relay-kill-test' });
  const relay = new EventRelay(store, bus, readStore, silentLogger(), { max_batch: Number(process.env.RELAY_MAX_BATCH ?? 20) });
  await relay.start();
  setInterval(() => process.stdout.write(`${JSON.stringify(relay.snapshot())}\n`), 2);
}

function fail(message: string): never {
  throw new Error(message);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
