import { ManualClock } from '../../src/shared/clock';
import { Session, startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/document-flow';
import { jobBody } from '../support/job-fixtures';

/**
 * The notification stream sends every notification raised while it is open, also those created
 * in the same millisecond as the stream opened or as one it already sent (the clock stands still
 * here, so every notification has the time the stream opened): each exactly once.
 */
const clock = new ManualClock('2026-11-30T10:00:00.000Z');
let t: TestApp;
let alice: Session;

beforeAll(async () => {
  t = await startTestApp({}, undefined, ['api', 'projector', 'relay', 'notifier'], { clock });
  alice = await t.register();
}, 60_000);
afterAll(() => t?.stop());

it('streams each of two notifications raised at the instant the stream opened, once', async () => {
  const search = await t.http.post('/api/v1/job-search/save-criteria').set(alice.auth).send({ name: 'k8s', query: 'kubernetes' });
  expect((await t.http.post('/api/v1/job-search/alerts').set(alice.auth).send({ criteria_id: search.body.id, frequency: 'instant' })).status).toBe(201);

  let text = '';
  const responses: Array<{ destroy(): void }> = [];
  const req = t.http
    .get('/api/v1/notifications/stream')
    .set(alice.auth)
    .buffer(false)
    .parse((res, done) => {
      responses.push(res as unknown as { destroy(): void });
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
      res.on('error', () => done(null, text));
    });
  req.catch(() => undefined);
  try {
    await eventually(async () => (text.includes(': connected') ? true : undefined), 'the stream open');
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const job = await t.http.post('/api/v1/jobs').set(alice.auth).send(jobBody({ status: 'active', external_job_id: `S-${i}` }));
      expect(job.status).toBe(201);
      ids.push(job.body.id);
      // the second is raised after the stream has sent the first
      await eventually(async () => (text.includes(job.body.id) ? true : undefined), `notification ${i + 1} streamed`);
    }
    const listed = (await t.http.get('/api/v1/notifications').set(alice.auth)).body.items as Array<{ id: string; created_at: string }>;
    expect(listed.map((n) => n.created_at)).toEqual([clock.now().toISOString(), clock.now().toISOString()]);
    const sent = text.split('\n').filter((line) => line.startsWith('id: ')).map((line) => line.slice(4));
    expect(sent.sort()).toEqual(listed.map((n) => n.id).sort());
  } finally {
    for (const res of responses) res.destroy();
  }
});
