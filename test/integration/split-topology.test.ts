import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { IntegrationTopics } from '../../contracts/integration';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb';
import { EventSerializer } from '../../src/event-store/serializer';
import { CollectionKeyStore } from '../../src/key-store/collection-key-store';
import { connectMongoReadStore } from '../../src/read-store/mongo';
import { ReadStore } from '../../src/read-store/port';
import { AppProcess, ensureBuilt } from '../support/app-processes';
import { TestServerProcess } from '../support/eventstoredb-server/process';
import { brokerList, onBackends } from '../support/real-backends';

/**
 * The split deployment end to end, as docker-compose runs it: two `api` processes, a
 * `projector` and a `relay`, each its own OS process of the built app, on the EventStoreDB test
 * server (a private one, so it can be killed), MongoDB-wire and Kafka. Kills under write load:
 * the projector (SIGKILL), the event store (SIGKILL and restart on the same port and data), the
 * relay (SIGKILL). Afterwards the read models equal the event store and every profile event is on
 * `jobwise.profiles.v1` at least once, in stream order.
 */

/** A request that takes longer than this counts as a hang. */
const REQUEST_DEADLINE_MS = 15_000;

interface Answer {
  status: number;
  ms: number;
  problem: boolean;
  body: Record<string, any>;
}

async function call(base: string, method: string, path: string, options: { body?: unknown; token?: string } = {}): Promise<Answer> {
  const started = Date.now();
  try {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
    });
    const text = await response.text();
    return {
      status: response.status,
      ms: Date.now() - started,
      problem: (response.headers.get('content-type') ?? '').startsWith('application/problem+json'),
      body: text ? (JSON.parse(text) as Record<string, any>) : {},
    };
  } catch (error) {
    return { status: -1, ms: Date.now() - started, problem: false, body: { error: (error as Error).message } };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, timeout_ms = 30_000): Promise<void> {
  const deadline = Date.now() + timeout_ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout_ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

const profileBody = (name: string) => ({
  personal_info: { full_name: name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, phone: null, location: 'Berlin, Germany', linkedin: null, github: null, website: null },
  professional_summary: `Engineer ${name}, writing through one process and reading through another.`,
  experiences: [],
  education: [],
  projects: [],
  skills: { technical: ['TypeScript'], soft: [], languages: [], certifications: [] },
});

onBackends(['KAFKA_BROKERS', 'MONGODB_URL'], 'split topology', ([brokers, mongoUrl]) => {
  describe('split topology: two api processes, a projector and a relay on EventStoreDB, MongoDB and Kafka', () => {
    jest.setTimeout(120_000);
    const database = `jobwise_split_${randomUUID().slice(0, 8)}`;
    let esdb: TestServerProcess;
    let events: EventStoreDbEventStore;
    let apis: AppProcess[];
    let projector: AppProcess;
    let relay: AppProcess;
    let consumer: Consumer;
    /** Reads the personal fields the apps encrypt (ADR 0009) with the keys they keep in MongoDB. */
    const master_key = Buffer.alloc(32, 9);
    let keyReadStore: ReadStore;
    let serializer: EventSerializer;
    /** Every profile this suite created, by id. */
    const profiles = new Map<string, { token: string }>();
    /** Revisions of profile streams as they arrived on the topic, by stream. */
    const published = new Map<string, number[]>();
    const answers: (Answer & { at: number; what: string })[] = [];

    beforeAll(async () => {
      ensureBuilt();
      esdb = await TestServerProcess.start({ args: ['--stats-interval-ms', '1000'] });
      events = await EventStoreDbEventStore.connect(esdb.connection_string);
      const env = {
        EVENTSTORE_CONNECTION_STRING: esdb.connection_string,
        MONGODB_URL: mongoUrl,
        MONGODB_DB: database,
        KAFKA_BROKERS: brokers,
        JWT_SECRET: 'split-topology-secret-of-sufficient-length',
        JOBWISE_MASTER_KEY: master_key.toString('base64'),
      };
      keyReadStore = await connectMongoReadStore(mongoUrl, database);
      serializer = new EventSerializer(new CollectionKeyStore(keyReadStore, master_key));
      [projector, relay, ...apis] = await Promise.all(['projector', 'relay', 'api', 'api'].map((role) => AppProcess.start(role, env)));

      consumer = new Kafka({ brokers: brokerList(brokers), clientId: 'split-topology-probe', logLevel: logLevel.NOTHING }).consumer({ groupId: `split-${randomUUID()}` });
      await consumer.connect();
      await consumer.subscribe({ topic: IntegrationTopics.profiles, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          // Everything is kept: the relay may publish a profile's first event before the api answered its create.
          const value = JSON.parse(message.value!.toString()) as { source_stream: string; source_revision: number };
          const revisions = published.get(value.source_stream) ?? [];
          revisions.push(value.source_revision);
          published.set(value.source_stream, revisions);
        },
      });
    }, 120_000);

    afterAll(async () => {
      await consumer?.disconnect();
      await Promise.all([...(apis ?? []), projector, relay].filter(Boolean).map((app) => app.stop()));
      await events?.close();
      await keyReadStore?.close();
      await esdb?.dispose();
      const client = await MongoClient.connect(mongoUrl);
      await client.db(database).dropDatabase();
      await client.close();
    }, 60_000);

    const api = (n: number) => apis[n % apis.length]!;
    const record = (what: string, answer: Answer) => {
      answers.push({ ...answer, what, at: Date.now() });
      return answer;
    };

    async function newUser(via: AppProcess): Promise<string> {
      const name = `Split ${randomUUID().slice(0, 8)}`;
      const registered = record('register', await call(via.url, 'POST', '/api/v1/auth/register', { body: { email: `${randomUUID()}@example.com`, password: 'correct horse battery', full_name: name } }));
      if (registered.status !== 201 && registered.status !== 202) throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);
      return registered.body.access_token as string;
    }

    async function newProfile(via: AppProcess, token: string): Promise<Answer> {
      const created = record('create profile', await call(via.url, 'POST', '/api/v1/profiles', { body: profileBody(`P ${randomUUID().slice(0, 6)}`), token }));
      if (created.status === 201 || created.status === 202) profiles.set(created.body.id ?? created.body.location?.split('/').pop(), { token });
      return created;
    }

    /**
     * Workers that each register, create a profile and then update its summary, alternating
     * between the two api processes, until `stop()`. Failed steps are retried (a new user or
     * profile when creating them failed).
     */
    function writeLoad(workers: number) {
      let running = true;
      const work = async (w: number) => {
        let n = w;
        let token: string | null = null;
        let profile: string | null = null;
        while (running) {
          n++;
          try {
            token ??= await newUser(api(n));
            if (!profile) {
              const created = await newProfile(api(n + 1), token);
              if (created.status === 201) profile = created.body.id as string;
              else if (created.status !== 202) await sleep(100);
              continue;
            }
            const summary = `Summary ${n} written through api ${n % 2}.`;
            const updated = record('update profile', await call(api(n).url, 'PUT', `/api/v1/profiles/${profile}`, { body: { professional_summary: summary }, token }));
            if (updated.status >= 500 || updated.status < 0) await sleep(100);
          } catch {
            await sleep(100);
          }
        }
      };
      const all = Array.from({ length: workers }, (_, w) => work(w));
      return {
        stop: async () => {
          running = false;
          await Promise.all(all);
        },
      };
    }

    /** Each of our profiles, read through each api, equals what its event stream says. */
    async function readModelsMatchTheStore(): Promise<boolean> {
      for (const [id, { token }] of profiles) {
        const stream = await Promise.all((await events.readStream(`profile-${id}`)).map((event) => serializer.open(event)));
        if (stream.length === 0) continue; // a create that failed
        const summaries = stream.map((event) => event.data.professional_summary).filter((summary) => summary !== undefined);
        for (const via of apis) {
          const read = await call(via.url, 'GET', `/api/v1/profiles/${id}`, { token });
          if (read.status !== 200 || read.body.version !== stream.length || read.body.professional_summary !== summaries[summaries.length - 1]) return false;
        }
      }
      return true;
    }

    it('given two api processes, when one writes, then the other reads the write at once', async () => {
      for (const [writer, reader] of [[0, 1], [1, 0]] as const) {
        const token = await newUser(api(writer));
        const created = await newProfile(api(writer), token);
        expect(created.status).toBe(201);
        const read = await call(api(reader).url, 'GET', `/api/v1/profiles/${created.body.id}`, { token });
        expect(read).toMatchObject({ status: 200, body: created.body });

        const updated = await call(api(reader).url, 'PUT', `/api/v1/profiles/${created.body.id}`, { body: { professional_summary: 'Updated through the other process.' }, token });
        expect(updated.status).toBe(200);
        expect((await call(api(writer).url, 'GET', `/api/v1/profiles/${created.body.id}`, { token })).body).toEqual(updated.body);
      }
    });

    it('given write load, when the projector is killed with SIGKILL and restarted, then the read models converge on the event store', async () => {
      const load = writeLoad(4);
      await sleep(2_000);
      await projector.kill();
      await sleep(1_500);
      await projector.restart();
      await sleep(2_000);
      await load.stop();

      const writes = answers.filter((answer) => answer.what !== 'register');
      expect(writes.filter((answer) => answer.status >= 500 || answer.status < 0)).toEqual([]);
      await until('the read models to match the event store', readModelsMatchTheStore, 30_000);
    });

    it('given write load, when the event store is killed and restarted, then the apis answer 5xx problem details quickly while it is down and recover by themselves', async () => {
      const load = writeLoad(4);
      await sleep(1_500);
      await esdb.kill();
      const down = Date.now();
      await sleep(2_500);
      const downFor = [down, Date.now()];
      await esdb.restart();
      const back = Date.now();
      await sleep(4_000);
      await load.stop();

      // Never a hang: every request was answered before the deadline.
      expect(answers.filter((answer) => answer.status < 0)).toEqual([]);
      const whileDown = answers.filter((answer) => answer.at > downFor[0]! + 200 && answer.at < downFor[1]!);
      expect(whileDown.length).toBeGreaterThan(0);
      for (const answer of whileDown) {
        if (answer.status < 500) continue; // e.g. a 202 for a write stored just before the kill
        expect(answer.problem).toBe(true);
        expect(answer.status).toBe(503);
        expect(answer.ms).toBeLessThan(REQUEST_DEADLINE_MS);
      }
      const recovered = answers.filter((answer) => answer.at > back + 3_000);
      expect(recovered.length).toBeGreaterThan(0);
      expect(recovered.filter((answer) => answer.status >= 500)).toEqual([]);
      await until('the read models to match the event store after its restart', readModelsMatchTheStore, 30_000);
    });

    it('given write load, when the relay is killed and restarted, then every profile event reaches Kafka at least once, in stream order', async () => {
      const load = writeLoad(3);
      await sleep(1_500);
      await relay.kill();
      await sleep(1_500);
      await relay.restart();
      await sleep(1_500);
      await load.stop();

      const lengths = new Map<string, number>();
      for (const id of profiles.keys()) {
        const stream = `profile-${id}`;
        const length = (await events.readStream(stream)).length;
        if (length > 0) lengths.set(stream, length);
      }
      const missing = () => [...lengths].filter(([stream, length]) => new Set(published.get(stream) ?? []).size !== length);
      await until('every profile event on the topic', () => missing().length === 0, 45_000).catch(async (error: Error) => {
        const status = await call(relay.url, 'GET', '/health/detailed');
        throw new Error(`${error.message}; missing: ${JSON.stringify(missing().map(([stream, length]) => [stream, length, published.get(stream)]))}; relay: ${JSON.stringify(status.body.relay)}`);
      });
      for (const [stream, length] of lengths) {
        const revisions = published.get(stream)!;
        // At least once, in order: each message is the next revision or a redelivery of an earlier one.
        let highest = -1;
        for (const revision of revisions) {
          expect(revision).toBeLessThanOrEqual(highest + 1);
          highest = Math.max(highest, revision);
        }
        expect(highest).toBe(length - 1);
      }
    });
  });
});
