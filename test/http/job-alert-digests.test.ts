import { JobAlertDigestDocument, JobAlertDigestsReadModel } from '../../contracts/job-search/alerts';
import { TOKENS } from '../../src/container-tokens';
import { ReadStore } from '../../src/read-store/port';
import { ManualClock } from '../../src/shared/clock';
import { Session, startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/document-flow';
import { jobBody } from '../support/job-fixtures';

/**
 * Daily job-alert digests end to end on the embedded adapters (api, projector, relay and the
 * notifier with its digest sweep every 100 ms), on a clock the test moves: the matches of a day
 * are gathered into one notification raised once after the day has ended, never again.
 */
const DAY = 86_400_000;
let t: TestApp;
let clock: ManualClock;
let user: Session;

beforeAll(async () => {
  clock = new ManualClock(new Date());
  t = await startTestApp({ JOB_ALERT_DIGEST_SWEEP_MS: '100' }, undefined, ['api', 'projector', 'relay', 'notifier'], { clock });
  clock.advance(1_000); // after the catalogue's jobs became active
  user = await t.register();
}, 60_000);
afterAll(() => t.stop());

/** Logs in again: access tokens expire on the moved clock. */
async function login() {
  const res = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password });
  user = { ...user, auth: { Authorization: `Bearer ${res.body.access_token}` } };
}

const digests = () => t.app.container.get<ReadStore>(TOKENS.ReadStore).collection<JobAlertDigestDocument>(JobAlertDigestsReadModel.collection).find({ user_id: user.user_id });
const alertsRaised = async () => (await t.http.get('/api/v1/notifications?kind=job_alert').set(user.auth)).body.items as { title: string; refs: { job_id?: string } }[];

async function newJobIn(count: number, title: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody({ status: 'active', title: `${title} ${i}` }))).body.id);
  await eventually(async () => ((await digests()).some((d) => !d.sent && ids.every((id) => d.job_ids.includes(id))) ? true : undefined), 'the jobs in an open digest');
  return ids;
}

it('an alert without a frequency takes the preferences\' digest; a day\'s matches make one notification once the day has ended, raised once', async () => {
  expect((await t.http.put('/api/v1/notifications/preferences').set(user.auth).send({ digest: 'daily' })).status).toBe(200);
  const search = await t.http.post('/api/v1/job-search/save-criteria').set(user.auth).send({ name: 'Platform', query: 'kubernetes' });
  const alert = await t.http.post('/api/v1/job-search/alerts').set(user.auth).send({ criteria_id: search.body.id });
  expect(alert.status).toBe(201);
  expect(alert.body.frequency).toBe('daily');

  const first = await newJobIn(3, 'Platform Engineer');
  expect(await alertsRaised()).toHaveLength(0); // the day has not ended: digests wait, nothing is instant

  clock.advance(DAY);
  await login();
  const [digest] = await eventually(async () => {
    const found = await alertsRaised();
    return found.length > 0 ? found : undefined;
  }, 'the first digest');
  expect(digest.title).toBe('3 new jobs match your saved searches');
  const sent = await eventually(async () => (await digests()).find((d) => d.sent), 'the digest marked sent');
  expect([...sent.job_ids].sort()).toEqual([...first].sort());

  // the next day: one new job, one more digest; the first is not raised again
  const [second] = await newJobIn(1, 'Kubernetes Engineer');
  clock.advance(DAY);
  await login();
  const both = await eventually(async () => {
    const found = await alertsRaised();
    return found.length > 1 ? found : undefined;
  }, 'the second digest');
  expect(both).toHaveLength(2);
  expect(both.map((n) => n.title).sort()).toEqual(['1 new job matches your saved searches', '3 new jobs match your saved searches']);
  expect(both.find((n) => n.title.startsWith('1 '))!.refs.job_id).toBe(second);
  await eventually(async () => ((await digests()).every((d) => d.sent) ? true : undefined), 'both digests marked sent');
  expect(await alertsRaised()).toHaveLength(2);
});
