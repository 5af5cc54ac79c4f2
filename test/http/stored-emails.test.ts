import { startTestApp, TestApp } from '../support/app';
import { profileBody } from '../support/fixtures';

/** Whatever address the API accepts is stored so that it reads back (a projection skipped such events before). */
describe("an accepted e-mail address reads back: o'@example.com", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('given a profile, when its e-mail is updated to it, then GET shows the update', async () => {
    const user = await t.register();
    const created = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
    const updated = await t.http
      .put(`/api/v1/profiles/${created.body.id}`)
      .set(user.auth)
      .send({ personal_info: { ...profileBody().personal_info, email: "o'@example.com" } });
    expect(updated.status).toBe(200);
    expect((await t.http.get(`/api/v1/profiles/${created.body.id}`).set(user.auth)).body.personal_info.email).toBe("o'@example.com");
  });

  it('given an account registered with it, then the user can log in and read themselves', async () => {
    const user = await t.register({ email: "o'@example.com" });
    expect((await t.http.post('/api/v1/auth/login').send({ email: "o'@example.com", password: user.password })).status).toBe(200);
    expect((await t.http.get('/api/v1/auth/me').set(user.auth)).body.email).toBe("o'@example.com");
  });
});
