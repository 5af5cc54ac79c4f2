import { TOKENS } from '../../src/container-tokens';
import { EventStore } from '../../src/event-store/port';
import { profileBody } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

describe('given the event store is unavailable', () => {
  it('when a user writes, then the answer is 503 problem details with Retry-After, never a 500', async () => {
    const user = await t.register();
    await t.app.container.get<EventStore>(TOKENS.EventStore).close();

    const res = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());

    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body).toMatchObject({ status: 503, code: 'HTTP.SERVICE_UNAVAILABLE', title: 'Service Unavailable' });
    expect(res.body.detail).toMatch(/event store/);
    expect(JSON.stringify(res.body)).not.toMatch(/closed|stack|at /);
  });
});
