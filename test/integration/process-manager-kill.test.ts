import { randomBytes, randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb';
import { AppProcess, ensureBuilt } from '../support/app-processes';
import { TestServerProcess } from '../support/eventstoredb-server/process';
import { profileBody } from '../support/fixtures';
import { jobBody } from '../support/job-fixtures';
import { onBackends } from '../support/real-backends';

/**
 * Issue 10's reliability test: two process managers, each its own OS process of the built app,
 * sharing the work in one consumer group; one is killed with SIGKILL while 100 generations are in
 * flight and started again. Every generation
 * completes, exactly once, and no stage's result is recorded twice. The app and its projector and
 * relay run in a second process; EventStoreDB (the test server), MongoDB-wire and Kafka are real.
 */
const GENERATIONS = 100;

onBackends(['MONGODB_URL', 'KAFKA_BROKERS'], 'process manager killed mid-stage', () => {
  jest.setTimeout(180_000);
  const database = `jobwise_pm_kill_${randomUUID().slice(0, 8)}`;
  let esdb: TestServerProcess;
  let app: AppProcess;
  let pm: AppProcess;
  let other: AppProcess;

  beforeAll(async () => {
    ensureBuilt();
    esdb = await TestServerProcess.start();
    const env = {
      EVENTSTORE_CONNECTION_STRING: esdb.connection_string,
      MONGODB_URL: process.env.MONGODB_URL!,
      MONGODB_DB: database,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS!,
      JWT_SECRET: 'process-manager-kill-secret-of-sufficient-length',
      JOBWISE_MASTER_KEY: randomBytes(32).toString('base64'),
      PROCESS_MANAGER_GROUP: `pm-kill-${randomUUID()}`,
      // 5.5 s x 0.02 = 110 ms of simulated work per generation: a kill lands mid-stage
      GENERATION_STAGE_DURATION_SCALE: '0.02',
    };
    app = await AppProcess.start('api,projector,relay', env);
    // two process managers share the work through their consumer group
    [pm, other] = await Promise.all([AppProcess.start('process-manager', env), AppProcess.start('process-manager', env)]);
  });
  afterAll(async () => {
    await Promise.all([app, pm, other].filter(Boolean).map((process) => process.stop()));
    await esdb?.dispose();
    const client = await MongoClient.connect(process.env.MONGODB_URL!);
    await client.db(database).dropDatabase();
    await client.close();
  });

  async function call(method: string, path: string, token?: string, body?: unknown) {
    const response = await fetch(app.url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  }

  it(`completes each of ${GENERATIONS} generations exactly once when one of two process managers is killed and restarted, no stage recorded twice`, async () => {
    const registered = await call('POST', '/api/v1/auth/register', undefined, { email: `pm.${randomUUID()}@example.com`, password: 'correct horse battery', full_name: 'P M' });
    const token: string = registered.body.access_token;
    const profile = await call('POST', '/api/v1/profiles', token, profileBody());
    const job = await call('POST', '/api/v1/jobs', token, jobBody());
    expect([profile.status, job.status]).toEqual([201, 201]);

    const ids: string[] = [];
    for (let i = 0; i < GENERATIONS; i++) {
      const asked = await call('POST', '/api/v1/generations/resume', token, { profile_id: profile.body.id, job_id: job.body.id });
      expect(asked.status).toBe(202);
      ids.push(asked.body.id);
    }
    // all 100 are in flight (the pipeline takes about 110 ms each, one partition at a time)
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = (await call('GET', `/api/v1/generations?status=completed&limit=1`, token)).body.total;
    expect(before).toBeLessThan(GENERATIONS);
    await pm.kill('SIGKILL');
    // The other process manager takes over the killed one's partitions once the broker has
    // given up on it (its session timeout, 30 s by default); the restarted one joins again.
    await pm.restart(90_000);
    expect(other.running).toBe(true);

    const deadline = Date.now() + 120_000;
    let completed = 0;
    while (completed < GENERATIONS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      completed = (await call('GET', `/api/v1/generations?status=completed&limit=1`, token)).body.total;
    }
    expect(completed).toBe(GENERATIONS);

    const events = await EventStoreDbEventStore.connect(esdb.connection_string);
    try {
      for (const id of ids) {
        const types = (await events.readStream(`generation-${id}`)).map((event) => `${event.type}:${(event.data as { stage?: string }).stage ?? ''}`);
        const count = (what: string) => types.filter((type) => type === what).length;
        expect({ id, completed: count('GenerationCompleted:'), failed: count('GenerationFailed:') }).toEqual({ id, completed: 1, failed: 0 });
        for (const stage of ['job_analysis', 'profile_compilation', 'content_generation', 'quality_validation', 'export_preparation']) {
          expect({ id, stage, started: count(`GenerationStageStarted:${stage}`), recorded: count(`GenerationStageCompleted:${stage}`) }).toEqual({ id, stage, started: 1, recorded: 1 });
        }
      }
    } finally {
      await events.close();
    }
  });
});
