import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProjections } from '../../projections';
import { TOKENS } from '../../src/container-tokens';
import { ProjectionRunner } from '../../src/projector/projection-runner';
import { CHECKPOINTS_COLLECTION } from '../../src/read-store/checkpoints';
import { PersistentReadStore, SNAPSHOT_FILE } from '../../src/read-store/persistent';
import { startTestApp, TestApp } from '../support/app';
import { profileBody } from '../support/fixtures';
import { jobBody } from '../support/job-fixtures';

/**
 * The embedded app restarted on one data dir: restored from its snapshot, the read models are
 * exactly what a full rebuild from the log gives; a damaged snapshot is ignored and rebuilt from.
 */
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobwise-restart-'));
  const t = await startTestApp({}, dir);
  for (let i = 0; i < 3; i++) {
    const user = await t.register();
    const profile = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
    expect(profile.status).toBe(201);
    const experience = { title: `Engineer ${i}`, company: 'Acme', start_date: '2020-01', is_current: true };
    expect((await t.http.post(`/api/v1/profiles/${profile.body.id}/experiences`).set(user.auth).send(experience)).status).toBe(201);
    expect((await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody())).status).toBe(201);
  }
  await t.stop();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every projection's documents and checkpoint, once every projector is ready. */
async function readModels(t: TestApp) {
  const runners = t.app.container.get<ProjectionRunner[]>(TOKENS.ProjectionRunners);
  while (!runners.every((runner) => runner.ready)) await new Promise((resolve) => setTimeout(resolve, 10));
  const store = t.app.container.get<PersistentReadStore>(TOKENS.ReadStore);
  const checkpoints = await store.collection(CHECKPOINTS_COLLECTION).find();
  const models: Record<string, unknown> = {};
  for (const projection of allProjections) {
    models[projection.collection] = await store.collection(projection.collection).find({}, { sort: { _id: 1 } });
    models[`${projection.name} checkpoint`] = checkpoints.find((doc) => doc._id === projection.name)?.position;
  }
  return { restored: store.restored, models };
}

async function restart(prepare: () => void = () => undefined) {
  prepare();
  const t = await startTestApp({}, dir);
  try {
    return await readModels(t);
  } finally {
    await t.stop();
  }
}

const snapshot = () => join(dir, 'read-models', SNAPSHOT_FILE);

describe('read models across restarts (embedded)', () => {
  it('restores from the snapshot the same read models a full rebuild gives, then rebuilds from a damaged one to the same', async () => {
    const fromSnapshot = await restart();
    expect(fromSnapshot.restored.snapshot).toBe('loaded');
    expect(fromSnapshot.restored.projections_restored.sort()).toEqual(allProjections.map((p) => p.name).sort());

    const rebuilt = await restart(() => unlinkSync(snapshot()));
    expect(rebuilt.restored.snapshot).toBe('missing');
    expect(fromSnapshot.models).toEqual(rebuilt.models);
    expect(Object.values(rebuilt.models).some((docs) => Array.isArray(docs) && docs.length > 0)).toBe(true);

    const afterDamage = await restart(() => {
      const bytes = readFileSync(snapshot());
      writeFileSync(snapshot(), bytes.subarray(0, Math.floor(bytes.length / 2)));
    });
    expect(afterDamage.restored.snapshot).toBe('unreadable');
    expect(afterDamage.models).toEqual(rebuilt.models);
  }, 60_000);
});
