import { Session, startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/document-flow';
import { jobBody } from '../support/job-fixtures';

/**
 * The notification stream closes after a minute and EventSource reconnects with the id of the
 * last event it received (`Last-Event-ID`): the new stream starts after that notification, so
 * one raised while the client was away is sent, and the one it had is not sent again. Without
 * the header (or with one that is not the caller's notification) the stream starts now.
 */
let t: TestApp;
let alice: Session;
let bob: Session;
const STREAM = '/api/v1/notifications/stream';

beforeAll(async () => {
  t = await startTestApp({}, undefined, ['api', 'projector', 'relay', 'notifier']);
  [alice, bob] = await Promise.all([t.register(), t.register()]);
}, 60_000);
afterAll(() => t?.stop());

/** Opens the stream; `text` grows as events arrive; `close` ends it. */
function open(who: Session, lastEventId?: string) {
  const state = { text: '', close: () => undefined as void };
  let req = t.http.get(STREAM).set(who.auth);
  if (lastEventId) req = req.set('Last-Event-ID', lastEventId);
  req
    .buffer(false)
    .parse((res, done) => {
      state.close = () => (res as unknown as { destroy(): void }).destroy();
      res.on('data', (chunk: Buffer) => (state.text += chunk.toString()));
      res.on('end', () => done(null, state.text));
      res.on('error', () => done(null, state.text));
    })
    .catch(() => undefined);
  return state;
}

const sentIds = (text: string) => text.split('\n').filter((line) => line.startsWith('id: ')).map((line) => line.slice(4));
const connected = (stream: { text: string }) => eventually(async () => (stream.text.includes(': connected') ? true : undefined), 'the stream open');

async function newJobAlert(i: number): Promise<string> {
  const job = await t.http.post('/api/v1/jobs').set(alice.auth).send(jobBody({ status: 'active', external_job_id: `R-${i}` }));
  expect(job.status).toBe(201);
  const notification = await eventually(async () => {
    const items = (await t.http.get('/api/v1/notifications?kind=job_alert&limit=100').set(alice.auth)).body.items as Array<{ id: string; refs: { job_id?: string } }>;
    return items.find((n) => n.refs.job_id === job.body.id);
  }, `the alert of job ${i}`);
  return notification.id;
}

it('resumes after the Last-Event-ID: what was raised while away is sent, what was received is not; without it, only what is new', async () => {
  const search = await t.http.post('/api/v1/job-search/save-criteria').set(alice.auth).send({ name: 'k8s', query: 'kubernetes' });
  expect((await t.http.post('/api/v1/job-search/alerts').set(alice.auth).send({ criteria_id: search.body.id, frequency: 'instant' })).status).toBe(201);

  const first = open(alice);
  await connected(first);
  const one = await newJobAlert(1);
  await eventually(async () => (sentIds(first.text).includes(one) ? true : undefined), 'the first notification streamed');
  first.close();

  const two = await newJobAlert(2); // raised while no stream is open

  const plain = open(alice);
  const resumed = open(alice, one);
  const foreign = open(bob, one); // bob cannot resume after alice's notification
  const bogus = open(alice, 'not-an-id');
  try {
    await Promise.all([plain, resumed, foreign, bogus].map(connected));
    await eventually(async () => (sentIds(resumed.text).includes(two) ? true : undefined), 'the missed notification streamed');
    const three = await newJobAlert(3);
    await eventually(async () => ([resumed, plain, bogus].every((s) => sentIds(s.text).includes(three)) ? true : undefined), 'the third notification streamed');
    expect(sentIds(resumed.text)).toEqual([two, three]);
    expect(sentIds(plain.text)).toEqual([three]);
    expect(sentIds(bogus.text)).toEqual([three]);
    expect(sentIds(foreign.text)).toEqual([]);
  } finally {
    for (const stream of [plain, resumed, foreign, bogus]) stream.close();
  }
});
