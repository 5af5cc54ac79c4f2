import { MessageBus } from '../../src/bus/port';
import { TOKENS } from '../../src/container-tokens';
import { EventStore } from '../../src/event-store/port';
import { uniqueEmail } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/app';

/** /health/detailed must report what is really down or behind: each probe is made to fail once. */
let t: TestApp | null = null;
afterEach(async () => {
  await t?.stop();
  t = null;
});

const detailed = async () => (await t!.http.get('/health/detailed')).body;

describe('GET /health/detailed when a component fails', () => {
  it('given the message bus is closed, then it answers 503 with the bus down and the others ok', async () => {
    t = await startTestApp();
    await t.app.container.get<MessageBus>(TOKENS.Bus).close();

    const res = await t.http.get('/health/detailed');

    expect(res.status).toBe(503);
    expect(res.body.status).toBe('degraded');
    expect(res.body.components.bus).toEqual({ status: 'down', error: expect.stringMatching(/closed/i) });
    expect(res.body.components.event_store.status).toBe('ok');
    expect(res.body.components.read_store.status).toBe('ok');
  });

  it('given the event store is closed, then it answers 503 with the event store down and reports no projector lag', async () => {
    t = await startTestApp();
    await t.app.container.get<EventStore>(TOKENS.EventStore).close();

    const res = await t.http.get('/health/detailed');

    expect(res.status).toBe(503);
    expect(res.body.components.event_store).toEqual({ status: 'down', error: expect.any(String) });
    expect(res.body.projectors).toEqual([]);
  });

  it('given no projector runs, when an event is written, then every read model it touches is reported behind', async () => {
    t = await startTestApp({ READ_YOUR_WRITES_TIMEOUT_MS: '50' }, undefined, ['api']);
    await t.http.post('/api/v1/auth/register').send({ email: uniqueEmail(), password: 'correct horse battery', full_name: 'Behind' });

    const body = await detailed();

    const users = body.projectors.find((p: { name: string }) => p.name === 'users_v1');
    expect(users).toMatchObject({ state: 'remote', caught_up: false });
    expect(users.lag_ms).toBeGreaterThanOrEqual(0);
  });
});
