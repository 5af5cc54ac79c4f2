import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE_ACTOR } from '../../../../contracts/jobs/commands';
import { openEmbeddedEventStore } from '../../../../src/event-store/embedded';
import { EventStore } from '../../../../src/event-store/port';
import { CatalogueJob, contentHash, loadStaticCatalogue, staticJobId } from '../../../../src/jobs/catalogue/catalogue';
import { syncCatalogue } from '../../../../src/jobs/catalogue-sync';
import { CommandHandler } from '../../../../src/shared/command-handler';

const now = '2026-11-24T10:00:00.000Z';
const catalogue = loadStaticCatalogue();

let dir: string;
let store: EventStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobwise-catalogue-'));
  store = await openEmbeddedEventStore(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Closes and reopens the store, as a restart does: nothing is cached any more. */
async function restart() {
  await store.close();
  store = await openEmbeddedEventStore(dir);
  return new CommandHandler(store);
}

const streamOf = async (catalogue_id: string) =>
  (await store.readStream(`job-${staticJobId(catalogue_id)}`)).map((e) => ({ type: e.type, actor: e.metadata.actor }));

describe('loading the static catalogue', () => {
  it('given an empty store, when synced, then every entry becomes a static job, created and analysed by system:catalogue', async () => {
    const report = await syncCatalogue(new CommandHandler(store), catalogue, now);
    expect(report).toMatchObject({ entries: catalogue.length, changed: catalogue.length });
    expect(report.position).toBe(await store.headPosition());
    expect(await streamOf('static-001')).toEqual([
      { type: 'JobCreated', actor: CATALOGUE_ACTOR },
      { type: 'JobAnalyzed', actor: CATALOGUE_ACTOR },
    ]);
    const [created] = await store.readStream(`job-${staticJobId('static-001')}`);
    expect(created.data).toMatchObject({ source: 'static', user_id: null, status: 'active', catalogue_id: 'static-001' });
  });

  it('given a synced store, when the process restarts and syncs again, then nothing is appended', async () => {
    await syncCatalogue(new CommandHandler(store), catalogue, now);
    const head = await store.headPosition();
    const commands = await restart();
    const started = Date.now();
    const report = await syncCatalogue(commands, catalogue, now);
    expect(report).toMatchObject({ changed: 0, position: null });
    expect(await store.headPosition()).toBe(head);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('given a changed entry, when synced, then only that job is updated and re-analysed', async () => {
    await syncCatalogue(new CommandHandler(store), catalogue, now);
    const edited: CatalogueJob[] = catalogue.map((job) => {
      if (job.catalogue_id !== 'static-002') return job;
      const content = { ...job.content, title: 'Senior Frontend Developer (React)' };
      return { ...job, content, content_hash: contentHash(content) };
    });
    const report = await syncCatalogue(await restart(), edited, now);
    expect(report.changed).toBe(1);
    expect((await streamOf('static-002')).map((e) => e.type)).toEqual(['JobCreated', 'JobAnalyzed', 'JobUpdated', 'JobAnalyzed']);
    expect((await streamOf('static-003')).map((e) => e.type)).toEqual(['JobCreated', 'JobAnalyzed']);
  });
});
