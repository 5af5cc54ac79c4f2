import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { EventStore } from '../../../src/event-store/port';
import { jobAggregate } from '../../../src/jobs/job-aggregate';
import { CommandHandler } from '../../../src/shared/command-handler';
import { jobContent } from '../../support/job-fixtures';

const now = '2026-11-24T10:00:00.000Z';
const user = randomUUID();
const context = { correlation_id: 'test', causation_id: null, actor: user, now };

let dir: string;
let store: EventStore;
let commands: CommandHandler;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobwise-handler-'));
  store = await openEmbeddedEventStore(dir);
  commands = new CommandHandler(store);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const typesOf = async (job_id: string) => (await store.readStream(`job-${job_id}`)).map((e) => e.type);

async function givenJob(content = jobContent()) {
  const job_id = randomUUID();
  await commands.handle(jobAggregate, { type: 'CreateJob', job_id, actor: user, now, source: 'user_created', status: 'draft', content }, context);
  return job_id;
}

describe('CommandHandler with a prepare step', () => {
  it('given a request without the computed fields, when handled, then prepare adds the content hash and analysis before deciding', async () => {
    const job_id = await givenJob();
    const [created, analysed] = await store.readStream(`job-${job_id}`);
    expect(created.type).toBe('JobCreated');
    expect(created.data.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(analysed.type).toBe('JobAnalyzed');
    expect(analysed.data.content_hash).toBe(created.data.content_hash);
  });

  it('given a job whose stored analysis is current, when AnalyzeJob is handled, then it reads the content from the loaded state and appends nothing', async () => {
    const job_id = await givenJob();
    const result = await commands.handle(jobAggregate, { type: 'AnalyzeJob', job_id, actor: user, now }, context);
    expect(result.events).toEqual([]);
    expect(result.position).toBeNull();
    expect(result.version).toBe(2);
  });

  it('given no job, when AnalyzeJob is handled, then prepare refuses it as not found and nothing is written', async () => {
    const job_id = randomUUID();
    await expect(commands.handle(jobAggregate, { type: 'AnalyzeJob', job_id, actor: user, now }, context)).rejects.toMatchObject({ code: 'JOB.NOT_FOUND' });
    expect(await typesOf(job_id)).toEqual([]);
  });

  it('given an unchanged catalogue entry, when synced again, then prepare answers "nothing to do" and nothing is appended', async () => {
    const job_id = randomUUID();
    const content = jobContent();
    const first = await commands.handle(jobAggregate, { type: 'SyncCatalogueJob', job_id, actor: 'system:catalogue', now, catalogue_id: 'static-999', content, content_hash: 'a'.repeat(64) }, context);
    expect(first.events.map((e) => e.type)).toEqual(['JobCreated', 'JobAnalyzed']);
    const again = await new CommandHandler(store).handle(
      jobAggregate,
      { type: 'SyncCatalogueJob', job_id, actor: 'system:catalogue', now, catalogue_id: 'static-999', content, content_hash: 'a'.repeat(64) },
      context,
    );
    expect(again).toMatchObject({ events: [], position: null, version: 2 });
  });

  it('given a pinned version that is no longer current, when handled, then it is a version mismatch and nothing is written', async () => {
    const job_id = await givenJob();
    const request = { type: 'ChangeJobStatus', job_id, actor: user, now, status: 'active' } as const;
    await expect(commands.handle(jobAggregate, request, context, { expected_version: 1 })).rejects.toMatchObject({ code: 'CONCURRENCY.VERSION_MISMATCH' });
    expect(await typesOf(job_id)).toEqual(['JobCreated', 'JobAnalyzed']);
  });
});
