import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Kafka, logLevel } from 'kafkajs';
import { ALL_INTEGRATION_TOPICS, IntegrationEvent, IntegrationTopics } from '../../contracts/integration';
import { CheckpointStore } from '../../src/read-store/checkpoints';
import { createKafkaBus } from '../../src/bus/kafka';
import { MessageBus } from '../../src/bus/port';
import { openEmbeddedEventStore } from '../../src/event-store/embedded';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { connectMongoReadStore, MongoReadStore } from '../../src/read-store/mongo';
import { ReadStore } from '../../src/read-store/port';
import { EventRelay, RelayStatus, RELAY_CHECKPOINT } from '../../src/relay';
import { silentLogger } from '../../src/shared/logger';
import { deadLetterTopic } from '../../src/bus/retry';
import { kafkaInstallDir, startPrivateKafka, type PrivateKafka } from '../support/private-kafka';
import { brokerList, onBackends } from '../support/real-backends';
import { sampleHistory } from '../unit/relay/samples';
import { AppendedStream, appendInterleaved, profileStream } from '../unit/relay/streams';

const brokers = brokerList(process.env.KAFKA_BROKERS ?? '');
const mongoUrl = process.env.MONGODB_URL;

onBackends(['KAFKA_BROKERS'], 'event relay on Kafka', () => {
  describe('event relay on Kafka', () => {
    jest.setTimeout(120_000);
    let dir: string;
    let readStore: ReadStore;
    let appended: AppendedStream[];
    const database = `jobwise_relay_${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'jobwise-relay-kafka-'));
      readStore = mongoUrl ? await connectMongoReadStore(mongoUrl, database) : new EmbeddedReadStore();
      const store = await openEmbeddedEventStore(dir);
      // 16 profile streams of 15 events and 4 users (5 events and an internal e-mail claim each).
      const streams = [...Array.from({ length: 16 }, () => profileStream(15)), ...Array.from({ length: 4 }, () => sampleHistory().streams.slice(0, 2)).flat()];
      appended = (await appendInterleaved(store, streams)).appended;
      await store.close();
    });

    afterAll(async () => {
      if (readStore instanceof MongoReadStore) await readStore.dropDatabase();
      await readStore?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('delivers every event when the relay is killed mid-stream and restarted (duplicates allowed, none lost)', async () => {
      const total = appended.filter((s) => s.published).reduce((n, s) => n + s.event_ids.length, 0);
      expect(total).toBe(260);

      const killedAt = mongoUrl ? await killRelayProcess(dir, database, 100) : await abandonRelay(dir, readStore, 100);
      const checkpoint = await new CheckpointStore(readStore).load(RELAY_CHECKPOINT);
      expect(checkpoint > '').toBe(true);

      const store = await openEmbeddedEventStore(dir);
      const bus = createKafkaBus({ brokers, client_id: 'jobwise-relay-test' });
      const relay = new EventRelay(store, bus, readStore, silentLogger(), { max_batch: 20 });
      try {
        await relay.start();
        await relay.waitFor(await store.headPosition(), 60_000);
        expect(relay.snapshot().checkpoint >= checkpoint).toBe(true);
      } finally {
        await relay.stop();
        await bus.close();
        await store.close();
      }

      const wanted = new Set(appended.flatMap((s) => (s.published ? s.event_ids : [])));
      const received = await consumeAll(wanted);
      const firsts = new Map<string, string[]>();
      for (const { key, event_id } of received) {
        const ids = firsts.get(key) ?? [];
        if (!ids.includes(event_id)) firsts.set(key, [...ids, event_id]);
      }
      expect(firsts).toEqual(new Map(appended.filter((s) => s.published).map((s) => [s.stream_id, s.event_ids])));
      const duplicates = received.length - wanted.size;
      process.stdout.write(`relay-kafka: killed at ${killedAt.events_published} published, ${duplicates} duplicate(s) after restart\n`);
    });
  });
});

onBackends(['KAFKA_BROKERS'], 'event relay topics on a fresh broker', () => {
  if (!kafkaInstallDir() && process.env.CI !== 'true') {
    describe.skip('event relay topics (run `npm run infra:up` to install Kafka)', () => it('needs the Kafka install', () => undefined));
    return;
  }

  /** A private broker, like production: `auto.create.topics.enable=false`, and no topic yet. */
  describe('event relay topics on a fresh broker', () => {
    jest.setTimeout(120_000);
    let kafka: PrivateKafka | undefined;
    let dir: string;

    beforeAll(async () => {
      kafka = await startPrivateKafka();
      dir = await mkdtemp(join(tmpdir(), 'jobwise-relay-topics-'));
      await warmUpGroupCoordinator(kafka.brokers);
    }, 90_000);

    afterAll(async () => {
      await kafka?.dispose();
      if (dir) await rm(dir, { recursive: true, force: true });
    }, 60_000);

    it('given a started relay and no event yet, when a plain consumer subscribes to every public and dead-letter topic, then it does not crash and receives the first event', async () => {
      const brokers = [kafka!.brokers];
      const store = await openEmbeddedEventStore(dir);
      const bus = createKafkaBus({ brokers, client_id: 'jobwise-relay-topics', topic_partitions: 2, replication_factor: 1 });
      const relay = new EventRelay(store, bus, new EmbeddedReadStore(), silentLogger(), { max_batch: 20 });
      const client = new Kafka({ brokers, clientId: 'jobwise-early-consumer', logLevel: logLevel.NOTHING });
      const admin = client.admin();
      const consumer = client.consumer({ groupId: `early-${randomUUID()}`, maxWaitTimeInMs: 200, allowAutoTopicCreation: false });
      const crashes: unknown[] = [];
      consumer.on(consumer.events.CRASH, ({ payload }) => crashes.push(payload.error));
      const received: { topic: string; event_type: string | undefined }[] = [];
      try {
        await relay.start();
        expect(await store.headPosition()).toBe('');

        const owned = ALL_INTEGRATION_TOPICS.flatMap((topic) => [topic, deadLetterTopic(topic)]);
        await consumer.connect();
        await consumer.subscribe({ topics: owned, fromBeginning: true });
        await consumer.run({ eachMessage: async ({ topic, message }) => void received.push({ topic, event_type: message.headers?.event_type?.toString() }) });

        await admin.connect();
        const { topics } = await admin.fetchTopicMetadata({ topics: owned });
        expect(topics.map((topic) => [topic.name, topic.partitions.length]).sort()).toEqual(owned.map((name) => [name, 2]).sort());

        const user = sampleHistory().streams.find((stream) => stream.stream_id.startsWith('user-'))!;
        const { head } = await appendInterleaved(store, [{ ...user, events: user.events.slice(0, 1) }]);
        await relay.waitFor(head, 30_000);
        const deadline = Date.now() + 30_000;
        while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

        expect(received).toEqual([{ topic: IntegrationTopics.users, event_type: 'user.registered' }]);
        expect(crashes.map(String).filter((error) => /does not host this topic-partition/i.test(error))).toEqual([]);
        expect(crashes).toEqual([]);
      } finally {
        await consumer.disconnect();
        await admin.disconnect();
        await relay.stop();
        await bus.close();
        await store.close();
      }
    });
  });
});

/**
 * A broker's first consumer group makes it create `__consumer_offsets`, and until that is loaded
 * a joining consumer may crash with "The coordinator is loading" — a broker start-up race that
 * has nothing to do with our topics. One throwaway group joins first, so the test below sees
 * only what it is about.
 */
async function warmUpGroupCoordinator(brokers: string): Promise<void> {
  const client = new Kafka({ brokers: [brokers], clientId: 'warm-up', logLevel: logLevel.NOTHING });
  const admin = client.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'warm-up', numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const consumer = client.consumer({ groupId: 'warm-up', retry: { retries: 20 } });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topics: ['warm-up'] });
  await consumer.run({ eachMessage: async () => undefined });
  await joined;
  await consumer.disconnect();
}

/** Runs the relay in a child process and kills it with SIGKILL once it published `after` events. */
async function killRelayProcess(dir: string, database: string, after: number): Promise<RelayStatus> {
  const child = spawn(process.execPath, ['-e', TS_REGISTER, join(__dirname, '../unit/relay/relay-process.ts')], {
    env: { ...process.env, RELAY_STORE_DIR: dir, RELAY_MONGO_DB: database, RELAY_MAX_BATCH: '20' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const status = await new Promise<RelayStatus>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`relay process exited (${code}) before the kill: ${stderr}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const status = JSON.parse(line) as RelayStatus;
        if (status.events_published < after) return;
        child.kill('SIGKILL');
        resolve(status);
      });
    });
    expect(status.events_published).toBeLessThan(260);
    return status;
  } finally {
    kill(child);
    await exited;
  }
}

/**
 * Without MongoDB the checkpoint lives in this process: the first relay's broker then stops
 * acknowledging (its last batch may or may not have reached Kafka) and the relay is abandoned.
 */
async function abandonRelay(dir: string, readStore: ReadStore, after: number): Promise<RelayStatus> {
  const store = await openEmbeddedEventStore(dir);
  const kafka = createKafkaBus({ brokers, client_id: 'jobwise-relay-test' });
  let published = 0;
  const dying: MessageBus = {
    publish: async (topic, messages) => {
      if (published >= after) await new Promise(() => undefined);
      await kafka.publish(topic, messages);
      published += messages.length;
      if (published >= after) await new Promise(() => undefined);
    },
    subscribe: (options) => kafka.subscribe(options),
    ensureTopics: (topics) => kafka.ensureTopics(topics),
    ping: () => kafka.ping(),
    close: () => kafka.close(),
  };
  const relay = new EventRelay(store, dying, readStore, silentLogger(), { max_batch: 20 });
  await relay.start();
  const deadline = Date.now() + 30_000;
  while (published < after && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  const status = relay.snapshot();
  void relay.stop(); // never resolves: its publish hangs; it only stops the subscription
  await kafka.close();
  await store.close();
  return status;
}

function kill(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Reads the integration topics from the beginning with a plain kafkajs consumer until every wanted id arrived. */
async function consumeAll(wanted: Set<string>): Promise<{ key: string; event_id: string }[]> {
  const kafka = new Kafka({ brokers, clientId: 'jobwise-relay-verifier', logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `relay-verifier-${randomUUID()}`, maxWaitTimeInMs: 200 });
  const received: { key: string; event_id: string }[] = [];
  const seen = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [IntegrationTopics.users, IntegrationTopics.profiles], fromBeginning: true });
    let done!: () => void;
    const complete = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event_id = message.headers?.event_id?.toString() ?? '';
        if (!wanted.has(event_id)) return;
        const event = IntegrationEvent.parse(JSON.parse(message.value!.toString()));
        expect(event.event_id).toBe(event_id);
        const header = (name: string) => message.headers?.[name]?.toString();
        expect([header('event_type'), header('schema_version'), header('correlation_id')]).toEqual([event.event_type, '1', event.correlation_id]);
        expect(header('source_position')).toMatch(/.+/);
        received.push({ key: message.key!.toString(), event_id });
        seen.add(event_id);
        if (seen.size === wanted.size) done();
      },
    });
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`only ${seen.size} of ${wanted.size} events arrived`)), 60_000)));
    await Promise.race([complete, timeout]);
    return received;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}

/** Loads TypeScript in the child process by transpiling each file (no type check; the parent suite has one). */
const TS_REGISTER = `
const ts = require('typescript');
const fs = require('fs');
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true },
  });
  module._compile(outputText, filename);
};
require(process.argv[1]);
`;
