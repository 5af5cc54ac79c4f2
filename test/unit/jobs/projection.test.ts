import { randomUUID } from 'node:crypto';
import { JobEvent } from '../../../contracts/jobs/events';
import { JobDocument } from '../../../contracts/jobs/read-model';
import { jobsProjection } from '../../../projections/jobs';
import { ProjectionRunner } from '../../../src/projector/projection-runner';
import { EventStore, RecordedEvent, SubscribeToAllOptions } from '../../../src/event-store/port';
import { DomainEnvelope } from '../../../contracts/events';
import { serializeEvent } from '../../../src/event-store/serializer';
import { analyzeJob } from '../../../src/keywords';
import { contentHash } from '../../../src/jobs/catalogue/catalogue';
import { queryTerms } from '../../../src/keywords';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { silentLogger } from '../../../src/shared/logger';
import { jobContent } from '../../support/job-fixtures';

const job_id = randomUUID();
const user_id = randomUUID();
const stream_id = `job-${job_id}`;
const content = jobContent();
const content_hash = contentHash(content);
const analysis = analyzeJob(content);
const changed = jobContent({ title: 'Registered Nurse', description: 'Care for patients on a busy surgical ward.', requirements: ['Valid nursing licence', 'BLS certification'], responsibilities: [] });
const changed_hash = contentHash(changed);

const createdEvent: JobEvent = {
  type: 'JobCreated',
  data: { job_id, source: 'user_created', user_id, status: 'draft', catalogue_id: null, content, content_hash },
};
const analyzedEvent: JobEvent = { type: 'JobAnalyzed', data: { content_hash, analysis } };

/** Stored events of one job stream, in order, with consecutive revisions and positions. */
function recorded(events: JobEvent[], start = '2026-11-01T09:00:00.000Z'): RecordedEvent[] {
  return events.map((event, revision) => {
    const occurred_at = new Date(Date.parse(start) + revision * 60_000).toISOString();
    const data = serializeEvent(event, { correlation_id: 'c', causation_id: null, actor: user_id, occurred_at });
    return { ...data, stream_id, revision, position: String(revision + 1).padStart(16, '0'), recorded_at: occurred_at };
  });
}

const asEnvelope = (e: RecordedEvent) => ({ ...e }) as unknown as DomainEnvelope;
const play = (events: JobEvent[]) =>
  recorded(events).map(asEnvelope).reduce((doc, e) => jobsProjection.evolve(doc, e), null as ReturnType<typeof jobsProjection.evolve>);

describe('jobs_v2 projection', () => {
  it('given JobCreated, then the document holds the unified job model with its skills and search terms', () => {
    const doc = play([createdEvent])!;
    expect(doc).toMatchObject({
      id: job_id,
      source: 'user_created',
      user_id,
      catalogue_id: null,
      status: 'draft',
      title: content.title,
      requirements: content.requirements,
      content_hash,
      version: 1,
      created_at: '2026-11-01T09:00:00.000Z',
      updated_at: '2026-11-01T09:00:00.000Z',
      analysis: null,
      keywords_extracted: [],
    });
    expect(doc.skills).toEqual(expect.arrayContaining(['Kubernetes', 'Terraform', 'AWS', 'Prometheus']));
    expect(doc.search_terms).toEqual(expect.arrayContaining([...queryTerms('kubernetes'), ...queryTerms('Quillmark')]));
  });

  it('given JobAnalyzed, then the keyword fields come from the analysis', () => {
    const doc = play([createdEvent, analyzedEvent])!;
    expect(doc.analysis).toEqual(analysis);
    expect(doc.keywords_extracted).toEqual([...analysis.required_skills, ...analysis.preferred_skills]);
    expect(doc.ats_keywords).toEqual(analysis.ats_keywords);
    expect(doc.priority_keywords).toEqual(analysis.priority_keywords.map((k) => k.keyword));
    expect(doc.version).toBe(2);
  });

  it('given JobUpdated, then content, skills and terms are replaced and the old analysis is dropped until the new one', () => {
    const updated = play([createdEvent, analyzedEvent, { type: 'JobUpdated', data: { content: changed, content_hash: changed_hash } }])!;
    expect(updated).toMatchObject({ title: 'Registered Nurse', content_hash: changed_hash, analysis: null, version: 3, created_at: '2026-11-01T09:00:00.000Z' });
    expect(updated.skills).not.toContain('Kubernetes');
    expect(updated.search_terms).toEqual(expect.arrayContaining(queryTerms('nurse')));
  });

  it('given an analysis of content that has since been replaced, then it is not shown', () => {
    const doc = play([createdEvent, { type: 'JobUpdated', data: { content: changed, content_hash: changed_hash } }, analyzedEvent])!;
    expect(doc.analysis).toBeNull();
    expect(doc.version).toBe(3);
  });

  it('given status changes and expiry, then the recorded status follows', () => {
    expect(play([createdEvent, { type: 'JobStatusChanged', data: { from: 'draft', to: 'active' } }])!.status).toBe('active');
    expect(play([createdEvent, { type: 'JobExpired', data: { expires_date: '2026-11-01' } }])!.status).toBe('expired');
  });

  it('given any event that writes the document, then it is stamped with that event\'s position (job search reads changes by it)', () => {
    const events: JobEvent[] = [createdEvent, analyzedEvent, { type: 'JobStatusChanged', data: { from: 'draft', to: 'active' } }];
    for (let n = 1; n <= events.length; n++) expect(play(events.slice(0, n))!.changed_position).toBe(String(n).padStart(16, '0'));
  });

  it('given JobDeleted, then the document is removed', () => {
    expect(play([createdEvent, { type: 'JobDeleted', data: { job_id, user_id } }])).toBeNull();
  });
});

/** An event store whose subscription delivers a fixed list, duplicates included (an at-least-once redelivery). */
function replayingStore(deliveries: RecordedEvent[]): EventStore {
  return {
    headPosition: async () => deliveries.reduce((max, e) => (e.position > max ? e.position : max), ''),
    subscribeToAll({ on_event, on_live }: SubscribeToAllOptions) {
      void (async () => {
        // One event per pause, as redeliveries after a resubscription arrive (the runner batches what arrives together).
        for (const event of deliveries) {
          await on_event(event);
          await new Promise((resolve) => setImmediate(resolve));
        }
        on_live?.();
      })();
      return { stop: async () => undefined };
    },
  } as unknown as EventStore;
}

describe('jobs_v2 projection under the runner', () => {
  it('given events delivered twice, when projected, then the document is as if each was applied once', async () => {
    const events = recorded([createdEvent, analyzedEvent, { type: 'JobStatusChanged', data: { from: 'draft', to: 'active' } }]);
    const once = await project(events);
    const twice = await project([...events, events[0], events[1], ...events]);
    expect(twice).toEqual(once);
    expect(twice).toMatchObject({ status: 'active', version: 3, _applied: { [stream_id]: 2 } });
  });

  it('given a deleted job, when its earlier events are replayed, then it stays deleted', async () => {
    const events = recorded([createdEvent, analyzedEvent, { type: 'JobDeleted', data: { job_id, user_id } }]);
    const doc = await project([...events, events[0], events[1]]);
    expect(doc).toMatchObject({ _deleted: true });
    expect(doc).not.toHaveProperty('title');
  });
});

async function project(deliveries: RecordedEvent[]): Promise<JobDocument | null> {
  const readStore = new EmbeddedReadStore();
  const runner = new ProjectionRunner(jobsProjection as never, replayingStore(deliveries), readStore, silentLogger());
  await runner.start();
  await runner.waitFor(deliveries.reduce((max, e) => (e.position > max ? e.position : max), ''));
  await runner.stop();
  return readStore.collection<JobDocument>(jobsProjection.collection).get(job_id);
}
