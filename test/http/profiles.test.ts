import { startTestApp, Session, TestApp } from '../support/app';
import { educationBody, experienceBody, profileBody, projectBody } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

async function withProfile(body = profileBody()) {
  const user = await t.register();
  const res = await t.http.post('/api/v1/profiles').set(user.auth).send(body);
  expect(res.status).toBe(201);
  return { user, profile: res.body, etag: res.headers.etag as string };
}

describe('POST /api/v1/profiles', () => {
  it('creates the whole profile at once, with server ids, and returns it', async () => {
    const { user, profile, etag } = await withProfile();
    expect(profile).toMatchObject({ user_id: user.user_id, version: 1, personal_info: { full_name: 'Ada Example' } });
    expect(profile.experiences).toHaveLength(2);
    expect(profile.experiences[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(etag).toBe('"1"');
    expect(profile.created_at).toEqual(profile.updated_at);
  });

  it('allows one profile per user', async () => {
    const { user } = await withProfile();
    const res = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PROFILE.ALREADY_EXISTS');
  });

  it('lets a user create a new profile after deleting the old one', async () => {
    const { user, profile } = await withProfile();
    expect((await t.http.delete(`/api/v1/profiles/${profile.id}`).set(user.auth)).status).toBe(204);
    const again = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(profile.id);
  });

  it('lists every invalid field by path and stores nothing', async () => {
    const user = await t.register();
    const body = profileBody({
      personal_info: { full_name: '', email: 'nope', linkedin: 'not a url' },
      experiences: [experienceBody({ start_date: '2022-13', end_date: '2020-01' }), experienceBody({ is_current: true, end_date: '2024-01' })],
      education: [educationBody({ gpa: 7, start_date: '2020-01', end_date: '2019-01' })],
      projects: [projectBody({ technologies: Array(60).fill('x') })],
    });
    const res = await t.http.post('/api/v1/profiles').set(user.auth).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining([
        'body.personal_info.full_name',
        'body.personal_info.email',
        'body.personal_info.linkedin',
        'body.experiences.0.start_date',
        'body.experiences.1.end_date',
        'body.education.0.gpa',
        'body.education.0.end_date',
        'body.projects.0.technologies',
      ]),
    );
    expect((await t.http.get('/api/v1/profiles/me').set(user.auth)).status).toBe(404);
  });

  it('requires authentication', async () => {
    expect((await t.http.post('/api/v1/profiles').send(profileBody())).status).toBe(401);
  });
});

describe('reading profiles', () => {
  it('GET /me and GET /{id} return the profile with its ETag', async () => {
    const { user, profile } = await withProfile();
    const me = await t.http.get('/api/v1/profiles/me').set(user.auth);
    const byId = await t.http.get(`/api/v1/profiles/${profile.id}`).set(user.auth);
    expect(me.body).toEqual(profile);
    expect(byId.body).toEqual(profile);
    expect(byId.headers.etag).toBe('"1"');
  });

  it("hides another user's profile on every route as 404", async () => {
    const { profile } = await withProfile();
    const mallory = await t.register();
    const expId = profile.experiences[0].id;
    const attempts = [
      t.http.get(`/api/v1/profiles/${profile.id}`),
      t.http.put(`/api/v1/profiles/${profile.id}`).send({ professional_summary: 'pwned' }),
      t.http.delete(`/api/v1/profiles/${profile.id}`),
      t.http.post(`/api/v1/profiles/${profile.id}/experiences`).send(experienceBody()),
      t.http.put(`/api/v1/profiles/${profile.id}/experiences/${expId}`).send(experienceBody()),
      t.http.delete(`/api/v1/profiles/${profile.id}/experiences/${expId}`),
      t.http.post(`/api/v1/profiles/${profile.id}/education`).send(educationBody()),
      t.http.post(`/api/v1/profiles/${profile.id}/projects`).send(projectBody()),
      t.http.put(`/api/v1/profiles/${profile.id}/skills`).send({ technical: ['x'] }),
      t.http.get(`/api/v1/profiles/${profile.id}/analytics`),
      t.http.get(`/api/v1/profiles/${profile.id}/summary`),
    ];
    for (const attempt of attempts) {
      const res = await attempt.set(mallory.auth);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'PROFILE.NOT_FOUND' });
    }
    const unknown = await t.http.get('/api/v1/profiles/00000000-0000-4000-8000-000000000000').set(mallory.auth);
    expect(unknown.body.detail).toEqual((await t.http.get(`/api/v1/profiles/${profile.id}`).set(mallory.auth)).body.detail);
  });

  it('rejects a malformed id with a 400 naming the parameter', async () => {
    const user = await t.register();
    const res = await t.http.get('/api/v1/profiles/not-a-uuid').set(user.auth);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'params.id', message: 'must be a UUID' }]);
  });
});

describe('PUT and DELETE /api/v1/profiles/{id}', () => {
  it('updates, returns the new state and a new ETag, and an immediate GET sees it', async () => {
    const { user, profile } = await withProfile();
    const res = await t.http.put(`/api/v1/profiles/${profile.id}`).set(user.auth).send({ professional_summary: 'Rewritten summary' });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body.professional_summary).toBe('Rewritten summary');
    const get = await t.http.get(`/api/v1/profiles/${profile.id}`).set(user.auth);
    expect(get.body.professional_summary).toBe('Rewritten summary');
    expect(get.body.version).toBe(2);
  });

  it('honours If-Match: a stale version is 412 and changes nothing', async () => {
    const { user, profile } = await withProfile();
    const ok = await t.http.put(`/api/v1/profiles/${profile.id}`).set(user.auth).set('If-Match', '"1"').send({ professional_summary: 'v2' });
    expect(ok.status).toBe(200);
    const stale = await t.http.put(`/api/v1/profiles/${profile.id}`).set(user.auth).set('If-Match', '"1"').send({ professional_summary: 'v3' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('CONCURRENCY.VERSION_MISMATCH');
    const staleDelete = await t.http.delete(`/api/v1/profiles/${profile.id}`).set(user.auth).set('If-Match', '"1"');
    expect(staleDelete.status).toBe(412);
    const get = await t.http.get(`/api/v1/profiles/${profile.id}`).set(user.auth);
    expect(get.body.professional_summary).toBe('v2');
  });

  it('rejects an empty update', async () => {
    const { user, profile } = await withProfile();
    const res = await t.http.put(`/api/v1/profiles/${profile.id}`).set(user.auth).send({});
    expect(res.status).toBe(400);
  });

  it('delete removes the profile from every read', async () => {
    const { user, profile } = await withProfile();
    expect((await t.http.delete(`/api/v1/profiles/${profile.id}`).set(user.auth).set('If-Match', '"1"')).status).toBe(204);
    expect((await t.http.get(`/api/v1/profiles/${profile.id}`).set(user.auth)).status).toBe(404);
    expect((await t.http.get('/api/v1/profiles/me').set(user.auth)).status).toBe(404);
    expect((await t.http.delete(`/api/v1/profiles/${profile.id}`).set(user.auth)).status).toBe(404);
  });
});

describe.each([
  ['experiences', experienceBody, { title: 'Staff Engineer' }, { start_date: 'yesterday' }],
  ['education', educationBody, { degree: 'Ph.D.' }, { gpa: -1 }],
  ['projects', projectBody, { name: 'Renamed project' }, { url: 'ftp://example.com' }],
] as const)('/api/v1/profiles/{id}/%s', (segment, body, change, invalid) => {
  it('adds, updates and removes an entry; each write is visible to the next read', async () => {
    const { user, profile } = await withProfile();
    const before = profile[segment].length;
    const added = await t.http.post(`/api/v1/profiles/${profile.id}/${segment}`).set(user.auth).send(body());
    expect(added.status).toBe(201);
    expect(added.headers.etag).toBe('"2"');
    const id = added.body.id;
    expect((await t.http.get(`/api/v1/profiles/${profile.id}`).set(user.auth)).body[segment]).toHaveLength(before + 1);

    const updated = await t.http.put(`/api/v1/profiles/${profile.id}/${segment}/${id}`).set(user.auth).send(body(change));
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ ...change, id });
    const afterUpdate = (await t.http.get(`/api/v1/profiles/${profile.id}`).set(user.auth)).body[segment];
    expect(afterUpdate.find((e: { id: string }) => e.id === id)).toMatchObject(change);

    expect((await t.http.delete(`/api/v1/profiles/${profile.id}/${segment}/${id}`).set(user.auth)).status).toBe(204);
    const afterDelete = (await t.http.get(`/api/v1/profiles/${profile.id}`).set(user.auth)).body;
    expect(afterDelete[segment]).toHaveLength(before);
    expect(afterDelete.version).toBe(4);
  });

  it('reports an unknown entry as 404 and invalid input as 400', async () => {
    const { user, profile } = await withProfile();
    const missing = '00000000-0000-4000-8000-000000000000';
    const put = await t.http.put(`/api/v1/profiles/${profile.id}/${segment}/${missing}`).set(user.auth).send(body());
    expect(put.status).toBe(404);
    expect(put.body.code).toBe('PROFILE.ENTRY_NOT_FOUND');
    const bad = await t.http.post(`/api/v1/profiles/${profile.id}/${segment}`).set(user.auth).send(body(invalid));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe(`body.${Object.keys(invalid)[0]}`);
  });

  it('honours If-Match', async () => {
    const { user, profile } = await withProfile();
    const res = await t.http.post(`/api/v1/profiles/${profile.id}/${segment}`).set(user.auth).set('If-Match', '"7"').send(body());
    expect(res.status).toBe(412);
  });
});

describe('skills, analytics and summary', () => {
  it('PUT /skills replaces the skills', async () => {
    const { user, profile } = await withProfile();
    const skills = { technical: ['Go', 'gRPC'], soft: ['Teamwork'], languages: [{ name: 'German', proficiency: 'native' }], certifications: [] };
    const res = await t.http.put(`/api/v1/profiles/${profile.id}/skills`).set(user.auth).send(skills);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(skills);
    expect((await t.http.get(`/api/v1/profiles/${profile.id}`).set(user.auth)).body.skills).toEqual(skills);
  });

  it('analytics reflects the profile and recommends what is missing', async () => {
    const { user, profile } = await withProfile(profileBody({ projects: [] }));
    const res = await t.http.get(`/api/v1/profiles/${profile.id}/analytics`).set(user.auth);
    expect(res.status).toBe(200);
    expect(res.body.completeness.sections.projects).toBe(0);
    expect(res.body.completeness.overall).toBe(90);
    expect(res.body.recommendations[0]).toEqual({ section: 'projects', message: 'Add a project', potential_gain: 6 });
  });

  it('summary condenses the profile for generation', async () => {
    const { user, profile } = await withProfile();
    const res = await t.http.get(`/api/v1/profiles/${profile.id}/summary`).set(user.auth);
    expect(res.status).toBe(200);
    expect(res.body.experiences[0].company).toBe('Northwind Logistics');
    expect(res.body.skills).toContain('Redis');
  });
});

describe('read-your-writes under load', () => {
  it('every write is visible to the immediately following read', async () => {
    const { user, profile } = await withProfile();
    for (let i = 0; i < 20; i++) {
      const added = await t.http.post(`/api/v1/profiles/${profile.id}/experiences`).set(user.auth).send(experienceBody({ title: `Role ${i}` }));
      const get = await t.http.get(`/api/v1/profiles/${profile.id}`).set(user.auth);
      expect(get.body.experiences.map((e: { id: string }) => e.id)).toContain(added.body.id);
    }
  });
});

export type { Session };
