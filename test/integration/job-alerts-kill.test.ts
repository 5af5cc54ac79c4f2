import { randomUUID } from 'node:crypto';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb';
import { instantNotificationId } from '../../src/job-search/alerts/alert-matcher';
import { matchIdOf } from '../../src/job-search/alerts/match-decider';
import { AppProcess, ensureBuilt } from '../support/app-processes';
import { jobBody } from '../support/job-fixtures';
import { jsonClient, processBackends, ProcessBackends } from '../support/process-backends';
import { onBackends } from '../support/real-backends';

/**
 * Issue 14's alert guarantee: a notifier process (the job-alert matcher runs in it) is killed
 * with SIGKILL while new jobs are being matched, and started again; every matching new job
 * raises exactly one job_alert, none twice (the restarted consumer gets the unacknowledged
 * messages again) and none lost. The api, projector and relay run in another OS process;
 * EventStoreDB (the test server), MongoDB-wire and Kafka are real.
 */
const JOBS = 40;

onBackends(['MONGODB_URL', 'KAFKA_BROKERS'], 'notifier killed while matching job alerts', () => {
  jest.setTimeout(240_000);
  let backends: ProcessBackends;
  let app: AppProcess;
  let notifier: AppProcess;

  beforeAll(async () => {
    ensureBuilt();
    backends = await processBackends('alerts-kill', { NOTIFIER_GROUP: `alerts-kill-${randomUUID()}` });
    const env = backends.env;
    app = await AppProcess.start('api,projector,relay', env);
    notifier = await AppProcess.start('notifier', env);
  });
  afterAll(async () => {
    await Promise.all([app, notifier].filter(Boolean).map((process) => process.stop()));
    await backends?.dispose();
  });

  const call = jsonClient(() => app.url);

  const alertsOf = async (token: string): Promise<number> => (await call('GET', '/api/v1/notifications?kind=job_alert&limit=1', token)).body.total;

  it(`raises exactly one job_alert for each of ${JOBS} matching new jobs when the notifier is killed and restarted mid-way`, async () => {
    const register = async () => (await call('POST', '/api/v1/auth/register', undefined, { email: `alerts.${randomUUID()}@example.com`, password: 'correct horse battery', full_name: 'A K' })).body;
    const user = await register();
    const token: string = user.access_token;
    const user_id: string = user.user.id;
    // two saved searches that both match every job: still one alert per job
    for (const criteria of [{ name: 'platform', query: 'kubernetes' }, { name: 'anything', filters: { remote: 'hybrid' } }]) {
      const search = await call('POST', '/api/v1/job-search/save-criteria', token, criteria);
      expect(search.status).toBe(201);
      expect((await call('POST', '/api/v1/job-search/alerts', token, { criteria_id: search.body.id, frequency: 'instant' })).status).toBe(201);
    }

    const job_ids: string[] = [];
    const creating = (async () => {
      for (let i = 0; i < JOBS; i++) {
        const job = await call('POST', '/api/v1/jobs', token, jobBody({ status: 'active', external_job_id: `K-${i}` }));
        expect(job.status).toBe(201);
        job_ids.push(job.body.id);
      }
    })();

    // kill the notifier once it has raised some alerts, while jobs keep coming
    const deadline = Date.now() + 60_000;
    while ((await alertsOf(token)) < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await notifier.kill('SIGKILL');
    await creating;
    expect(await alertsOf(token)).toBeLessThan(JOBS);
    // the restarted consumer rejoins its group once the broker has dropped the killed member
    await notifier.restart(90_000);

    const until = Date.now() + 120_000;
    let raised = 0;
    while (raised < JOBS && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      raised = await alertsOf(token);
    }
    expect(raised).toBe(JOBS);

    const events = await EventStoreDbEventStore.connect(backends.esdb.connection_string);
    try {
      for (const job_id of job_ids) {
        const notification = await events.readStream(`notification-${instantNotificationId(user_id, job_id)}`);
        const match = await events.readStream(`jobalertmatch-${matchIdOf(user_id, job_id)}`);
        expect({ job_id, notifications: notification.map((e) => e.type), matches: match.length }).toEqual({ job_id, notifications: ['NotificationRaised'], matches: 1 });
      }
    } finally {
      await events.close();
    }
    const page = (await call('GET', '/api/v1/notifications?kind=job_alert&limit=100', token)).body;
    expect(page.total).toBe(JOBS);
    expect(new Set(page.items.map((n: { refs: { job_id: string } }) => n.refs.job_id))).toEqual(new Set(job_ids));
  });
});
