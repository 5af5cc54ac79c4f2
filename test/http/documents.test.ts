import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { documentsOf, eventually, generate } from '../support/document-flow';
import { ALL_ROLES, Prepared, userWithProfileAndJob } from '../support/generation-flow';

/**
 * The Document API end to end on the embedded adapters: generations become documents (the
 * keeper), versions, restore, details, exports and downloads, share links, ownership, deletion
 * and retention on a clock the test moves.
 */
const DAY_MS = 86_400_000;
let offset_ms = 0;
const clock = { now: () => new Date(Date.now() + offset_ms) };

let t: TestApp;
let alice: Prepared;
let bob: Prepared;
let resumeId: string;
let letterId: string;
let firstGeneration: string;

const BASE = '/api/v1/documents';
const binary = (res: { body: unknown }) => res.body as Buffer;
/** supertest's parser for any body as bytes (it buffers only text and JSON by itself). */
const parseBinary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

beforeAll(async () => {
  t = await startTestApp({ GENERATION_STAGE_DURATION_SCALE: '0', DOCUMENT_RETENTION_SWEEP_MS: '100' }, undefined, ALL_ROLES, { clock });
  alice = await userWithProfileAndJob(t);
  bob = await userWithProfileAndJob(t);
  firstGeneration = await generate(t, alice.user, alice.profile_id, alice.job_id, true);
  const docs = await documentsOf(t, alice.user, firstGeneration, 2);
  resumeId = docs.find((d) => d.type === 'resume')!.id;
  letterId = docs.find((d) => d.type === 'cover_letter')!.id;
}, 60_000);
afterAll(() => t.stop());

describe('documents from generations', () => {
  it('keeps a completed generation as a resume and a cover letter document, linked to the generation, profile and job', async () => {
    const res = await t.http.get(`${BASE}/${resumeId}`).set(alice.user.auth);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(res.body).toMatchObject({ id: resumeId, type: 'resume', job_id: alice.job_id, profile_id: alice.profile_id, current_version: 1, versions_count: 1, notes: '', tags: [] });
    expect(res.body.current).toMatchObject({ version: 1, generation_id: firstGeneration, restored_from: null });
    expect(res.body.title).toMatch(/^Resume — /);
    expect(res.body).not.toHaveProperty('user_id');
    expect(res.body).not.toHaveProperty('versions');
    const letter = await t.http.get(`${BASE}/${letterId}/versions/1`).set(alice.user.auth);
    expect(letter.body.resume).toBeNull();
    expect(letter.body.cover_letter.paragraphs.length).toBeGreaterThan(0);
  });

  it('adds a regeneration for the same job as a new version of the same document, keeping every version', async () => {
    const second = await generate(t, alice.user, alice.profile_id, alice.job_id);
    const [doc] = await documentsOf(t, alice.user, second, 1);
    expect(doc.id).toBe(resumeId);
    const versions = await t.http.get(`${BASE}/${resumeId}/versions`).set(alice.user.auth);
    expect(versions.body.items.map((v: { version: number; generation_id: string }) => [v.version, v.generation_id])).toEqual([
      [1, firstGeneration],
      [2, second],
    ]);
    const v1 = await t.http.get(`${BASE}/${resumeId}/versions/1`).set(alice.user.auth);
    expect(v1.body.resume.sections.length).toBeGreaterThan(0);
  });

  it('restores an old version as a new current version, history intact', async () => {
    const before = (await t.http.get(`${BASE}/${resumeId}`).set(alice.user.auth)).body;
    const v1 = (await t.http.get(`${BASE}/${resumeId}/versions/1`).set(alice.user.auth)).body;
    const res = await t.http.post(`${BASE}/${resumeId}/versions/1/restore`).set(alice.user.auth);
    expect(res.status).toBe(200);
    expect(res.body.current_version).toBe(before.current_version + 1);
    expect(res.body.current).toMatchObject({ restored_from: 1, generation_id: null });
    const restored = (await t.http.get(`${BASE}/${resumeId}/versions/${res.body.current_version}`).set(alice.user.auth)).body;
    expect(restored.resume).toEqual(v1.resume);
    expect((await t.http.get(`${BASE}/${resumeId}/versions`).set(alice.user.auth)).body.items).toHaveLength(before.versions_count + 1);
    expect((await t.http.post(`${BASE}/${resumeId}/versions/99/restore`).set(alice.user.auth)).status).toBe(404);
  });
});

describe('details and the list', () => {
  it('changes title, notes and tags, and lists by tag, type, job and generation with true totals', async () => {
    const res = await t.http.put(`${BASE}/${letterId}`).set(alice.user.auth).send({ title: 'Letter for Northwind', tags: ['sent', 'priority'], notes: 'Sent on Monday' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Letter for Northwind', tags: ['sent', 'priority'], notes: 'Sent on Monday' });
    const kept = await t.http.put(`${BASE}/${letterId}`).set(alice.user.auth).send({ notes: 'Followed up' });
    expect(kept.body).toMatchObject({ title: 'Letter for Northwind', tags: ['sent', 'priority'], notes: 'Followed up' });

    const byTag = await t.http.get(`${BASE}?tag=sent`).set(alice.user.auth);
    expect(byTag.body.items.map((d: { id: string }) => d.id)).toEqual([letterId]);
    const byType = await t.http.get(`${BASE}?type=resume`).set(alice.user.auth);
    expect(byType.body).toMatchObject({ total: 1 });
    const byJob = await t.http.get(`${BASE}?job_id=${alice.job_id}&limit=1`).set(alice.user.auth);
    expect(byJob.body).toMatchObject({ total: 2, limit: 1 });
    expect(byJob.body.items).toHaveLength(1);
    const future = await t.http.get(`${BASE}?created_from=2999-01-01T00:00:00Z`).set(alice.user.auth);
    expect(future.body.total).toBe(0);
  });

  it('refuses bad input with problem details naming every bad field, and changes nothing', async () => {
    const empty = await t.http.put(`${BASE}/${letterId}`).set(alice.user.auth).send({});
    expect(empty.status).toBe(400);
    const bad = await t.http.put(`${BASE}/${letterId}`).set(alice.user.auth).send({ title: '', tags: ['x'.repeat(51)], extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.tags.0']));
    expect((await t.http.get(`${BASE}?type=poster`).set(alice.user.auth)).status).toBe(400);
    expect((await t.http.get(`${BASE}/not-a-uuid`).set(alice.user.auth)).status).toBe(400);
    expect((await t.http.get(`${BASE}/${letterId}`).set(alice.user.auth)).body.title).toBe('Letter for Northwind');
  });
});

describe('exports and downloads', () => {
  it('lists the five export formats with their media types', async () => {
    const res = await t.http.get(`${BASE}/export-formats`).set(alice.user.auth);
    expect(res.body.formats.map((f: { format: string }) => f.format)).toEqual(['pdf', 'docx', 'html', 'md', 'txt']);
    expect(res.body.formats[0]).toMatchObject({ content_type: 'application/pdf', extension: '.pdf' });
  });

  it.each([
    ['pdf', 'application/pdf', (b: Buffer) => b.subarray(0, 5).toString() === '%PDF-'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', (b: Buffer) => b.subarray(0, 2).toString() === 'PK'],
    ['html', 'text/html; charset=utf-8', (b: Buffer) => b.toString().startsWith('<!DOCTYPE html>')],
    ['md', 'text/markdown; charset=utf-8', (b: Buffer) => b.toString().includes('## ')],
    ['txt', 'text/plain; charset=utf-8', (b: Buffer) => b.toString().split('\n').every((line) => [...line].length <= 80)],
  ])('exports and downloads %s with its Content-Type and an RFC 6266 file name', async (format, type, looksRight) => {
    const exported = await t.http.post(`${BASE}/${resumeId}/export`).set(alice.user.auth).send({ format, template: 'technical', version: 1 });
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ document_id: resumeId, version: 1, format, template: 'technical', page_size: 'letter', content_type: type });
    expect(exported.body.bytes).toBeGreaterThan(100);
    const file = await t.http.get(exported.body.download_url).set(alice.user.auth).buffer(true).parse(parseBinary);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe(type);
    expect(file.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="[^"]+\\.${format}"; filename\\*=UTF-8''[^ ]+\\.${format}$`));
    expect(binary(file).length).toBe(exported.body.bytes);
    expect(looksRight(binary(file))).toBe(true);
  });

  it('serves the current version by default and 404s a version that does not exist', async () => {
    const pdf = await t.http.get(`${BASE}/${resumeId}/download`).set(alice.user.auth).buffer(true).parse(parseBinary);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await t.http.get(`${BASE}/${resumeId}/download?format=txt&version=99`).set(alice.user.auth)).status).toBe(404);
    expect((await t.http.get(`${BASE}/${resumeId}/download?format=exe`).set(alice.user.auth)).status).toBe(400);
    expect((await t.http.post(`${BASE}/${resumeId}/export`).set(alice.user.auth).send({ format: 'pdf', page_size: 'a3' })).status).toBe(400);
  });

  it('keeps exports encrypted under the owner’s folder of the storage', () => {
    const folder = join(t.data_dir, 'storage', alice.user.user_id, 'resume', resumeId);
    const names = readdirSync(folder);
    expect(names).toEqual(expect.arrayContaining(['v1.technical.letter.pdf', 'v1.technical.letter.docx']));
  });

  it('counts exports and downloads per format in the analytics and the usage stats', async () => {
    const analytics = await eventually(async () => {
      const res = await t.http.get(`${BASE}/${resumeId}/analytics`).set(alice.user.auth);
      return res.body.downloads?.by_owner >= 6 ? res.body : undefined;
    }, 'downloads counted');
    expect(analytics.exports.by_format).toEqual({ pdf: 1, docx: 1, html: 1, md: 1, txt: 1 });
    expect(analytics.exports.total).toBe(5);
    expect(analytics.downloads.by_format.pdf).toBeGreaterThanOrEqual(2);
    expect(analytics.ats_scores.map((s: { version: number }) => s.version)).toEqual([1, 2, 3]);
    const usage = await t.http.get(`${BASE}/usage-stats`).set(alice.user.auth);
    expect(usage.body).toMatchObject({ documents: { total: 2, resume: 1, cover_letter: 1 }, versions: 4, exports: { total: 5 } });
  });
});

describe('share links', () => {
  const shared = (url: string) => t.http.get(url);

  it('shows a view-only link without sign-in, counts the view, and refuses downloads on it', async () => {
    const res = await t.http.post(`${BASE}/${resumeId}/share`).set(alice.user.auth).send({ permissions: ['view'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ permissions: ['view'], password_protected: false });
    expect(res.body.url).toMatch(/^\/api\/v1\/shared\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(res.body.expires_at) - clock.now().getTime()).toBeGreaterThan(167 * 3600_000);
    const view = await shared(res.body.url);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ type: 'resume', permissions: ['view'], formats: [] });
    expect(view.body.resume.sections.length).toBeGreaterThan(0);
    expect((await shared(`${res.body.url}/download?format=pdf`)).status).toBe(403);
    const analytics = await eventually(async () => {
      const a = await t.http.get(`${BASE}/${resumeId}/analytics`).set(alice.user.auth);
      const share = a.body.shares.find((s: { share_id: string }) => s.share_id === res.body.share_id);
      return share?.views === 1 ? a.body : undefined;
    }, 'the view counted');
    expect(analytics.share_views).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(analytics)).not.toContain('token_hash');
  });

  it('asks for the password in a header, downloads with it, counts the download, and stores no token', async () => {
    const res = await t.http.post(`${BASE}/${resumeId}/share`).set(alice.user.auth).send({ permissions: ['view', 'download'], password: 'open sesame 42', expires_in_hours: 2 });
    const token = res.body.url.split('/').pop();
    expect((await shared(`${res.body.url}/download?format=pdf`)).status).toBe(401);
    expect((await shared(`${res.body.url}/download?format=pdf`).set('X-Share-Password', 'wrong password')).status).toBe(401);
    const file = await shared(`${res.body.url}/download?format=docx`).set('X-Share-Password', 'open sesame 42').buffer(true).parse(parseBinary);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/\.docx"/);
    await eventually(async () => {
      const a = await t.http.get(`${BASE}/${resumeId}/analytics`).set(alice.user.auth);
      return a.body.shares.find((s: { share_id: string }) => s.share_id === res.body.share_id)?.downloads === 1 ? true : undefined;
    }, 'the download counted');
    // Neither the event log nor any other file under DATA_DIR holds the token or the password.
    const everything = filesUnder(t.data_dir).map((file) => readFileSync(file).toString('latin1'));
    expect(everything.length).toBeGreaterThan(1);
    expect(everything.some((text) => text.includes(token))).toBe(false);
    expect(everything.some((text) => text.includes('open sesame 42'))).toBe(false);
    expect(everything.some((text) => text.includes(createHash('sha256').update(token).digest('hex')))).toBe(true);
  });

  it('stops a revoked link at once (410) and an unknown token is 404', async () => {
    const res = await t.http.post(`${BASE}/${resumeId}/share`).set(alice.user.auth).send({});
    expect((await shared(res.body.url)).status).toBe(200);
    const revoked = await t.http.delete(`${BASE}/${resumeId}/shares/${res.body.share_id}`).set(alice.user.auth);
    expect(revoked.status).toBe(204);
    const gone = await shared(res.body.url);
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('SHARE.GONE');
    expect((await shared(`/api/v1/shared/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await shared('/api/v1/shared/short')).status).toBe(400);
    expect((await t.http.delete(`${BASE}/${resumeId}/shares/00000000-0000-4000-8000-000000000000`).set(alice.user.auth)).status).toBe(404);
  });

  it('expires a link after its hours pass', async () => {
    const res = await t.http.post(`${BASE}/${resumeId}/share`).set(alice.user.auth).send({ expires_in_hours: 1 });
    expect((await shared(res.body.url)).status).toBe(200);
    offset_ms += 2 * 3600_000;
    expect((await shared(res.body.url)).status).toBe(410);
  });

  it('refuses share requests outside the limits, naming the fields', async () => {
    const res = await t.http.post(`${BASE}/${resumeId}/share`).set(alice.user.auth).send({ expires_in_hours: 721, permissions: ['edit'], password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.expires_in_hours', 'body.permissions.0', 'body.password']));
  });
});

describe('ownership', () => {
  it('never shows or changes another user’s document, on any route', async () => {
    const as = bob.user.auth;
    const aliceShare = await t.http.post(`${BASE}/${resumeId}/share`).set(alice.user.auth).send({});
    const attempts = [
      t.http.get(`${BASE}/${resumeId}`).set(as),
      t.http.put(`${BASE}/${resumeId}`).set(as).send({ title: 'Mine now' }),
      t.http.get(`${BASE}/${resumeId}/versions`).set(as),
      t.http.get(`${BASE}/${resumeId}/versions/1`).set(as),
      t.http.post(`${BASE}/${resumeId}/versions/1/restore`).set(as),
      t.http.post(`${BASE}/${resumeId}/export`).set(as).send({ format: 'pdf' }),
      t.http.get(`${BASE}/${resumeId}/download`).set(as),
      t.http.post(`${BASE}/${resumeId}/share`).set(as).send({}),
      t.http.get(`${BASE}/${resumeId}/analytics`).set(as),
      t.http.delete(`${BASE}/${resumeId}/shares/${aliceShare.body.share_id}`).set(as),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(404);
    expect((await t.http.delete(`${BASE}/${resumeId}`).set(as)).status).toBe(204);
    expect((await t.http.get(`${BASE}`).set(as)).body.total).toBe(0);
    expect((await t.http.get(`${BASE}/usage-stats`).set(as)).body.documents.total).toBe(0);
    const still = await t.http.get(`${BASE}/${resumeId}`).set(alice.user.auth);
    expect(still.status).toBe(200);
    expect(still.body.title).not.toBe('Mine now');
    expect((await t.http.get(aliceShare.body.url)).status).toBe(200);
    expect((await t.http.get(BASE)).status).toBe(401);
  });
});

describe('deletion and retention', () => {
  it('deletes a document with its files and links; the next generation for the job starts a new document', async () => {
    const share = await t.http.post(`${BASE}/${letterId}/share`).set(alice.user.auth).send({});
    await t.http.post(`${BASE}/${letterId}/export`).set(alice.user.auth).send({ format: 'txt' });
    const folder = join(t.data_dir, 'storage', alice.user.user_id, 'cover_letter', letterId);
    expect(existsSync(folder)).toBe(true);
    expect((await t.http.delete(`${BASE}/${letterId}`).set(alice.user.auth)).status).toBe(204);
    expect((await t.http.get(`${BASE}/${letterId}`).set(alice.user.auth)).status).toBe(404);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    expect((await t.http.get(share.body.url)).status).toBe(404);
    const next = await generate(t, alice.user, alice.profile_id, alice.job_id, true);
    const docs = await documentsOf(t, alice.user, next, 2);
    expect(docs.find((d) => d.type === 'cover_letter')!.id).not.toBe(letterId);
    expect(docs.find((d) => d.type === 'resume')!.id).toBe(resumeId);
  });

  it('expires documents DOCUMENT_RETENTION_DAYS after their last version, with their files and links', async () => {
    const share = await t.http.post(`${BASE}/${resumeId}/share`).set(alice.user.auth).send({ expires_in_hours: 720 });
    offset_ms += 89 * DAY_MS;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await t.http.get(`${BASE}/${resumeId}`).set(alice.user.auth)).status).toBe(200);
    offset_ms += 2 * DAY_MS;
    // One sweep expires both of alice's documents, one after the other, each event before its
    // files: wait for the sweep to finish rather than for its first step.
    const folder = join(t.data_dir, 'storage', alice.user.user_id, 'resume', resumeId);
    await eventually(async () => {
      const listed = await t.http.get(BASE).set(alice.user.auth);
      const filesLeft = existsSync(folder) ? readdirSync(folder) : [];
      return listed.body.total === 0 && filesLeft.length === 0 ? true : undefined;
    }, 'every document of alice expired with its files');
    expect((await t.http.get(`${BASE}/${resumeId}`).set(alice.user.auth)).status).toBe(404);
    expect((await t.http.get(share.body.url)).status).toBe(404);
  });
});

describe('erasure', () => {
  it('erasing a user removes their documents, files and share links', async () => {
    const carol = await userWithProfileAndJob(t);
    const generation = await generate(t, carol.user, carol.profile_id, carol.job_id);
    const [doc] = await documentsOf(t, carol.user, generation, 1);
    await t.http.post(`${BASE}/${doc.id}/export`).set(carol.user.auth).send({ format: 'pdf' });
    const share = await t.http.post(`${BASE}/${doc.id}/share`).set(carol.user.auth).send({});
    expect((await t.http.get(share.body.url)).status).toBe(200);
    const erased = await t.http.delete('/api/v1/auth/me').set(carol.user.auth).send({ password: carol.user.password });
    expect(erased.status).toBe(204);
    await eventually(async () => ((await t.http.get(share.body.url)).status === 404 ? true : undefined), 'the link is dead');
    expect(existsSync(join(t.data_dir, 'storage', carol.user.user_id))).toBe(false);
  });
});
