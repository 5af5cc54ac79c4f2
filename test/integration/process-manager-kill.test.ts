import { randomUUID } from 'node:crypto';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb';
import { AppProcess, ensureBuilt } from '../support/app-processes';
import { profileBody } from '../support/fixtures';
import { jobBody } from '../support/job-fixtures';
import { jsonClient, processBackends, ProcessBackends } from '../support/process-backends';
import { onBackends } from '../support/real-backends';

/**
 * Issue 10's reliability test: two process managers, each its own OS process of the built app,
 * sharing the work in one consumer group; one is killed with SIGKILL while 60 generations are in
 * flight and started again. Every generation
 * completes, exactly once, and no stage's result is recorded twice. The app and its projector and
 * relay run in a second process; EventStoreDB (the test server), MongoDB-wire and Kafka are real.
 */
const GENERATIONS = 60;

onBackends(['MONGODB_URL', 'KAFKA_BROKERS'], 'process manager killed mid-stage', () => {
  jest.setTimeout(180_000);
  let backends: ProcessBackends;
  let app: AppProcess;
  let pm: AppProcess;
  let other: AppProcess;

  beforeAll(async () => {
    ensureBuilt();
    backends = await processBackends('pm-kill', {
      PROCESS_MANAGER_GROUP: `pm-kill-${randomUUID()}`,
      // 5.5 s x 0.02 = 110 ms of simulated work per generation: a kill lands mid-stage
      GENERATION_STAGE_DURATION_SCALE: '0.02',
    });
    const env = backends.env;
    app = await AppProcess.start('api,projector,relay', env);
    // two process managers share the work through their consumer group
    [pm, other] = await Promise.all([AppProcess.start('process-manager', env), AppProcess.start('process-manager', env)]);
  });
  afterAll(async () => {
    await Promise.all([app, pm, other].filter(Boolean).map((process) => process.stop()));
    await backends?.dispose();
  });

  const call = jsonClient(() => app.url);

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
    // all of them are in flight (the pipeline takes about 110 ms each, one partition at a time)
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = (await call('GET', `/api/v1/generations?status=completed&limit=1`, token)).body.total;
    expect(before).toBeLessThan(GENERATIONS);
    await pm.kill('SIGKILL');
    // The other process manager takes over the killed one's partitions once the broker has
    // given up on it (its session timeout, 10 s here: process-backends.ts); the restarted one joins again.
    await pm.restart(90_000);
    expect(other.running).toBe(true);

    const deadline = Date.now() + 120_000;
    let completed = 0;
    while (completed < GENERATIONS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      completed = (await call('GET', `/api/v1/generations?status=completed&limit=1`, token)).body.total;
    }
    expect(completed).toBe(GENERATIONS);

    const events = await EventStoreDbEventStore.connect(backends.esdb.connection_string);
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
